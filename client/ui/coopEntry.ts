// Play with friends: your name (remembered), then create a room or join one by its code.
import { NAME_MAX, cleanName } from "../../shared/index.js";
import { h } from "./dom.js";

export interface CoopEntryActions {
  create(name: string): Promise<void>;
  join(code: string, name: string): Promise<void>;
  back(): void;
}

/** A code as players type it: letters and digits only (spaces, dashes and a pasted link's prefix dropped). */
export function codeFromInput(raw: string): string {
  const fromLink = /[?&]room=([^&#\s]+)/.exec(raw);
  return (fromLink ? decodeURIComponent(fromLink[1]) : raw).replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32);
}

export function coopEntryScreen(name: string, code: string, error: string | null, actions: CoopEntryActions): HTMLElement {
  const nameInput = h("input", { type: "text", id: "coop-name", maxlength: NAME_MAX, value: name, autocomplete: "nickname", placeholder: "e.g. Ada", "data-field": "name" }) as HTMLInputElement;
  const codeInput = h("input", { type: "text", id: "coop-code", value: code, placeholder: "code or link", autocomplete: "off", spellcheck: "false", class: "code-input", "data-field": "code" }) as HTMLInputElement;
  const status = h("p", { class: `coop-status ${error ? "error" : ""}`, role: "status", "aria-live": "polite" }, error ?? "");
  const createBtn = h("button", { class: "btn primary", type: "button", "data-action": "create-room" }, h("span", null, "Create a room"), h("small", null, "you host: pick the chapter, then start"));
  const joinBtn = h("button", { class: "btn", type: "button", "data-action": "join-room" }, "Join");
  const busy = (on: boolean, text = "") => {
    for (const b of [createBtn, joinBtn]) b.toggleAttribute("disabled", on);
    status.className = "coop-status";
    status.textContent = text;
  };
  const fail = (e: unknown) => {
    busy(false);
    status.className = "coop-status error";
    status.textContent = `✖ ${e instanceof Error ? e.message : String(e)}`;
  };
  const validName = (): string | null => {
    const n = cleanName(nameInput.value);
    if (!n) {
      fail(new Error("Type a name first: it is how the others will see you."));
      nameInput.focus();
      return null;
    }
    return n;
  };
  createBtn.addEventListener("click", () => {
    const n = validName();
    if (!n) return;
    busy(true, "Creating a room…");
    actions.create(n).catch(fail);
  });
  const join = () => {
    const n = validName();
    if (!n) return;
    const c = codeFromInput(codeInput.value);
    if (!c) {
      fail(new Error("Type the room's code (the host sees it in big letters), or paste the link."));
      codeInput.focus();
      return;
    }
    busy(true, `Joining ${c}…`);
    actions.join(c, n).catch(fail);
  };
  joinBtn.addEventListener("click", join);
  codeInput.addEventListener("keydown", (e) => { if (e.key === "Enter") join(); });
  nameInput.addEventListener("keydown", (e) => { if (e.key === "Enter") (codeInput.value ? join() : createBtn.click()); });
  const el = h("div", { class: "screen menu whiteboard", "data-screen": "coop-entry" },
    h("div", { class: "menu-card" },
      h("h1", { class: "logo small-logo" }, "Play with friends"),
      h("p", { class: "tagline" }, "Two to eight players run one foobar.com together: one budget, one board, everyone's cursor on it."),
      h("label", { class: "field", for: "coop-name" }, "Your name", nameInput),
      h("div", { class: "menu-buttons" },
        createBtn,
        h("div", { class: "join-row" }, h("label", { for: "coop-code", class: "sr-only" }, "Room code"), codeInput, joinBtn),
      ),
      status,
      h("div", { class: "menu-footer" }, h("button", { class: "btn", type: "button", "data-action": "back", onclick: actions.back }, "← Menu"), h("span", null, "Rooms run on this game's server.")),
    ),
  );
  queueMicrotask(() => (name ? (code ? joinBtn : createBtn) : nameInput).focus());
  return el;
}

// Join a class: the code from the board (or the QR code's link), then a display name, unless the
// class gives everyone a generated one. Errors (a taken name, a locked class) are the server's
// sentence, shown under the form.
import { NAME_MAX } from "../../shared/index.js";
import { h } from "../ui/dom.js";
import { classCodeFrom, classSummary } from "./classApi.js";

export interface JoinClassActions {
  join(code: string, name: string | undefined): Promise<void>;
  back(): void;
}

export function joinClassScreen(name: string, code: string, error: string | null, actions: JoinClassActions): HTMLElement {
  const codeInput = h("input", { type: "text", id: "class-code", value: code, placeholder: "ABCDEF", autocomplete: "off", spellcheck: "false", class: "code-input class-code-input", maxlength: 40, "data-field": "class-code" }) as HTMLInputElement;
  const nameInput = h("input", { type: "text", id: "class-name", maxlength: NAME_MAX, value: name, autocomplete: "nickname", placeholder: "e.g. Ada", "data-field": "class-name" }) as HTMLInputElement;
  const nameField = h("label", { class: "field", for: "class-name" }, "Your display name", nameInput);
  const privacyNote = h("p", { class: "tagline hidden", "data-note": "generated-names" }, "This class gives everyone a generated name (a colour and an animal): you do not type yours.");
  const status = h("p", { class: `coop-status ${error ? "error" : ""}`, role: "status", "aria-live": "polite" }, error ?? "");
  const joinBtn = h("button", { class: "btn primary", type: "submit", "data-action": "join-class" }, h("span", null, "Join the class"), h("small", null, "the teacher starts the clock"));
  let generated = false;

  const fail = (e: unknown) => {
    joinBtn.removeAttribute("disabled");
    status.className = "coop-status error";
    status.textContent = `✖ ${e instanceof Error ? e.message : String(e)}`;
  };
  // Ask what the code opens, so a privacy class hides the name field before anyone types a name.
  const lookUp = async () => {
    const c = classCodeFrom(codeInput.value);
    if (c.length !== 6) return;
    try {
      const summary = await classSummary(c);
      generated = !!summary.generatedNames;
      nameField.classList.toggle("hidden", generated);
      privacyNote.classList.toggle("hidden", !generated);
      status.className = "coop-status";
      status.textContent = `${summary.scenarioTitle} · ${summary.durationMinutes} min · ${summary.mode === "teams" ? `teams of ${summary.teamSize}` : "each on your own board"}`;
    } catch (e) {
      fail(e);
    }
  };
  codeInput.addEventListener("change", () => void lookUp());
  codeInput.addEventListener("input", () => { if (classCodeFrom(codeInput.value).length === 6) void lookUp(); });

  const submit = (e: Event) => {
    e.preventDefault();
    const c = classCodeFrom(codeInput.value);
    if (c.length !== 6) {
      fail(new Error("Type the six-letter code shown on the board."));
      codeInput.focus();
      return;
    }
    let chosen: string | undefined;
    if (!generated) {
      // The server checks the name's rules and answers with the reason; only an empty one is caught here.
      chosen = nameInput.value.trim();
      if (!chosen) {
        fail(new Error("Type the name the class will see."));
        nameInput.focus();
        return;
      }
    }
    joinBtn.setAttribute("disabled", "");
    status.className = "coop-status";
    status.textContent = `Joining ${c}…`;
    actions.join(c, chosen).catch(fail);
  };

  const el = h("div", { class: "screen menu whiteboard", "data-screen": "join-class" },
    h("form", { class: "menu-card", onsubmit: submit },
      h("h1", { class: "logo small-logo" }, "Join a class"),
      h("p", { class: "tagline" }, "Your teacher runs a timed challenge: everyone plays the same scenario, and the same failures hit everyone at the same second."),
      h("label", { class: "field", for: "class-code" }, "Class code", codeInput),
      nameField,
      privacyNote,
      h("div", { class: "menu-buttons" }, joinBtn),
      status,
      h("div", { class: "menu-footer" }, h("button", { class: "btn", type: "button", "data-action": "back", onclick: actions.back }, "← Menu"), h("span", null, "Your seat is kept in this browser.")),
    ),
  );
  if (code) void lookUp();
  queueMicrotask(() => (code ? nameInput : codeInput).focus());
  return el;
}

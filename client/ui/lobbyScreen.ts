// The room before the game: the code in big letters and the share link, who is here (colour,
// name, host, ready, connection, role), and the host's choices: chapter, seed, roles, who may
// pause, start. Everyone else marks themselves ready and waits for the host.
import { ROLES, ROLE_LABELS, SCENARIOS, findScenario, type Role } from "../../shared/index.js";
import type { PlayerMeta, RoomMeta } from "../net/roomMeta.js";
import { playerTag, roleShort } from "./coopPanel.js";
import { fill, h, setText } from "./dom.js";

export interface LobbyActions {
  setup(scenario: string, seed: number | undefined): void;
  start(): void;
  ready(ready: boolean): void;
  roles(enabled: boolean): void;
  assignRole(player: string, role: Role | null): void;
  hostOnlyPause(enabled: boolean): void;
  leave(): void;
}

export function shareLink(code: string): string {
  return `${location.origin}/?room=${encodeURIComponent(code)}`;
}

export class LobbyScreen {
  readonly el: HTMLElement;
  private readonly codeEl = h("div", { class: "room-code", "data-room-code": "" });
  private readonly linkInput = h("input", { type: "text", readonly: true, class: "share-link", "aria-label": "Link to this room", "data-share-link": "" }) as HTMLInputElement;
  private readonly players = h("ul", { class: "players lobby-players", "aria-label": "Players in the room" });
  private readonly hostBox = h("div", { class: "host-box" });
  private readonly guestBox = h("div", { class: "guest-box" });
  private readonly scenarioSelect = h("select", { "aria-label": "Chapter", "data-field": "scenario" }, SCENARIOS.map((s) => h("option", { value: s.id }, s.durationTicks ? `Chapter ${s.chapter}: ${s.title}` : s.title))) as HTMLSelectElement;
  private readonly seedInput = h("input", { type: "number", min: 0, max: 4294967295, step: 1, placeholder: "random", "aria-label": "Seed (empty: random)", "data-field": "seed", style: "width: 130px" }) as HTMLInputElement;
  private readonly rolesBox = h("input", { type: "checkbox", "data-field": "roles" }) as HTMLInputElement;
  private readonly pauseBox = h("input", { type: "checkbox", "data-field": "host-only-pause" }) as HTMLInputElement;
  private readonly startBtn = h("button", { class: "btn primary big", type: "button", "data-action": "start" }, "▶ Start the game");
  private readonly readyBtn = h("button", { class: "btn primary big", type: "button", "data-action": "ready", "aria-pressed": "false" }, "I'm ready");
  private readonly chosen = h("p", { class: "chosen" });
  private readonly waiting = h("p", { class: "muted", role: "status" });
  private readonly notice = h("p", { class: "coop-status error", role: "alert" });
  private last = "\u0000";
  private ready = false;

  constructor(private readonly me: () => string, private readonly actions: LobbyActions) {
    const copy = h("button", { class: "btn", type: "button", "data-action": "copy-link" }, "Copy link");
    copy.addEventListener("click", () => {
      this.linkInput.select();
      void navigator.clipboard?.writeText(this.linkInput.value).then(() => setText(copy, "✔ Copied"), () => setText(copy, "Select and copy"));
    });
    const setup = () => {
      const raw = this.seedInput.value.trim();
      const seed = raw === "" ? undefined : Math.floor(Number(raw));
      if (seed !== undefined && !(seed >= 0 && seed <= 0xffffffff)) {
        this.seedInput.setCustomValidity("A whole number from 0 to 4294967295, or empty for a random one");
        this.seedInput.reportValidity();
        return;
      }
      this.seedInput.setCustomValidity("");
      actions.setup(this.scenarioSelect.value, seed);
    };
    this.scenarioSelect.addEventListener("change", setup);
    this.seedInput.addEventListener("change", setup);
    this.rolesBox.addEventListener("change", () => actions.roles(this.rolesBox.checked));
    this.pauseBox.addEventListener("change", () => actions.hostOnlyPause(this.pauseBox.checked));
    this.startBtn.addEventListener("click", () => actions.start());
    this.readyBtn.addEventListener("click", () => actions.ready(!this.ready));
    this.hostBox.append(
      h("h3", null, "You are the host"),
      h("label", { class: "field" }, "Chapter", this.scenarioSelect),
      h("label", { class: "field" }, "Seed", this.seedInput, h("small", { class: "muted" }, "Same seed, same incidents at the same second. Empty: a random one.")),
      h("label", { class: "check" }, this.rolesBox, "Split the work into roles"),
      h("label", { class: "check" }, this.pauseBox, "Only the host may pause or change the speed"),
      this.startBtn,
    );
    this.guestBox.append(this.chosen, this.readyBtn, this.waiting);
    this.el = h("div", { class: "screen lobby whiteboard", "data-screen": "lobby" },
      h("div", { class: "lobby-card" },
        h("header", { class: "lobby-head" },
          h("div", null,
            h("div", { class: "muted small" }, "Room code"),
            this.codeEl,
            h("div", { class: "share" }, this.linkInput, copy),
            h("p", { class: "muted small" }, "Friends join with the link, or with Play with friends → the code."),
          ),
          h("button", { class: "btn", type: "button", "data-action": "leave" , onclick: () => actions.leave() }, "Leave the room"),
        ),
        h("div", { class: "lobby-grid" },
          h("section", null, h("h3", null, "Players"), this.players, this.notice),
          h("section", null, this.hostBox, this.guestBox),
        ),
      ),
    );
  }

  /** A line under the players: what the room refused ("only the host starts the game"). */
  say(text: string): void {
    setText(this.notice, text);
  }

  refresh(meta: RoomMeta, code: string): void {
    const sig = JSON.stringify(meta) + code;
    if (sig === this.last) return;
    this.last = sig;
    setText(this.codeEl, code);
    this.linkInput.value = shareLink(code);
    const me = meta.players.find((p) => p.id === this.me());
    const host = !!me?.isHost;
    this.ready = !!me?.ready;
    this.hostBox.classList.toggle("hidden", !host);
    this.guestBox.classList.toggle("hidden", host);
    const scenario = findScenario(meta.scenario);
    if (host) {
      if (scenario && document.activeElement !== this.scenarioSelect) this.scenarioSelect.value = scenario.id;
      this.rolesBox.checked = meta.rolesEnabled;
      this.pauseBox.checked = meta.hostOnlyPause;
      const notReady = meta.players.filter((p) => !p.isHost && !p.ready).length;
      this.startBtn.title = notReady ? `${notReady} player(s) not ready yet: you may still start` : "Everyone is ready";
    } else {
      fill(this.chosen, h("span", { class: "muted" }, "Chapter: "), h("b", null, scenario ? scenario.title : "the host is choosing…"),
        meta.rolesEnabled ? h("span", { class: "muted" }, " · roles on") : null, meta.hostOnlyPause ? h("span", { class: "muted" }, " · only the host pauses") : null);
      setText(this.readyBtn, this.ready ? "✔ Ready (click to take back)" : "I'm ready");
      this.readyBtn.setAttribute("aria-pressed", String(this.ready));
      const hostName = meta.players.find((p) => p.isHost)?.name ?? "the host";
      setText(this.waiting, `Waiting for ${hostName} to start the game…`);
    }
    this.players.replaceChildren(...meta.players.map((p) => this.row(p, host, meta.rolesEnabled)));
  }

  private row(p: PlayerMeta, iAmHost: boolean, roles: boolean): HTMLElement {
    const you = p.id === this.me();
    let role: HTMLElement | null = null;
    if (roles && iAmHost) {
      const sel = h("select", { "aria-label": `Role of ${p.name}`, "data-role-for": p.id },
        h("option", { value: "" }, "any role"),
        ROLES.map((r) => h("option", { value: r, selected: p.role === r, title: ROLE_LABELS[r] }, roleShort(r)))) as HTMLSelectElement;
      sel.addEventListener("change", () => this.actions.assignRole(p.id, (sel.value || null) as Role | null));
      role = sel;
    } else if (roles) {
      role = h("span", { class: "tag role", title: p.role ? ROLE_LABELS[p.role] : "May do anything" }, p.role ? roleShort(p.role) : "any role");
    }
    return h("li", { class: `player ${p.connected ? "" : "away"}`, "data-player": p.id },
      playerTag(p),
      you ? h("span", { class: "muted small" }, " (you)") : null,
      p.isHost ? h("span", { class: "tag host" }, "★ host") : h("span", { class: `tag ${p.ready ? "ready" : "not-ready"}` }, p.ready ? "✔ ready" : "… not ready"),
      role,
      h("span", { class: `conn ${p.connected ? "on" : "off"}` }, p.connected ? "● online" : "◌ reconnecting…"));
  }
}

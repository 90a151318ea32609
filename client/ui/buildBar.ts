// The build toolbar floating at the bottom of the board: buy servers, DNS, deploy, undo.
import { HOST_TIERS, TIER_ORDER } from "../../shared/index.js";
import { money } from "../logic/format.js";
import type { GameSession } from "../logic/session.js";
import { actionButton, type ActionButton } from "./actionButton.js";
import { h } from "./dom.js";

export interface BuildBarHooks {
  dns(): void;
  deploy(): void;
  library(): void;
}

export class BuildBar {
  readonly el: HTMLElement;
  private readonly buttons: ActionButton[] = [];
  private readonly publicBox: HTMLInputElement;

  constructor(session: GameSession, hooks: BuildBarHooks) {
    const sc = session.game.scenario;
    // Chapter 1's only server must face the internet; later, private servers behind a load balancer are the point.
    this.publicBox = h("input", { type: "checkbox", "data-option": "public" }) as HTMLInputElement;
    this.publicBox.checked = true;
    this.publicBox.addEventListener("change", () => this.refresh());
    const tiers = TIER_ORDER.filter((t) => sc.allowed.tiers.includes(t));
    for (const [i, tier] of tiers.entries()) {
      this.buttons.push(actionButton(session, `+ ${cap(tier)}`, () => ({ type: "buyHost", tier, public: this.publicBox.checked }), {
        cls: i === 0 ? "primary" : "", tutorial: i === 0 ? "buy-server" : undefined, hint: `server · ${money(HOST_TIERS[tier].price)}`, title: `Buy a ${HOST_TIERS[tier].label} server (B)`,
      }));
    }
    const undo = actionButton(session, "↶ Undo", () => ({ type: "undo" }), { title: "Undo the last build action, within 30 s (Ctrl+Z)" });
    this.buttons.push(undo);
    this.el = h("div", { class: "toolbar", role: "toolbar", "aria-label": "Build" },
      this.buttons.slice(0, tiers.length).map((b) => b.el),
      h("label", { class: "check small", title: "A public IP lets the internet reach the server directly. Servers behind a load balancer need none." }, this.publicBox, "public IP"),
      h("button", { class: "action", type: "button", "data-tutorial": "dns", "data-action": "dns", onclick: hooks.dns, title: "DNS: the www record and its TTL (D)" }, h("span", { class: "label" }, "DNS…")),
      h("button", { class: "action", type: "button", "data-action": "deploy", "data-tutorial": "deploy", onclick: hooks.deploy, title: "Ship a new version of the code" }, h("span", { class: "label" }, "Deploy…")),
      undo.el,
      h("button", { class: "action", type: "button", onclick: hooks.library, title: "Info cards: what each piece does (I)" }, h("span", { class: "label" }, "? Cards")),
    );
  }

  refresh(): void {
    for (const b of this.buttons) b.refresh();
  }
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

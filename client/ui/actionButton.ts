// Buttons that stand for a simulation command. Each refresh asks the simulation whether the
// command is legal now (game.check); an illegal one is greyed out and says why, on hover and on
// click. Clicking a legal one applies it through the session.
import type { Command } from "../../shared/index.js";
import type { GameSession } from "../logic/session.js";
import { h } from "./dom.js";
import { toast } from "./toast.js";

export interface ActionOptions {
  /** Extra line under the label (price, effect). */
  hint?: string;
  tutorial?: string;
  cls?: string;
  title?: string;
  /** After a successful apply. */
  then?: () => void;
}

export interface ActionButton {
  el: HTMLButtonElement;
  refresh(): void;
}

export function actionButton(session: GameSession, label: string, command: () => Command, opts: ActionOptions = {}): ActionButton {
  const el = h("button", { class: `action ${opts.cls ?? ""}`, type: "button", "data-tutorial": opts.tutorial }, h("span", { class: "label" }, label), opts.hint ? h("span", { class: "hint" }, opts.hint) : null);
  let reason: string | null = null;
  const refresh = () => {
    const verdict = session.check(command());
    reason = verdict.ok ? null : verdict.reason;
    el.classList.toggle("disabled", !!reason);
    el.setAttribute("aria-disabled", reason ? "true" : "false");
    el.title = reason ? `Not now: ${reason}` : opts.title ?? label;
  };
  el.addEventListener("click", () => {
    const cmd = command();
    const verdict = session.apply(cmd);
    if (!verdict.ok) toast(capital(verdict.reason), "warn");
    else opts.then?.();
    refresh();
  });
  refresh();
  return { el, refresh };
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

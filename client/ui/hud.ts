// The bar across the top: chapter, money, requests served, nines, reputation, clock, speed, and the
// buttons for the dashboard, saving, settings and the menu.
import { nines, ninesCappedByTime, slaPermyriad, type GameState } from "../../shared/index.js";
import { IncomeRate, type Income } from "../logic/incomeRate.js";
import { SPEEDS, type Speed } from "../logic/fixedStep.js";
import { clock, money, moneyExact, ninesLabel, permyriad, reputation } from "../logic/format.js";
import type { GameSession } from "../logic/session.js";
import { h, setText } from "./dom.js";
import { toast } from "./toast.js";

export interface HudActions {
  dashboard(): void;
  /** Null hides the button (a co-op room keeps its own run). */
  save: (() => void) | null;
  settings(): void;
  help(): void;
  menu(): void;
  /** Co-op: why this player may not pause or change the speed (only the host may), or null. */
  pauseLock?: () => string | null;
}

const MONEY_HELP = "Cash in hand. Revenue comes from every request served; servers and software cost upkeep every second.";

/** "+$0.40/s" net, with what comes in and goes out beside it. */
export function incomeLine(i: Income): string {
  return `${i.net >= 0 ? "+" : "−"}${moneyExact(Math.abs(i.net))}/s (in ${moneyExact(i.revenue)} · out ${moneyExact(i.costs)})`;
}

/** "two nines", and when the run is too young for the next one, that it is capped. */
export function ninesWords(s: GameState): string {
  if (!ninesCappedByTime(s)) return ninesLabel(nines(s));
  return `${ninesLabel(nines(s))}: capped by time live`;
}

export class Hud {
  readonly el: HTMLElement;
  private readonly values: Record<string, { box: HTMLElement; v: HTMLElement; d: HTMLElement }> = {};
  private readonly speedButtons = new Map<Speed, HTMLButtonElement>();
  private readonly income = new IncomeRate();
  private lastMoney = 0;
  private lastMoneyAt = 0;

  constructor(private readonly session: GameSession, private readonly actions: HudActions) {
    const stat = (key: string, label: string, title: string) => {
      const v = h("span", { class: "v", "data-hud": key });
      const d = h("span", { class: "delta" });
      const box = h("div", { class: "stat", title }, h("span", { class: "k" }, label), v, d);
      this.values[key] = { box, v, d };
      return box;
    };
    const sc = session.game.scenario;
    this.el = h("header", { class: "hud" },
      h("div", { class: "title" }, sc.durationTicks ? `Ch. ${sc.chapter}: ${sc.title}` : sc.title, h("small", null, "foobar.com")),
      h("div", { class: "stats" },
        stat("money", "Money", MONEY_HELP),
        stat("served", "Requests served", "Share of requests answered since the site went live: the figure the chapter's goal counts."),
        stat("nines", "Nines", "Nines of uptime (the share of seconds in which at least 99 % of requests succeeded): 99 % is two nines, 99.9 % three. A run must be live long enough to claim each one."),
        stat("reputation", "Reputation", "Falls while users see errors; low reputation means fewer visitors. At zero the game is lost."),
        stat("clock", "Clock", "Time played (10 ticks = 1 second)."),
      ),
      h("div", { class: "speed", role: "group", "aria-label": "Game speed" }, SPEEDS.map((s) => {
        const b = h("button", { class: "btn", type: "button", "data-speed": s, title: s === 0 ? "Pause (Space)" : `Speed ${s}×`, onclick: () => this.pick(s) }, s === 0 ? "❚❚" : `${s}×`);
        this.speedButtons.set(s, b);
        return b;
      })),
      h("div", { class: "hud-actions" },
        h("button", { class: "btn icon", type: "button", title: "Dashboard: revenue against costs, and monitoring (M)", "data-action": "dashboard", onclick: actions.dashboard }, "Charts"),
        actions.save ? h("button", { class: "btn icon", type: "button", title: "Save or load (Ctrl+S)", "data-action": "save", onclick: actions.save }, "Save") : null,
        h("button", { class: "btn icon", type: "button", title: "Settings", "data-action": "settings", onclick: actions.settings }, "⚙"),
        h("button", { class: "btn icon", type: "button", title: "Keyboard shortcuts (?)", onclick: actions.help }, "⌨"),
        h("button", { class: "btn icon", type: "button", title: actions.save ? "Back to the menu (autosaves)" : "Leave the room", "data-action": "menu", onclick: actions.menu }, "☰"),
      ),
    );
    this.lastMoney = session.state.money;
  }

  private pick(speed: Speed): void {
    const lock = this.lockFor(speed);
    if (lock) toast(lock, "warn");
    else this.session.setSpeed(speed);
  }

  /** The reason a speed button is out of reach for this player (co-op, host-only pause). */
  private lockFor(speed: Speed): string | null {
    const lock = this.actions.pauseLock?.() ?? null;
    return lock && this.session.speed !== speed ? lock : null;
  }

  refresh(now: number): void {
    const s = this.session.state;
    const set = (key: string, text: string, tone: "" | "good" | "warn" | "bad" = "", delta = "") => {
      const e = this.values[key];
      setText(e.v, text);
      setText(e.d, delta);
      // The line may be cut short on a narrow screen: the whole of it on hover.
      if (e.d.title !== delta) e.d.title = delta;
      e.box.className = `stat ${tone}`;
    };
    if (now - this.lastMoneyAt > 1000) {
      this.lastMoneyAt = now;
      this.lastMoney = s.money;
    }
    const income = this.income.read(s);
    set("money", money(s.money), s.money < 20000 ? "bad" : "", incomeLine(income));
    this.values.money.box.title = `${MONEY_HELP} Now: in ${moneyExact(income.revenue)}/s from requests served, out ${moneyExact(income.costs)}/s upkeep.`;
    const served = slaPermyriad(s);
    const launched = s.launchedAt >= 0;
    set("served", launched ? permyriad(served) : "—", !launched ? "" : served >= 9990 ? "good" : served >= 9000 ? "warn" : "bad", launched ? "" : "not live yet");
    const n = nines(s);
    set("nines", launched ? String(n) : "—", "", launched ? ninesWords(s) : "");
    set("reputation", reputation(s.reputation), s.reputation < 3000 ? "bad" : s.reputation < 7000 ? "warn" : "");
    const dur = this.session.game.scenario.durationTicks;
    set("clock", clock(s.tick), "", dur ? `of ${clock(dur)}` : "endless");
    for (const [speed, b] of this.speedButtons) {
      b.classList.toggle("active", this.session.speed === speed);
      const lock = this.lockFor(speed);
      b.classList.toggle("disabled", !!lock);
      b.setAttribute("aria-disabled", lock ? "true" : "false");
      b.title = lock ? `Not now: ${lock}` : speed === 0 ? "Pause (Space)" : `Speed ${speed}×`;
    }
  }
}

// The chapter goal and how the run is doing against it, checked live.
import { goalProgress } from "../../shared/index.js";
import { clock, permyriad } from "../logic/format.js";
import type { GameSession } from "../logic/session.js";
import { h, setText } from "./dom.js";

export class GoalPanel {
  readonly el: HTMLElement;
  private readonly fill = h("div", { class: "fill" });
  private readonly mark = h("div", { class: "mark" });
  private readonly line = h("div", { class: "small" });
  private readonly checks = h("ul", { class: "checks" });
  private lastChecks = "";

  constructor(private readonly session: GameSession) {
    const goal = session.game.scenario.goal;
    this.el = h("section", { class: "card", "data-panel": "goal" },
      h("h3", null, "Goal"),
      h("div", { class: "small" }, goal.text),
      h("div", { class: "goal-bar", title: "Share of requests served so far; the yellow mark is the goal." }, this.fill, this.mark),
      this.line,
      this.checks,
    );
  }

  refresh(): void {
    const s = this.session.state;
    const sc = this.session.game.scenario;
    const goal = goalProgress(s, sc);
    const sla = goal.slaPermyriad;
    const min = goal.minSlaPermyriad;
    this.fill.style.width = `${sla / 100}%`;
    this.fill.className = `fill ${sla < min ? "bad" : ""}`;
    this.mark.style.left = `${min / 100}%`;
    this.mark.style.display = min > 0 ? "" : "none";
    const left = Math.max(0, goal.ticksLeft);
    const served = s.launchedAt < 0 ? "Not live yet: no DNS record." : `${permyriad(sla)} served${min ? ` (goal ${permyriad(min, 0)})` : ""}`;
    setText(this.line, `${served}${sc.durationTicks ? ` · ${clock(left)} left` : ""}`);
    if (goal.checks.length === 0) {
      if (this.lastChecks !== "none") { this.checks.replaceChildren(); this.lastChecks = "none"; }
      return;
    }
    const findings = goal.checks;
    const sig = findings.map((f) => `${f.id}${f.ok}`).join();
    if (sig === this.lastChecks) return;
    this.lastChecks = sig;
    this.checks.replaceChildren(...findings.map((f) => h("li", { title: f.detail }, h("span", { class: f.ok ? "yes" : "no" }, f.ok ? "✔" : "✖"), f.title)));
  }
}

// "Failing now": why requests fail this very second, at which hop, and what would fix it.
import { decodeReasonKey, failuresHidden, firewallFixText, Reason, REASONS, refusedCallers, TICKS_PER_SECOND, topology } from "../../shared/index.js";
import { reasonFixIn } from "../logic/advice.js";
import { compact, fillHost } from "../logic/format.js";
import type { GameSession } from "../logic/session.js";
import { pairMissingSteps } from "../logic/pairView.js";
import { h } from "./dom.js";

export interface FailingReason { text: string; fix: string; perSecond: number }

/** "Allow 3306 from app-01 on db-01.": the connections the firewall on that host drops, as rules to add. */
function firewallFix(session: GameSession, hostIndex: number): string {
  const state = session.state;
  const topo = topology(state);
  const refused = refusedCallers(state, topo, hostIndex).map((c) => ({ port: c.port, from: topo.hosts[c.from].name }));
  return firewallFixText(state.hosts[hostIndex].name, refused);
}

export class FailingNow {
  readonly el: HTMLElement;
  private readonly list = h("ul", { class: "failing" });
  // null until the first draw: a game that opens live with nothing failing has an empty signature too.
  private last: string | null = null;

  constructor(private readonly session: GameSession) {
    this.el = h("section", { class: "card", "data-panel": "failing" }, h("h3", null, "Failing now"), this.list);
  }

  reasons(): FailingReason[] {
    const report = this.session.game.report();
    const hosts = this.session.state.hosts;
    const out: FailingReason[] = [];
    let unexplained = 0;
    for (const [key, count] of report.reasons) {
      if (count <= 0) continue;
      const { reason, hostIndex } = decodeReasonKey(key);
      const text = REASONS[reason];
      if (!text) continue;
      const host = hosts[hostIndex];
      // A failure nobody has reported yet: users see errors, the player cannot see why.
      if (host && failuresHidden(this.session.state, host)) {
        unexplained += count;
        continue;
      }
      const name = host?.name ?? "a server";
      out.push({ text: fillHost(text.what, name), fix: host && reason === Reason.FirewallBlockedInside ? firewallFix(this.session, hostIndex) : fillHost(reasonFixIn(this.session.game.scenario, text.code, text.fix), name), perSecond: count * TICKS_PER_SECOND });
    }
    if (unexplained > 0) {
      out.push({ text: "users get errors and nothing tells you why yet", fix: "Monitoring agents would say where; otherwise wait for the complaints.", perSecond: unexplained * TICKS_PER_SECOND });
    }
    return out.sort((a, b) => b.perSecond - a.perSecond).slice(0, 4);
  }

  refresh(): void {
    const s = this.session.state;
    const reasons = this.reasons();
    // Steps the design still needs before it protects anything (a pair DNS does not point at).
    const steps = pairMissingSteps(s);
    const sig = reasons.map((r) => `${r.text}|${compact(r.perSecond)}`).join("\n") + steps.join("\n") + (s.launchedAt < 0 ? "prelaunch" : "");
    if (sig === this.last) return;
    this.last = sig;
    const stepItems = steps.map((t) => h("li", { class: "pair-hint", "data-hint": "pair-dns" }, h("span", { class: "n" }, "⚠"), h("span", null, t)));
    if (reasons.length === 0) {
      this.list.replaceChildren(h("li", { class: "ok-line" }, s.launchedAt < 0 ? "No traffic yet: the site has no DNS record." : "✔ Every request is answered."), ...stepItems);
      return;
    }
    this.list.replaceChildren(...stepItems, ...reasons.map((r) => h("li", null, h("span", { class: "n" }, `✖ ${r.perSecond < 0.1 ? "<0.1" : compact(r.perSecond)}/s`), h("span", null, r.text), h("span", { class: "fix" }, `→ ${r.fix}`))));
  }
}

// The alert feed: incidents the player knows about, newest first. Unmonitored failures only
// appear here once users complain. Repeats (an overload at every daily peak) fold into one line
// with a count, so they do not push everything else out of the list.
import { preventionIn } from "../logic/advice.js";
import { incidentText, type Incident } from "../../shared/index.js";
import { clock, duration } from "../logic/format.js";
import { groupIncidents, groupOpen } from "../logic/incidentGroups.js";
import type { GameSession } from "../logic/session.js";
import { h } from "./dom.js";

const SEVERITY_MARK: Record<Incident["severity"], string> = { critical: "✖", warning: "⚠", info: "ℹ" };

export class IncidentFeed {
  readonly el: HTMLElement;
  private readonly list = h("ul", { class: "feed", "aria-live": "polite" });
  /** Never a real signature, so the first refresh always draws (the empty feed included). */
  private last = "\u0000";

  constructor(private readonly session: GameSession) {
    this.el = h("section", { class: "card", "data-panel": "incidents" }, h("h3", null, "Alerts"), this.list);
  }

  refresh(): void {
    const groups = groupIncidents(this.session.knownIncidents()).slice(0, 30);
    const sig = groups.map((g) => `${g.lead.id}:${g.all.length}:${groupOpen(g)}`).join();
    if (sig === this.last) return;
    this.last = sig;
    if (groups.length === 0) {
      this.list.replaceChildren(h("li", { class: "sev-info muted" }, "All quiet. Alerts appear here."));
      return;
    }
    this.list.replaceChildren(...groups.map((g) => {
      const i = g.lead;
      const open = groupOpen(g);
      const text = incidentText(i);
      const late = i.detectedAt > i.tick ? ` · reported by users ${duration(i.detectedAt - i.tick)} later` : "";
      const repeats = g.all.length > 1 ? ` · ${g.all.length}× since ${clock(g.all[0].tick)}` : "";
      const fix = preventionIn(this.session.game.scenario, i);
      return h("li", { class: `sev-${i.severity} ${open ? "" : "resolved"}`, title: `${text.cause}\n${fix.advice ? `Prevention: ${fix.advice}` : fix.later ?? ""}` },
        h("div", { class: "when" }, clock(i.tick), late, repeats, open ? "" : " · resolved"),
        h("span", { class: "sev", "aria-label": i.severity }, SEVERITY_MARK[i.severity]),
        text.title);
    }));
  }
}

// The alert feed: incidents the player knows about, newest first. Unmonitored failures only
// appear here once users complain.
import type { Incident } from "../../shared/index.js";
import { clock } from "../logic/format.js";
import type { GameSession } from "../logic/session.js";
import { h } from "./dom.js";

const SEVERITY_MARK: Record<Incident["severity"], string> = { critical: "✖", warning: "⚠", info: "ℹ" };

export class IncidentFeed {
  readonly el: HTMLElement;
  private readonly list = h("ul", { class: "feed", "aria-live": "polite" });
  private last = "";

  constructor(private readonly session: GameSession) {
    this.el = h("section", { class: "card", "data-panel": "incidents" }, h("h3", null, "Alerts"), this.list);
  }

  refresh(): void {
    const known = this.session.knownIncidents().slice(0, 30);
    const sig = known.map((i) => `${i.id}:${i.resolvedAt >= 0}`).join();
    if (sig === this.last) return;
    this.last = sig;
    if (known.length === 0) {
      this.list.replaceChildren(h("li", { class: "sev-info muted" }, "All quiet. Alerts appear here."));
      return;
    }
    this.list.replaceChildren(...known.map((i) => {
      const late = i.detectedAt > i.tick ? ` · reported by users ${Math.round((i.detectedAt - i.tick) / 10)} s later` : "";
      return h("li", { class: `sev-${i.severity} ${i.resolvedAt >= 0 ? "resolved" : ""}`, title: `${i.cause}\nPrevention: ${i.prevention}` },
        h("div", { class: "when" }, clock(i.tick), late, i.resolvedAt >= 0 ? " · resolved" : ""),
        h("span", { class: "sev", "aria-label": i.severity }, SEVERITY_MARK[i.severity]),
        i.title);
    }));
  }
}

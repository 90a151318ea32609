// Sustained overload becomes an incident, so the debrief can say "no room to grow" with a time
// and a place: a queue more than half full for five seconds opens it, an emptied queue closes it.
import { QUEUE_TICKS } from "../content/catalog.js";
import type { GameState } from "../model/types.js";
import { capacityNow } from "./hops/hosts.js";
import { scratchFor } from "./hops/scratch.js";
import { openIncident, resolveIncidents } from "./incidents.js";

const OVERLOAD_AFTER = 50;

export function watchOverload(state: GameState): void {
  const sc = scratchFor(state);
  for (let i = 0; i < state.hosts.length; i++) {
    const h = state.hosts[i];
    if (h.status === "up" && h.backlog > 0 && h.backlog * 2 > capacityNow(sc, i) * QUEUE_TICKS) {
      h.saturatedTicks++;
      if (h.saturatedTicks === OVERLOAD_AFTER) {
        openIncident(state, {
          kind: "overload", host: h, severity: "warning",
        });
      }
    } else if (h.saturatedTicks > 0) {
      if (h.saturatedTicks >= OVERLOAD_AFTER) resolveIncidents(state, ["overload"], h.id);
      h.saturatedTicks = 0;
    }
  }
}

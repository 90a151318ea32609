// Capacity: can the design carry this second's demand with one backend gone (N+1), and how close
// is the one primary to the most writes it can take.
import { HOST_TIERS, WORK } from "../content/catalog.js";
import type { Scenario } from "../content/scenario.js";
import type { GameState } from "../model/types.js";
import type { Topology } from "../sim/topology.js";
import { NOTHING, spofHosts } from "./graph.js";
import { capacities, demandRps, estimateWork, type FlowTrace } from "./load.js";
import { fail, pass, type AuditFinding } from "./types.js";

const pct = (used: number, cap: number) => Math.round((used * 100) / cap);

export function capacityFindings(state: GameState, topo: Topology, scenario: Scenario): AuditFinding[] {
  const rps = demandRps(state, scenario);
  if (rps[0] + rps[1] + rps[2] <= 0 || !state.dns.www) return []; // no users yet: nothing to carry
  const caps = capacities(state, topo);
  const out: AuditFinding[] = [];

  // N+1: every web or application server whose loss the wiring survives, taken away in turn.
  const backends = state.hosts.map((_, i) => i).filter((i) => !topo.lb[i] && !topo.db[i] && (topo.web[i] || topo.app[i]));
  const spofs = spofHosts(state, topo);
  const survivable = backends.filter((i) => !spofs.has(i));
  if (survivable.length) {
    // Losing a backend sends what its senders gave it to their other receivers, each at its own
    // current cost per request: one pass over the flow instead of one estimate per server.
    const trace: FlowTrace = { edges: [], inbound: new Float64Array(state.hosts.length) };
    const now = estimateWork(state, topo, rps, NOTHING, trace);
    const receivers = new Map<number, number[]>();
    for (const e of trace.edges) receivers.set(e.from, [...(receivers.get(e.from) ?? []), e.to]);
    const short: { gone: number; worst: number; permille: number }[] = [];
    for (const gone of survivable) {
      const extra = new Map<number, number>();
      for (const e of trace.edges) {
        if (e.to !== gone) continue;
        const others = (receivers.get(e.from) ?? []).filter((r) => r !== gone);
        for (const r of others) {
          const costPerRequest = trace.inbound[r] > 0 ? now[r] / trace.inbound[r] : 0;
          extra.set(r, (extra.get(r) ?? 0) + (e.amount / others.length) * costPerRequest);
        }
      }
      let worst = -1;
      let permille = 0;
      for (const [r, w] of extra) {
        if (caps[r] <= 0) continue;
        const p = Math.round(((now[r] + w) * 1000) / caps[r]);
        if (p > 1000 && p > permille) { worst = r; permille = p; }
      }
      if (worst >= 0) short.push({ gone, worst, permille });
    }
    if (short.length) {
      const name = (i: number) => state.hosts[i].name;
      out.push(fail("n-plus-one", "capacity", "warning", "Room to lose one backend (N+1)", short.map((s) => name(s.gone)),
        short.slice(0, 3).map((s) => `Without ${name(s.gone)}, ${name(s.worst)} would need ${Math.round(s.permille / 10)} % of its CPU.`).join(" ") + (short.length > 3 ? ` The same holds for ${short.length - 3} more.` : ""),
        "Add a backend (or a bigger one) so the others can carry the load while one is down or being deployed."));
    } else {
      out.push(pass("n-plus-one", "capacity", "Room to lose one backend (N+1)", "At today's traffic the others could carry the load of any one backend."));
    }
  }

  // The write ceiling: the primary's spare CPU after its other work, in writes per second.
  const primary = topo.dbHosts.find((d) => topo.db[d]!.role === "primary");
  if (primary !== undefined && rps[2] > 0) {
    const work = estimateWork(state, topo, [rps[0], rps[1], 0], NOTHING);
    const spare = Math.max(0, caps[primary] - work[primary]);
    const ceiling = Math.floor((spare * 10) / WORK.db[2]);
    const writes = Math.round(rps[2]);
    const host = state.hosts[primary];
    const used = ceiling > 0 ? pct(rps[2], ceiling) : 999;
    const message = `Every write goes through ${host.name}: ${writes} writes/s now against room for about ${ceiling}/s on its ${HOST_TIERS[host.tier].label.split(" (")[0].toLowerCase()} server (${used} %).`;
    if (used >= 70) {
      out.push(fail("one-primary", "capacity", used >= 100 ? "critical" : "warning", "Writes fit on the one primary", [host.name], message,
        "Writes cannot be spread over replicas: give the primary a bigger server, keep other work off it, and move reads to replicas."));
    } else {
      out.push(pass("one-primary", "capacity", "Writes fit on the one primary", message));
    }
  }
  return out;
}


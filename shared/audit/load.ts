// Where this second's demand lands, host by host: a small static model of the flow (even splits,
// health-checked backends, reads to the replicas, writes to the primary) that the capacity checks
// can re-run with one server taken away. Work is in the catalog's milli units per tick.
import { WORK } from "../content/catalog.js";
import type { Scenario } from "../content/scenario.js";
import type { GameState } from "../model/types.js";
import { effectiveCapacity } from "../sim/capacity.js";
import { legitRps } from "../sim/demand.js";
import type { Topology } from "../sim/topology.js";
import { entryGroups, firewallLetsUsersIn, type Removal } from "./graph.js";

/** Legitimate requests per second now, per class [static, read, write]. */
export function demandRps(state: GameState, scenario: Scenario): number[] {
  const rps = legitRps(state, scenario);
  return [0, 1, 2].map((c) => (rps * scenario.traffic.mix[c]) / 1000);
}

export function capacities(state: GameState, topo: Topology): number[] {
  return state.hosts.map((h, i) => effectiveCapacity(h, topo.swapping[i]));
}

/** Work per host per tick if `rps` arrived with `gone` removed. */
export function estimateWork(state: GameState, topo: Topology, rps: number[], gone: Removal): number[] {
  const work = state.hosts.map(() => 0);
  const alive = (i: number) => i !== gone.host;
  const linkOk = (l: number) => l < 0 || l !== gone.link;
  const tls = (i: number) => (state.hosts[i].cert && state.hosts[i].cert!.expiresAt > state.tick ? WORK.tls[0] : 0);
  const perTick = rps.map((r) => r / 10);

  const db = (d: number, cls: number, amount: number) => {
    work[d] += amount * WORK.db[cls];
    if (cls !== 2) return;
    for (const r of topo.dbHosts) if (r !== d && alive(r) && topo.db[r]!.role === "replica") work[r] += amount * WORK.replicaApply;
  };
  const app = (a: number, cls: number, amount: number) => {
    work[a] += amount * WORK.app[cls];
    const reach = topo.appDbs[a].filter((d, k) => alive(d) && linkOk(topo.appDbLinks[a][k]));
    if (cls === 2) {
      const p = reach.find((d) => topo.db[d]!.role === "primary");
      if (p !== undefined) db(p, 2, amount);
      return;
    }
    const replicas = reach.filter((d) => topo.db[d]!.role === "replica");
    const readers = replicas.length ? replicas : reach;
    for (const d of readers) db(d, 1, amount / readers.length);
  };
  const web = (w: number, cls: number, amount: number) => {
    work[w] += amount * ((cls === 0 ? WORK.web[0] : WORK.web[1]) + tls(w));
    if (cls === 0) return;
    const apps = topo.webApps[w].filter((a, k) => alive(a) && linkOk(topo.webAppLinks[w][k]));
    for (const a of apps) app(a, cls, amount / apps.length);
  };
  const front = (e: number, cls: number, amount: number) => {
    if (!topo.lb[e] || gone.lbOn === e) return web(e, cls, amount);
    work[e] += amount * (WORK.lb[cls] + tls(e));
    const backends = topo.lbBackends[e].filter((w, k) => alive(w) && linkOk(topo.lbBackendLinks[e][k]));
    for (const w of backends) web(w, cls, amount / backends.length);
  };
  const usable = (e: number) => alive(e) && firewallLetsUsersIn(state, topo, e) && ((topo.lb[e] && gone.lbOn !== e) || topo.web[e] !== null);
  const entries = entryGroups(state, topo).map((g) => g.find(usable)).filter((e): e is number => e !== undefined);
  for (const e of entries) for (let c = 0; c < 3; c++) if (perTick[c] > 0) front(e, c, perTick[c] / entries.length);
  return work;
}

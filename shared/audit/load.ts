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

/** Who sent how many requests per tick to whom (from -1: the internet), and what each host received. */
export interface FlowTrace {
  edges: { from: number; to: number; amount: number }[];
  inbound: Float64Array;
}

/** Work per host per tick if `rps` arrived with `gone` removed: tier by tier, each host once. */
export function estimateWork(state: GameState, topo: Topology, rps: number[], gone: Removal, trace?: FlowTrace): number[] {
  const n = state.hosts.length;
  const work = new Array<number>(n).fill(0);
  const alive = (i: number) => i !== gone.host;
  const linkOk = (l: number) => l < 0 || l !== gone.link;
  const tls = (i: number) => (state.hosts[i].cert && state.hosts[i].cert!.expiresAt > state.tick ? WORK.tls[0] : 0);
  // Requests per tick arriving at each host's web, application and database tier, per class.
  const webIn = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const appIn = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const dbIn = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  // TLS work each web server does on what reaches it encrypted (from users, or re-encrypted by a balancer).
  const tlsWork = new Float64Array(n);

  const usable = (e: number) => alive(e) && firewallLetsUsersIn(state, topo, e) && ((topo.lb[e] && gone.lbOn !== e) || topo.web[e] !== null);
  const entries = entryGroups(state, topo).map((g) => g.find(usable)).filter((e): e is number => e !== undefined);
  const send = (from: number, to: number, amount: number) => {
    if (trace && from !== to && amount > 0) {
      trace.edges.push({ from, to, amount });
      trace.inbound[to] += amount;
    }
  };
  for (const e of entries) {
    const perEntry = (rps[0] + rps[1] + rps[2]) / 10 / entries.length;
    if (!topo.lb[e] || gone.lbOn === e) send(-1, e, perEntry);
    const backends = topo.lbBackends[e].filter((w, k) => alive(w) && linkOk(topo.lbBackendLinks[e][k]));
    if (topo.lb[e] && gone.lbOn !== e) for (const w of backends) send(e, w, perEntry / backends.length);
    for (let c = 0; c < 3; c++) {
      const amount = rps[c] / 10 / entries.length;
      if (amount <= 0) continue;
      if (!topo.lb[e] || gone.lbOn === e) { webIn[c][e] += amount; tlsWork[e] += amount * tls(e); continue; }
      // Backend TLS: the balancer encrypts each request again and each web server decrypts it.
      const reencrypt = topo.lb[e]!.backendTls ? WORK.backendTls : 0;
      work[e] += amount * (WORK.lb[c] + tls(e) + reencrypt);
      for (const w of backends) { webIn[c][w] += amount / backends.length; tlsWork[w] += (amount / backends.length) * reencrypt; }
    }
  }
  for (let w = 0; w < n; w++) {
    const total = webIn[0][w] + webIn[1][w] + webIn[2][w];
    if (total <= 0) continue;
    work[w] += webIn[0][w] * WORK.web[0] + (webIn[1][w] + webIn[2][w]) * WORK.web[1] + tlsWork[w];
    const apps = topo.webApps[w].filter((a, k) => alive(a) && linkOk(topo.webAppLinks[w][k]));
    for (const a of apps) {
      send(w, a, (webIn[1][w] + webIn[2][w]) / apps.length);
      for (let c = 1; c < 3; c++) appIn[c][a] += webIn[c][w] / apps.length;
    }
  }
  for (let a = 0; a < n; a++) {
    if (appIn[1][a] + appIn[2][a] <= 0) continue;
    work[a] += appIn[1][a] * WORK.app[1] + appIn[2][a] * WORK.app[2];
    const reach = topo.appDbs[a].filter((d, k) => alive(d) && linkOk(topo.appDbLinks[a][k]));
    const p = reach.find((d) => topo.db[d]!.role === "primary");
    if (p !== undefined) dbIn[2][p] += appIn[2][a];
    const replicas = reach.filter((d) => topo.db[d]!.role === "replica");
    const readers = replicas.length ? replicas : reach;
    for (const d of readers) dbIn[1][d] += appIn[1][a] / readers.length;
  }
  const replicas = topo.dbHosts.filter((d) => alive(d) && topo.db[d]!.role === "replica");
  for (const d of topo.dbHosts) {
    work[d] += dbIn[1][d] * WORK.db[1] + dbIn[2][d] * WORK.db[2];
    // The primary ships every write to each replica, which applies it.
    if (dbIn[2][d] > 0) for (const r of replicas) if (r !== d) work[r] += dbIn[2][d] * WORK.replicaApply;
  }
  return work;
}

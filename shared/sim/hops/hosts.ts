// The hosts' side of a tick: at the start, each host's numbers for this tick (capacity computed
// once, queue room, latency factor, what runs on it) go into typed arrays by host slot; during the
// tick the hops take work from a host's budget; at the end its backlog and utilisation are closed.
import { QUEUE_TICKS } from "../../content/catalog.js";
import { effectiveCapacity } from "../capacity.js";
import type { Scratch } from "./scratch.js";

export function loadHosts(sc: Scratch, tick: number): void {
  const hosts = sc.hosts;
  const topo = sc.topo;
  for (let i = 0; i < sc.n; i++) {
    const h = hosts[i];
    const hostUp = h.status === "up";
    const cap = hostUp ? effectiveCapacity(h, topo.swapping[i]) : 0;
    sc.up[i] = hostUp ? 1 : 0;
    sc.capacity[i] = cap;
    sc.minedAtLoad[i] = h.compromised ? 1 : 0;
    sc.util[i] = h.utilPermille;
    sc.budget[i] = cap > 0 ? Math.max(0, cap * (1 + QUEUE_TICKS) - h.backlog) : 0;
    sc.used[i] = 0;
    const util = Math.min(h.utilPermille, 950);
    sc.hopFactor[i] = 1000 / (1000 - util);
    sc.queueMs[i] = cap > 0 ? (h.backlog * 100) / cap : 0;
    sc.tls[i] = h.cert !== null && h.cert.expiresAt > tick ? 1 : 0;
    const web = topo.web[i], app = topo.app[i], db = topo.db[i];
    sc.webUp[i] = hostUp && web !== null && web.status === "up" ? 1 : 0;
    sc.appUp[i] = hostUp && app !== null && app.status === "up" ? 1 : 0;
    sc.dbUp[i] = hostUp && db !== null && db.status === "up" ? 1 : 0;
  }
}

/** Takes `work` from host i's budget; returns the share admitted (the rest overflows its queue). */
export function admit(sc: Scratch, i: number, work: number): number {
  if (work <= 0) return 1;
  const b = sc.budget[i];
  if (b >= work) { sc.budget[i] = b - work; sc.used[i] += work; return 1; }
  sc.budget[i] = 0;
  sc.used[i] += b;
  return b / work;
}

/** Time through host i for a hop of `base` ms: slower when busy, plus the queue ahead. */
export function hopMs(sc: Scratch, i: number, base: number): number {
  return base * sc.hopFactor[i] + sc.queueMs[i];
}

/** Closes the books for each host: backlog, utilisation, hop latency. */
export function closeHosts(sc: Scratch): void {
  const hosts = sc.hosts;
  const r = sc.report;
  for (let i = 0; i < sc.n; i++) {
    const h = hosts[i];
    const cap = sc.capacity[i];
    if (cap <= 0) { h.backlog = 0; h.utilPermille = 0; r.hostUtil[i] = 0; r.hostLatencyMs[i] = 0; continue; }
    h.backlog = Math.max(0, Math.floor(h.backlog + sc.used[i] - cap));
    h.utilPermille = Math.min(5000, Math.floor((sc.used[i] * 1000) / cap));
    r.hostUtil[i] = h.utilPermille;
    r.hostLatencyMs[i] = hopMs(sc, i, 10);
  }
}

/**
 * Host slot i's capacity now: the one the flow computed this tick, unless a miner moved in since
 * (attacks run after the flow). Before any flow ran on this topology, computed afresh.
 */
export function capacityNow(sc: Scratch, i: number): number {
  const h = sc.hosts[i];
  if (sc.report.tick === sc.state.tick && sc.up[i] === 1 && h.status === "up" && sc.minedAtLoad[i] === (h.compromised ? 1 : 0)) return sc.capacity[i];
  return effectiveCapacity(h, sc.topo.swapping[i]);
}

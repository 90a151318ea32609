// What the database inspector shows about replication: for a replica, whether it gets the
// primary's writes, how far behind it is and how many of its reads miss a recent write; for the
// primary, whether semi-sync is waiting or fell back. Numbers only: the client writes the words.
import { TICKS_PER_SECOND } from "./content/catalog.js";
import type { GameState, Host } from "./model/types.js";
import { lastReport } from "./sim/flow.js";
import { primarySlot, receivesFrom, SEMISYNC_TIMEOUT_MS } from "./sim/replication.js";
import { topology } from "./sim/topology.js";

export interface ReplicaStatus {
  /** The primary's name, or null when there is none. */
  primary: string | null;
  /** A link to the primary: without one the replica receives no writes. */
  linked: boolean;
  lagTicks: number;
  /** Stale reads per second at the last tick's rate. */
  staleRps: number;
}

export function replicaStatus(state: GameState, host: Host): ReplicaStatus | null {
  const topo = topology(state);
  const i = topo.indexById.get(host.id);
  const db = i === undefined ? null : topo.db[i];
  if (i === undefined || !db || db.role !== "replica") return null;
  const p = primarySlot(topo);
  const report = lastReport(state);
  const stale = i < report.hostStaleReads.length ? report.hostStaleReads[i] : 0;
  return {
    primary: p < 0 ? null : state.hosts[p].name,
    linked: receivesFrom(topo, i, p),
    lagTicks: db.lagTicks,
    staleRps: stale * TICKS_PER_SECOND,
  };
}

/** Semi-sync as the primary runs it now: off (async chosen), acknowledged, waiting (ms left) or fallen back. */
export type SemisyncNow = { mode: "async" } | { mode: "acknowledged" } | { mode: "waiting"; msLeft: number } | { mode: "fell-back" };

export function semisyncNow(state: GameState): SemisyncNow {
  if (state.replication !== "semisync") return { mode: "async" };
  if (state.semisync.fellBack) return { mode: "fell-back" };
  if (state.semisync.waitUntil >= 0) return { mode: "waiting", msLeft: Math.max(0, state.semisync.waitUntil - state.tick) * (1000 / TICKS_PER_SECOND) };
  return { mode: "acknowledged" };
}

export { SEMISYNC_TIMEOUT_MS };

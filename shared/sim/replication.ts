// MySQL replication between the primary and its replicas, kept to what the real servers do:
//
// - A replica pulls the primary's binary log over the network. With no link to the primary it
//   receives nothing (its I/O thread keeps "Connecting") and falls a tick further behind every
//   tick: `receivesFrom` is the one place that decides whether the write stream gets through.
// - Asynchronous: the primary commits without waiting; shipping and applying a write takes
//   ASYNC_SHIP_TICKS, more when the replica's CPU is busy.
// - Semi-synchronous (rpl_semi_sync_source_wait_for_replica_count = 1): a commit returns once one
//   replica has *received* the write. Receipt is not apply: the replica still applies it after
//   acknowledging. The game's model: the write is applied within the same tick (100 ms) unless the
//   replica's CPU is over 70 % busy, so under semi-sync a replica's reads miss a write only while
//   the replica is overloaded, and a promotion loses nothing (the relay log holds every
//   acknowledged write).
// - When no replica can acknowledge, a commit waits rpl_semi_sync_source_timeout (10 s, MySQL's
//   default and what the exporter writes), then the primary falls back to asynchronous commits
//   until a replica can acknowledge again.
// - Stale reads: a share of the reads a lagging replica answers look for something written within
//   the lag (a page reloaded right after posting): those answers miss the write.
import { HOP_MS, PORT_MYSQL, TICKS_PER_SECOND } from "../content/catalog.js";
import { firewallLetsIn } from "./firewall-rules.js";
import type { DbService, GameState, Host } from "../model/types.js";
import { openIncident, resolveIncidents } from "./incidents.js";
import { isUp } from "./services.js";
import { pairKey, topology, type Topology } from "./topology.js";

const TICK_MS = 1000 / TICKS_PER_SECOND;
/** rpl_semi_sync_source_timeout: MySQL's default, 10 s. */
export const SEMISYNC_TIMEOUT_MS = 10_000;
export const SEMISYNC_TIMEOUT_TICKS = SEMISYNC_TIMEOUT_MS / TICK_MS;
/** Asynchronous replication: a write reaches a replica's tables 300 ms after its commit. */
const ASYNC_SHIP_TICKS = 3;
/** A replica busier than this applies late: one more tick of lag per 2.5 % of CPU above it. */
const APPLY_PRESSURE_PERMILLE = 700;
const MAX_LAG_TICKS = 36_000;
/**
 * One read in five looks for something written in the last 5 s (a page reloaded after a post, a
 * feed showing a new comment). A replica `lag` ticks behind misses lag / 5 s of those writes.
 */
const READ_AFTER_WRITE_PERMILLE = 200;
const FRESH_WINDOW_TICKS = 50;
/** A replica whose reads are this stale (per mille: lag 1.25 s and more) opens an incident. */
const STALE_INCIDENT_PERMILLE = 50;
/** For reputation, four stale reads annoy users about as much as one failed request. */
export const STALE_READS_PER_FAILURE = 4;

/** The slot of the primary database, or -1. */
export function primarySlot(topo: Topology): number {
  const dbs = topo.dbHosts;
  for (let k = 0; k < dbs.length; k++) if (topo.db[dbs[k]]!.role === "primary") return dbs[k];
  return -1;
}

/**
 * Whether the replica at slot r gets the primary's write stream: it needs a link to the primary,
 * and the primary's firewall must let the replica's connection to 3306 in.
 */
export function receivesFrom(topo: Topology, r: number, primary: number): boolean {
  return primary >= 0 && r !== primary && topo.linkIndex.has(pairKey(r, primary)) && firewallLetsIn(topo, primary, r, PORT_MYSQL);
}

/** A running replica that receives the primary's writes can acknowledge them (semi-sync). */
function canAcknowledge(state: GameState, topo: Topology, r: number, primary: number): boolean {
  const db = topo.db[r]!;
  return db.role === "replica" && isUp(state.hosts[r], db) && receivesFrom(topo, r, primary);
}

/** Semi-sync is on and a replica acknowledges: commits wait for the acknowledgement only. */
export function semisyncAcknowledged(state: GameState): boolean {
  return state.replication === "semisync" && !state.semisync.fellBack && state.semisync.waitUntil < 0;
}

/** What replication adds to a write's latency this tick, in ms. */
export function commitWaitMs(state: GameState): number {
  if (state.replication !== "semisync" || state.semisync.fellBack) return 0;
  const until = state.semisync.waitUntil;
  return until < 0 ? HOP_MS.semisync : (until - state.tick) * TICK_MS;
}

/**
 * Once a tick, before traffic: semi-sync waits for an acknowledgement that cannot come, gives up
 * after the timeout (async from then on), and resumes as soon as a replica can acknowledge again.
 */
export function updateSemisync(state: GameState): void {
  const s = state.semisync;
  if (state.replication !== "semisync") {
    if (s.fellBack) resolveIncidents(state, ["semisync-fallback"], 0);
    if (s.waitUntil >= 0 || s.fellBack) { s.waitUntil = -1; s.fellBack = false; }
    return;
  }
  const topo = topology(state);
  const p = primarySlot(topo);
  if (p < 0) return;
  let acker = false;
  for (let k = 0; k < topo.dbHosts.length && !acker; k++) acker = canAcknowledge(state, topo, topo.dbHosts[k], p);
  if (acker) {
    if (s.fellBack) resolveIncidents(state, ["semisync-fallback"], 0);
    s.waitUntil = -1;
    s.fellBack = false;
    return;
  }
  const primary = topo.db[p]!;
  // A primary that stopped has no commits waiting any more: its clients' connections dropped.
  if (!isUp(state.hosts[p], primary)) { s.waitUntil = -1; return; }
  if (s.fellBack) return;
  if (s.waitUntil < 0) {
    // The first commit with nobody to acknowledge it starts the clock.
    if (primary.lastWrites > 0) s.waitUntil = state.tick + SEMISYNC_TIMEOUT_TICKS;
  } else if (state.tick >= s.waitUntil) {
    s.waitUntil = -1;
    s.fellBack = true;
    openIncident(state, { kind: "semisync-fallback", host: state.hosts[p], severity: "warning" });
  }
}

/** Once a tick: how far each replica is behind the primary (`lagTicks`). */
export function updateLag(state: GameState): void {
  const topo = topology(state);
  const p = primarySlot(topo);
  const acked = semisyncAcknowledged(state);
  for (const i of topo.dbHosts) {
    const db = topo.db[i]!;
    if (db.role !== "replica") { db.lagTicks = 0; continue; }
    if (p < 0) continue; // no primary: nothing new to copy
    const h = state.hosts[i];
    if (!isUp(h, db) || !receivesFrom(topo, i, p)) { db.lagTicks = Math.min(MAX_LAG_TICKS, db.lagTicks + 1); continue; }
    const apply = Math.floor(Math.max(0, h.utilPermille - APPLY_PRESSURE_PERMILLE) / 25);
    const target = acked ? apply : ASYNC_SHIP_TICKS + apply;
    // A lagging replica catches up gradually rather than at once.
    db.lagTicks = db.lagTicks > target ? Math.max(target, db.lagTicks - 5) : target;
  }
}

/**
 * When the primary dies: how many ticks of its writes the running replicas have not even received
 * (lost if one is promoted), or -1 when no replica runs. None when semi-sync made every commit wait
 * for a replica. The replicas linked to the primary count (one of them is the one to promote); an
 * unlinked one only when no linked replica runs.
 */
export function unreceivedTicks(state: GameState): number {
  const topo = topology(state);
  const p = primarySlot(topo);
  let linked = -1;
  let any = -1;
  for (const i of topo.dbHosts) {
    const db = topo.db[i]!;
    if (db.role !== "replica" || !isUp(state.hosts[i], db)) continue;
    if (!receivesFrom(topo, i, p)) { any = Math.max(any, db.lagTicks); continue; }
    linked = Math.max(linked, semisyncAcknowledged(state) ? 0 : db.lagTicks);
  }
  return linked >= 0 ? linked : any;
}

/** The share (0..1) of a replica's reads that miss a write, at `lagTicks` behind. */
export function staleShare(lagTicks: number): number {
  if (lagTicks <= 0) return 0;
  return (Math.min(lagTicks, FRESH_WINDOW_TICKS) * READ_AFTER_WRITE_PERMILLE) / (FRESH_WINDOW_TICKS * 1000);
}

/** Adds this tick's stale reads to the totals and this second's count, whole reads with the fraction carried. */
export function countStaleReads(state: GameState, staleThisTick: number): void {
  const milli = state.staleCarry + Math.floor(staleThisTick * 1000);
  const whole = Math.floor(milli / 1000);
  state.staleCarry = milli - whole * 1000;
  state.totals.staleReads += whole;
  state.second.stale += whole;
}

/**
 * Once a second: a replica whose reads miss writes often enough for users to notice opens an
 * incident (seen at once where monitoring reads its lag); it closes once the replica caught up.
 */
export function watchStaleReads(state: GameState, hostStale: Float64Array): void {
  if (state.tick % TICKS_PER_SECOND !== 0) return;
  const topo = topology(state);
  for (const i of topo.dbHosts) {
    const db = topo.db[i]!;
    const h = state.hosts[i];
    const permille = db.role === "replica" && hostStale[i] > 0 ? staleShare(db.lagTicks) * 1000 : 0;
    const open = state.incidents.some((x) => x.kind === "stale-reads" && x.hostId === h.id && x.resolvedAt < 0);
    if (!open && permille >= STALE_INCIDENT_PERMILLE) openStaleIncident(state, h, db, hostStale[i]);
    // Closed once well under the threshold, so a replica hovering at it does not flap.
    else if (open && permille * 2 < STALE_INCIDENT_PERMILLE) resolveIncidents(state, ["stale-reads"], h.id);
  }
}

function openStaleIncident(state: GameState, h: Host, db: DbService, staleThisTick: number): void {
  openIncident(state, {
    kind: "stale-reads", host: h, severity: "warning",
    params: { count: Math.round(staleThisTick * TICKS_PER_SECOND), size: db.lagTicks },
  });
}

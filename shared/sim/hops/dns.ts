// DNS, the first hop: what www resolves to, each client bucket's resolver cache, and where each
// bucket's users go. A bucket tries the addresses of its cached answer in turn and enters at the
// first one whose front door answers; what a failed try costs depends on how it failed (see
// `tryCost`). The flood aims at every address.
import { CLIENT_BUCKETS, CONNECT_TIMEOUT_MS, GIVE_UP_PERMILLE, HOP_MS } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import type { GameState } from "../../model/types.js";
import type { Demand } from "../flow.js";
import { enter, enterLegit, frontDoorProblem, resolveIp, whyNowhere } from "./front-door.js";
import { ATTACK, type Scratch } from "./scratch.js";
import { fail, touch } from "./tally.js";

/** Share of legitimate traffic from each client bucket, in permille: a few big networks, a long tail. */
export const BUCKET_WEIGHTS: readonly number[] = [130, 110, 95, 85, 75, 70, 62, 58, 54, 50, 46, 42, 38, 34, 28, 23];

/** The addresses www resolves to right now (A values, or the apex for a CNAME). */
export function resolveName(state: GameState): string[] {
  const www = state.dns.www;
  if (!www) return [];
  return www.type === "A" ? www.values : state.dns.apex;
}

/**
 * Resolver caches, one per client bucket. A bucket keeps its answer until its TTL runs out, so a
 * changed record reaches users gradually; first lookups are staggered across the TTL so buckets
 * do not all expire together.
 */
export function refreshDnsCaches(state: GameState): void {
  const www = state.dns.www;
  for (let b = 0; b < CLIENT_BUCKETS; b++) {
    const entry = state.dns.cache[b];
    if (entry.expiresAt > state.tick) continue;
    const firstLookup = entry.ips.length === 0;
    entry.ips = resolveName(state);
    if (!www) { entry.expiresAt = 0; continue; }
    const ttl = www.ttlTicks;
    entry.expiresAt = state.tick + (firstLookup ? Math.max(1, Math.floor((ttl * (b + 1)) / CLIENT_BUCKETS)) : ttl);
  }
}

/**
 * Share of legitimate users, in permille, whose cached answer tries this address first: bucket b
 * starts at the b-th address (mod their count), so two records split users by bucket. These are
 * the users who wait a connect timeout when the server at that address dies.
 */
export function firstTryPermille(state: GameState, ip: string): number {
  let permille = 0;
  for (let b = 0; b < CLIENT_BUCKETS; b++) {
    const ips = state.dns.cache[b].ips;
    if (ips.length > 0 && ips[b % ips.length] === ip) permille += BUCKET_WEIGHTS[b];
  }
  return permille;
}

/** Sends this tick's demand from each client bucket (and the flood) to the front doors. */
export function runDns(sc: Scratch, demand: Demand): void {
  const r = sc.report;
  const legit = demand.legit;
  for (let c = 0; c < 3; c++) r.raw.demand[c] = legit[c];
  r.raw.demand[ATTACK] = demand.attack;
  sc.lastIps = null;
  sc.doorHost = -1;
  for (let b = 0; b < CLIENT_BUCKETS; b++) runBucket(sc, legit, b);
  if (demand.attack > 0) runFlood(sc, demand.attack);
}

/**
 * Client bucket b's users: they try the addresses of their cached answer in turn. The rare paths
 * (no answer, no front door, connect timeouts) are functions of their own, so this one stays small
 * and is not thrown away by V8 the first time a server dies mid-game.
 */
function runBucket(sc: Scratch, legit: number[], b: number): void {
  const w = BUCKET_WEIGHTS[b] / 1000;
  const ips = sc.state.dns.cache[b].ips;
  if (ips.length === 0) { failBucket(sc, Reason.NoDns, -1, legit, w); return; }
  // Buckets mostly hold the same answer (one array, shared): the search depends only on the
  // answer and where in it the bucket starts, and nothing it reads changes during the tick.
  const start = b % ips.length;
  if (ips !== sc.lastIps || start !== sc.lastStart) findEntry(sc, ips, start);
  const entry = sc.lastEntry;
  const tries = sc.lastTries;
  if (entry < 0) { noFrontDoor(sc, legit, w, ips, b); return; }
  const amounts = sc.bucketIn;
  let reach = 1;
  let latency: number = HOP_MS.internet;
  let waitedMs = 0;
  if (tries > 0) {
    // Earlier addresses failed: each costs a round trip, or a connect timeout if nothing answered.
    const wait = sc.bucketWait;
    triedBefore(sc, legit, w, ips, b, tries, wait);
    reach = wait[0]; latency = wait[1]; waitedMs = wait[2];
  }
  for (let c = 0; c < 3; c++) {
    const amount = legit[c] * w * reach;
    amounts[c] = amount;
    sc.entered[c] += amount;
    // The wait is added at the end of the tick (tally.ts `addConnectWaits`), not to the servers'
    // queues: they see these requests only once the connection is made.
    if (waitedMs > 0) { sc.waited[c] += amount; sc.waitedMs[c] += amount * waitedMs; }
  }
  enterLegit(sc, entry, latency, b);
}

/** The first address from `start` on whose front door answers (into `sc.lastEntry`, -1 if none) and how many failed before it. */
function findEntry(sc: Scratch, ips: string[], start: number): void {
  sc.lastIps = ips;
  sc.lastStart = start;
  sc.lastEntry = -1;
  sc.lastTries = 0;
  for (let k = 0; k < ips.length; k++) {
    const target = resolveIp(sc.state, sc.topo, ips[(start + k) % ips.length]);
    if (target >= 0 && frontDoorProblem(sc.topo, target) === null) { sc.lastEntry = target; sc.lastTries = k; return; }
  }
}

/** Every class of bucket b's users fails for `reason` (at host slot `at`, or -1 before any host). */
function failBucket(sc: Scratch, reason: Reason, at: number, legit: number[], w: number): void {
  for (let c = 0; c < 3; c++) fail(sc, reason, at, c, legit[c] * w);
}

/** No address of bucket b's answer leads to a front door that answers: they fail where the first try failed. */
function noFrontDoor(sc: Scratch, legit: number[], w: number, ips: string[], b: number): void {
  const target = resolveIp(sc.state, sc.topo, ips[b % ips.length]);
  const why = target < 0 ? whyNowhere(target) : frontDoorProblem(sc.topo, target)!;
  const firstHost = target < 0 ? -1 : target;
  failBucket(sc, why, firstHost, legit, w);
  if (firstHost >= 0) {
    touch(sc, firstHost);
    sc.report.entryFailed[firstHost] += (legit[0] + legit[1] + legit[2]) * w;
  }
}

/**
 * The `tries` addresses bucket b tried before the one that answered. Writes into `out` the share
 * of users still trying, the latency so far and the time spent waiting out connect timeouts.
 */
function triedBefore(sc: Scratch, legit: number[], w: number, ips: string[], b: number, tries: number, out: Float64Array): void {
  const r = sc.report;
  let reach = 1;
  let latency: number = HOP_MS.internet;
  let waitedMs = 0;
  for (let k = 0; k < tries; k++) {
    const target = resolveIp(sc.state, sc.topo, ips[(b + k) % ips.length]);
    if (!unanswered(target < 0 ? whyNowhere(target) : frontDoorProblem(sc.topo, target)!)) { latency += HOP_MS.internet; continue; }
    // Silence: the bucket waits out the connect timeout, and some of its users give up meanwhile.
    const gaveUp = (reach * GIVE_UP_PERMILLE) / 1000;
    const at = target < 0 ? -1 : target;
    for (let c = 0; c < 3; c++) fail(sc, Reason.ConnectTimeout, at, c, legit[c] * w * gaveUp);
    if (at >= 0) { touch(sc, at); r.entryFailed[at] += (legit[0] + legit[1] + legit[2]) * w * gaveUp; }
    reach -= gaveUp;
    waitedMs += CONNECT_TIMEOUT_MS;
  }
  out[0] = reach; out[1] = latency; out[2] = waitedMs;
}

/** The flood: attackers resolve the record themselves and hit every address in it. */
function runFlood(sc: Scratch, attack: number): void {
  const state = sc.state;
  const r = sc.report;
  const ips = state.dns.www ? resolveName(state) : [];
  if (ips.length === 0) r.raw.served[ATTACK] += attack; // nowhere to aim: it hits nothing of ours
  for (let k = 0; k < ips.length; k++) {
    const target = resolveIp(state, sc.topo, ips[k]);
    const share = attack / ips.length;
    if (target < 0 || frontDoorProblem(sc.topo, target) !== null) r.raw.served[ATTACK] += share;
    else enter(sc, target, ATTACK, share, HOP_MS.internet, -1);
  }
}

/**
 * True when a connection attempt that failed this way got no answer at all, so the client learns
 * of it only from its connect timeout: the server is off (or the address leads nowhere, or a
 * virtual IP is between owners) and its SYNs vanish. A live server with nothing on the port
 * answers at once with a reset ("connection refused"), and the client tries the next address one
 * round trip later.
 */
function unanswered(why: Reason): boolean {
  return why === Reason.HostDown || why === Reason.DnsNowhere || why === Reason.VipMoving;
}

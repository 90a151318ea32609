// DNS, the first hop: what www resolves to, each client bucket's resolver cache, and where each
// bucket's users go. A bucket tries the addresses of its cached answer in turn and enters at the
// first one whose front door answers; what a failed try costs depends on how it failed (see
// `tryCost`). The flood aims at every address.
import { CLIENT_BUCKETS, CONNECT_TIMEOUT_MS, GIVE_UP_PERMILLE, HOP_MS } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import type { GameState } from "../../model/types.js";
import type { Demand } from "../flow.js";
import { enter, frontDoorProblem, resolveIp, whyNowhere } from "./front-door.js";
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
  const state = sc.state;
  const r = sc.report;
  const legit = demand.legit;
  for (let c = 0; c < 3; c++) r.raw.demand[c] = legit[c];
  r.raw.demand[ATTACK] = demand.attack;
  for (let b = 0; b < CLIENT_BUCKETS; b++) {
    const w = BUCKET_WEIGHTS[b] / 1000;
    const ips = state.dns.cache[b].ips;
    if (ips.length === 0) {
      for (let c = 0; c < 3; c++) fail(sc, Reason.NoDns, -1, c, legit[c] * w);
      continue;
    }
    let entry = -1;
    let firstReason: Reason = Reason.DnsNowhere;
    let firstHost = -1;
    let tries = 0;
    for (let k = 0; k < ips.length && entry < 0; k++) {
      const target = resolveIp(state, sc.topo, ips[(b + k) % ips.length]);
      const why = target < 0 ? whyNowhere(target) : frontDoorProblem(sc.topo, target);
      if (why === null) { entry = target; tries = k; }
      else if (k === 0) { firstReason = why; firstHost = target < 0 ? -1 : target; }
    }
    if (entry < 0) {
      for (let c = 0; c < 3; c++) fail(sc, firstReason, firstHost, c, legit[c] * w);
      if (firstHost >= 0) {
        touch(sc, firstHost);
        r.entryFailed[firstHost] += (legit[0] + legit[1] + legit[2]) * w;
      }
      continue;
    }
    let reach = 1;
    let latency = HOP_MS.internet;
    let waitedMs = 0;
    for (let k = 0; k < tries; k++) {
      const target = resolveIp(state, sc.topo, ips[(b + k) % ips.length]);
      if (!unanswered(target < 0 ? whyNowhere(target) : frontDoorProblem(sc.topo, target)!)) { latency += HOP_MS.internet; continue; }
      // Silence: the bucket waits out the connect timeout, and some of its users give up meanwhile.
      const gaveUp = (reach * GIVE_UP_PERMILLE) / 1000;
      const at = target < 0 ? -1 : target;
      for (let c = 0; c < 3; c++) fail(sc, Reason.ConnectTimeout, at, c, legit[c] * w * gaveUp);
      if (at >= 0) { touch(sc, at); r.entryFailed[at] += (legit[0] + legit[1] + legit[2]) * w * gaveUp; }
      reach -= gaveUp;
      waitedMs += CONNECT_TIMEOUT_MS;
    }
    for (let c = 0; c < 3; c++) {
      const amount = legit[c] * w * reach;
      sc.entered[c] += amount;
      // The wait is added at the end of the tick (tally.ts `addConnectWaits`), not to the servers'
      // queues: they see these requests only once the connection is made.
      if (waitedMs > 0) { sc.waited[c] += amount; sc.waitedMs[c] += amount * waitedMs; }
      enter(sc, entry, c, amount, latency, b);
    }
  }
  // The flood: attackers resolve the record themselves and hit every address in it.
  if (demand.attack > 0) {
    const ips = state.dns.www ? resolveName(state) : [];
    if (ips.length === 0) r.raw.served[ATTACK] += demand.attack; // nowhere to aim: it hits nothing of ours
    for (const ip of ips) {
      const target = resolveIp(state, sc.topo, ip);
      const share = demand.attack / ips.length;
      if (target < 0 || frontDoorProblem(sc.topo, target) !== null) r.raw.served[ATTACK] += share;
      else enter(sc, target, ATTACK, share, HOP_MS.internet, -1);
    }
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

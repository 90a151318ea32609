// The tick's books: each request that ends somewhere is counted here, served (with its latency) or
// failed (with its reason, host and tier). Before a tick only the rows the last tick wrote are
// cleared; after it the totals are rounded to whole requests. The reason map is built on demand.
import type { Reason } from "../../content/reasons.js";
import { LATENCY_EDGES_MS, REASON_TIER, reasonKey, setReasonsReader, TIERS, type TickReport } from "../report.js";
import { ATTACK, C, type Scratch } from "./scratch.js";

/** Records `amount` of class `cls` failed for `reason` at host slot `hostIndex` (-1: before any host). */
export function fail(sc: Scratch, reason: Reason, hostIndex: number, cls: number, amount: number, dropped = false, tier = REASON_TIER[reason]): void {
  if (amount <= 0) return;
  const r = sc.report;
  if (dropped) r.raw.dropped[cls] += amount;
  else r.raw.errors[cls] += amount;
  if (cls !== ATTACK) {
    const cell = reason * (sc.n + 1) + hostIndex + 1;
    if (sc.reasonCells[cell] === 0) sc.touched[sc.touchedCount++] = cell;
    sc.reasonCells[cell] += amount;
  }
  if (hostIndex >= 0) {
    touch(sc, hostIndex);
    r.hostErrors[hostIndex] += amount;
    r.serviceErrors[hostIndex * TIERS + tier] += amount;
  }
}

/** Records `amount` of class `cls` served after `latencyMs`. */
export function serve(sc: Scratch, cls: number, amount: number, latencyMs: number): void {
  if (amount <= 0) return;
  const r = sc.report;
  r.raw.served[cls] += amount;
  if (cls === ATTACK) return;
  r.latencySum[cls] += amount * latencyMs;
  r.latencyHistogram[latencyBucket(latencyMs)] += amount;
}

/** Counts the requests host slot i took this tick, for the host and for its service of `tier`. */
export function countTaken(sc: Scratch, i: number, tier: number, amount: number): void {
  sc.report.hostRequests[i] += amount;
  sc.report.serviceRequests[i * TIERS + tier] += amount;
}

/** Notes that host slot i has rows written this tick (report rows, inflow rows, its outgoing links). */
export function touch(sc: Scratch, i: number): void {
  if (sc.hostTouched[i] === 1) return;
  sc.hostTouched[i] = 1;
  sc.touchedHosts[sc.touchedHostCount++] = i;
}

/** Clears what the last tick wrote: totals, and the rows of the hosts it touched and their outgoing links. */
export function resetTally(sc: Scratch, tick: number): void {
  const r = sc.report;
  r.tick = tick;
  for (let c = 0; c < C; c++) {
    r.raw.demand[c] = 0; r.raw.served[c] = 0; r.raw.errors[c] = 0; r.raw.dropped[c] = 0; r.latencySum[c] = 0;
  }
  sc.entered.fill(0); sc.waited.fill(0); sc.waitedMs.fill(0);
  for (let k = 0; k < sc.touchedCount; k++) sc.reasonCells[sc.touched[k]] = 0;
  sc.touchedCount = 0;
  r.reasonsReady = false;
  r.latencyHistogram.fill(0);
  r.staleReads = 0;
  if (sc.touchedHostCount * 4 > sc.n) clearAll(sc);
  else clearTouched(sc);
  sc.touchedHostCount = 0;
}

/** Most hosts were touched (a busy board): one sweep over each array is cheaper than row by row. */
function clearAll(sc: Scratch): void {
  const r = sc.report;
  for (let k = 0; k < sc.touchedHostCount; k++) sc.hostTouched[sc.touchedHosts[k]] = 0;
  r.hostRequests.fill(0); r.hostErrors.fill(0); r.entryFailed.fill(0); r.hostStaleReads.fill(0);
  r.serviceRequests.fill(0); r.serviceErrors.fill(0); r.entryFlow.fill(0);
  r.linkFlow.fill(0); r.linkFailed.fill(0);
  sc.lbIn.fill(0); sc.lbLat.fill(0); sc.webIn.fill(0); sc.webLat.fill(0);
  sc.appIn.fill(0); sc.appLat.fill(0); sc.dbIn.fill(0); sc.dbLat.fill(0);
  const lbHosts = sc.topo.lbHosts;
  for (let k = 0; k < lbHosts.length; k++) sc.lbBucket.fill(0, lbHosts[k] * sc.lbBucketRow, (lbHosts[k] + 1) * sc.lbBucketRow);
}

/** A few hosts were touched: clear their rows and their outgoing links' rows. */
function clearTouched(sc: Scratch): void {
  const r = sc.report;
  const topo = sc.topo;
  for (let k = 0; k < sc.touchedHostCount; k++) {
    const i = sc.touchedHosts[k];
    sc.hostTouched[i] = 0;
    r.hostRequests[i] = 0; r.hostErrors[i] = 0; r.entryFailed[i] = 0; r.hostStaleReads[i] = 0;
    const row = i * C; // C === TIERS: one stride for per-class and per-tier rows
    for (let c = 0; c < C; c++) {
      r.serviceRequests[row + c] = 0; r.serviceErrors[row + c] = 0; r.entryFlow[row + c] = 0;
      sc.lbIn[row + c] = 0; sc.lbLat[row + c] = 0; sc.webIn[row + c] = 0; sc.webLat[row + c] = 0;
      sc.appIn[row + c] = 0; sc.appLat[row + c] = 0; sc.dbIn[row + c] = 0; sc.dbLat[row + c] = 0;
    }
    if (topo.lb[i]) sc.lbBucket.fill(0, i * sc.lbBucketRow, (i + 1) * sc.lbBucketRow);
    clearLinks(r, topo.lbBackendLinks[i]);
    clearLinks(r, topo.webAppLinks[i]);
    clearLinks(r, topo.appDbLinks[i]);
    clearLinks(r, topo.dbPeerLinks[i]);
  }
}

function clearLinks(r: TickReport, links: number[]): void {
  for (let k = 0; k < links.length; k++) {
    const l = links[k];
    if (l < 0) continue;
    r.linkFailed[l] = 0;
    for (let c = 0; c < C; c++) r.linkFlow[l * C + c] = 0;
  }
}

/**
 * Requests that entered only after a connect timeout (dns.ts) were served that much later. The
 * flow keeps one mean latency per host, so their share of the served requests (assumed to fare like
 * every other request of their class that got in) moves in the histogram from where the rest are
 * to the tick's mean plus their wait: the p95 shows the timeout, the p50 the users who did not wait.
 */
export function addConnectWaits(sc: Scratch): void {
  const r = sc.report;
  let moved = 0, movedMs = 0, served = 0, latency = 0;
  for (let c = 0; c < 3; c++) {
    served += r.raw.served[c];
    latency += r.latencySum[c];
    if (sc.waited[c] <= 0 || sc.entered[c] <= 0) continue;
    const share = Math.min(1, r.raw.served[c] / sc.entered[c]);
    const amount = sc.waited[c] * share;
    const wait = sc.waitedMs[c] * share;
    r.latencySum[c] += wait;
    moved += amount;
    movedMs += wait;
  }
  if (moved <= 0 || served <= 0) return;
  const h = r.latencyHistogram;
  const keep = 1 - moved / served;
  for (let i = 0; i < h.length; i++) h[i] *= keep;
  h[latencyBucket(latency / served + movedMs / moved)] += moved;
}

/** Rounds the tick's flow to whole requests and computes its latency figures. */
export function finishTally(r: TickReport): void {
  for (let c = 0; c < C; c++) {
    r.demand[c] = r.raw.demand[c];
    apportion(r, c);
    r.meanMs[c] = r.raw.served[c] > 0 ? r.latencySum[c] / r.raw.served[c] : 0;
  }
  latencyPercentiles(r);
}

/**
 * The p50 and p95 latency in one pass over the histogram (percentileMs, twice over, would sum it
 * four times a tick): the same total and the same running sum, so the same answers.
 */
function latencyPercentiles(r: TickReport): void {
  const hist = r.latencyHistogram;
  let total = 0;
  for (let i = 0; i < hist.length; i++) total += hist[i];
  if (total <= 0) { r.p50Ms = 0; r.p95Ms = 0; return; }
  const target50 = (total * 50) / 100;
  const target95 = (total * 95) / 100;
  const last = LATENCY_EDGES_MS[LATENCY_EDGES_MS.length - 1];
  r.p50Ms = last;
  r.p95Ms = last;
  let acc = 0;
  let found50 = false;
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i];
    if (!found50 && acc >= target50) { r.p50Ms = LATENCY_EDGES_MS[i]; found50 = true; }
    if (acc >= target95) { r.p95Ms = LATENCY_EDGES_MS[i]; return; }
  }
}

/**
 * Whole-request split of class c's demand into served, dropped and errors (largest remainder),
 * summing exactly. Written into the report rather than returned as a tuple: four small arrays a
 * tick are garbage the collector would have to sweep.
 */
function apportion(r: TickReport, c: number): void {
  const demand = r.raw.demand[c];
  const s = Math.max(0, Math.min(demand, r.raw.served[c]));
  const d = Math.max(0, Math.min(demand - s, r.raw.dropped[c]));
  const e = Math.max(0, demand - s - d);
  let ws = Math.floor(s), wd = Math.floor(d), we = Math.floor(e);
  let left = demand - ws - wd - we;
  // Hand the leftover whole requests to the largest fractions (ties: served, dropped, errors).
  while (left > 0) {
    const fs = s - ws, fd = d - wd, fe = e - we;
    if (fs >= fd && fs >= fe) ws++;
    else if (fd >= fe) wd++;
    else we++;
    left--;
  }
  r.served[c] = ws;
  r.dropped[c] = wd;
  r.errors[c] = we;
}

/** Histogram bucket per 5 ms of latency, looked up instead of searched. */
const BUCKET_BY_5MS: Uint8Array = (() => {
  const last = LATENCY_EDGES_MS[LATENCY_EDGES_MS.length - 1];
  const table = new Uint8Array(last / 5 + 1);
  let b = 0;
  for (let i = 0; i < table.length; i++) {
    while (b < LATENCY_EDGES_MS.length - 1 && LATENCY_EDGES_MS[b] < i * 5) b++;
    table[i] = b;
  }
  return table;
})();

export function latencyBucket(ms: number): number {
  const i = Math.ceil(ms / 5);
  return i < BUCKET_BY_5MS.length ? BUCKET_BY_5MS[i] : LATENCY_EDGES_MS.length - 1;
}

/** Builds the report's reason map only when someone reads it (most ticks nobody does). */
export function reasonsOf(r: TickReport): Map<number, number> {
  if (r.reasonsReady) return r.reasonMap;
  r.reasonMap.clear();
  const sc = r.reasonSource as Scratch | null;
  if (sc) {
    const stride = sc.n + 1;
    for (let k = 0; k < sc.touchedCount; k++) {
      const cell = sc.touched[k];
      r.reasonMap.set(reasonKey(Math.floor(cell / stride), (cell % stride) - 1), sc.reasonCells[cell]);
    }
  }
  r.reasonsReady = true;
  return r.reasonMap;
}

setReasonsReader(reasonsOf);

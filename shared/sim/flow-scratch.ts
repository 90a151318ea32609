// The flow model's working arrays (one set per game, reused every tick) and the report they fill:
// clearing it before a tick, rounding it after, and building the failure-reason map on demand.
import { CLIENT_BUCKETS } from "../content/catalog.js";
import { REASON_COUNT } from "../content/reasons.js";
import type { GameState, Host } from "../model/types.js";
import { LATENCY_EDGES_MS, emptyReport, percentileMs, reasonKey, setReasonsReader, type TickReport } from "./report.js";
import { carryReport } from "./report-carry.js";
import { topology, type Topology } from "./topology.js";

const C = 4;

/** Builds the report's reason map only when someone reads it (most ticks nobody does). */
export function reasonsOf(r: TickReport): Map<number, number> {
  if (r.reasonsReady) return r.reasonMap;
  r.reasonMap.clear();
  const sc = r.reasonSource as Scratch | null;
  if (sc) {
    const stride = sc.hosts.length + 1;
    for (let k = 0; k < sc.touchedCount; k++) {
      const cell = sc.touched[k];
      r.reasonMap.set(reasonKey(Math.floor(cell / stride), (cell % stride) - 1), sc.reasonCells[cell]);
    }
  }
  r.reasonsReady = true;
  return r.reasonMap;
}

setReasonsReader(reasonsOf);

export interface Scratch {
  version: number;
  hosts: Host[];
  links: number;
  /** Host and link ids in index order when this scratch was laid out, to carry its report over. */
  hostIds: number[]; linkIds: number[];
  lbIn: Float64Array; lbLat: Float64Array; lbBucket: Float64Array;
  webIn: Float64Array; webLat: Float64Array;
  appIn: Float64Array; appLat: Float64Array;
  dbIn: Float64Array; dbLat: Float64Array;
  budget: Float64Array; used: Float64Array; capacity: Float64Array; hopFactor: Float64Array; queueMs: Float64Array;
  tls: Uint8Array;
  /** Per host: web server, application, database up and running this tick (host up too). */
  webUp: Uint8Array; appUp: Uint8Array; dbUp: Uint8Array;
  /** Per-backend weights and the indexes of believed-healthy backends, for one load balancer at a time. */
  weight: Float64Array; believed: Int32Array;
  /** Failed requests per (reason, host index + 1), and which cells were touched this tick. */
  reasonCells: Float64Array; touched: Int32Array; touchedCount: number;
  report: TickReport;
}

const scratchByState = new WeakMap<GameState, Scratch>();

export function scratchFor(state: GameState, topo: Topology): Scratch {
  const s = scratchByState.get(state);
  if (s && s.version === topo.version && s.hosts === state.hosts && s.links === state.links.length) return s;
  const n = state.hosts.length;
  const fresh: Scratch = {
    version: topo.version, hosts: state.hosts, links: state.links.length,
    hostIds: state.hosts.map((h) => h.id), linkIds: state.links.map((l) => l.id),
    lbIn: new Float64Array(n * C), lbLat: new Float64Array(n * C), lbBucket: new Float64Array(n * CLIENT_BUCKETS * C),
    webIn: new Float64Array(n * C), webLat: new Float64Array(n * C),
    appIn: new Float64Array(n * C), appLat: new Float64Array(n * C),
    dbIn: new Float64Array(n * C), dbLat: new Float64Array(n * C),
    budget: new Float64Array(n), used: new Float64Array(n), capacity: new Float64Array(n), hopFactor: new Float64Array(n), queueMs: new Float64Array(n),
    tls: new Uint8Array(n),
    webUp: new Uint8Array(n), appUp: new Uint8Array(n), dbUp: new Uint8Array(n),
    weight: new Float64Array(n), believed: new Int32Array(n),
    reasonCells: new Float64Array(REASON_COUNT * (n + 1)), touched: new Int32Array(REASON_COUNT * (n + 1)), touchedCount: 0,
    report: emptyReport(n, state.links.length),
  };
  if (s) carryReport(s.report, s.hostIds, s.linkIds, fresh.report, fresh.hostIds, fresh.linkIds);
  scratchByState.set(state, fresh);
  return fresh;
}

/** The report of the last tick run on this state (empty before the first). */
export function lastReport(state: GameState): TickReport {
  return scratchFor(state, topology(state)).report;
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

export function resetReport(r: TickReport, sc: Scratch, tick: number, lbHosts: number[]) {
  r.tick = tick;
  for (let c = 0; c < C; c++) {
    r.raw.demand[c] = 0; r.raw.served[c] = 0; r.raw.errors[c] = 0; r.raw.dropped[c] = 0; r.latencySum[c] = 0;
  }
  for (let k = 0; k < sc.touchedCount; k++) sc.reasonCells[sc.touched[k]] = 0;
  sc.touchedCount = 0;
  r.reasonsReady = false;
  r.serviceRequests.fill(0); r.serviceErrors.fill(0);
  r.hostUtil.fill(0); r.hostRequests.fill(0); r.hostErrors.fill(0); r.hostLatencyMs.fill(0);
  r.linkFlow.fill(0); r.linkFailed.fill(0); r.entryFlow.fill(0); r.entryFailed.fill(0);
  r.latencyHistogram.fill(0);
  sc.lbIn.fill(0); sc.lbLat.fill(0); sc.webIn.fill(0); sc.webLat.fill(0);
  sc.appIn.fill(0); sc.appLat.fill(0); sc.dbIn.fill(0); sc.dbLat.fill(0);
  // Only load balancers use per-bucket inflow; clear just their rows.
  const row = CLIENT_BUCKETS * C;
  for (const i of lbHosts) sc.lbBucket.fill(0, i * row, (i + 1) * row);
}

export function finishReport(r: TickReport) {
  for (let c = 0; c < C; c++) {
    const demand = r.raw.demand[c];
    const [served, dropped, errors] = apportion(demand, r.raw.served[c], r.raw.dropped[c]);
    r.demand[c] = demand;
    r.served[c] = served;
    r.dropped[c] = dropped;
    r.errors[c] = errors;
    r.meanMs[c] = r.raw.served[c] > 0 ? r.latencySum[c] / r.raw.served[c] : 0;
  }
  r.p50Ms = percentileMs(r.latencyHistogram, 50);
  r.p95Ms = percentileMs(r.latencyHistogram, 95);
}

/** Whole-request split of `demand` into served, dropped and errors (largest remainder), summing exactly. */
function apportion(demand: number, served: number, dropped: number): [number, number, number] {
  const s = Math.max(0, Math.min(demand, served));
  const d = Math.max(0, Math.min(demand - s, dropped));
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
  return [ws, wd, we];
}


// What one tick did: counts for the HUD, per-host metrics for monitoring, per-link flows for the
// request dots. Not part of the state (it is recomputed every tick and never hashed); its arrays
// are reused from tick to tick, so a reader that keeps history must copy what it needs.
import { REASON_COUNT } from "../content/reasons.js";

export const LATENCY_EDGES_MS: readonly number[] = [
  5, 10, 15, 20, 30, 40, 50, 60, 80, 100, 125, 150, 200, 250, 300, 400, 500, 650, 800, 1000, 1300, 1600, 2000, 2500, 3000, 4000, 5000, 10000,
];

/** Tiers for per-service metrics, in request-path order. */
export const TIERS = 4;
export const TIER_LB = 0;
export const TIER_WEB = 1;
export const TIER_APP = 2;
export const TIER_DB = 3;
/** The tier each failure reason belongs to (the hop where it is counted). */
export const REASON_TIER: readonly number[] = [
  TIER_LB, TIER_LB, TIER_LB, TIER_WEB, TIER_LB, TIER_LB, TIER_LB, TIER_LB, // no-dns … no-backend
  TIER_WEB, TIER_WEB, TIER_WEB, TIER_APP, TIER_APP, TIER_DB, TIER_APP, TIER_DB, // backend-down … disk-full
  TIER_WEB, TIER_LB, TIER_LB, // queue-full (any host), rate-limited, vip-moving
  TIER_DB, // firewall-inside (each hop passes the tier it blocked)
  TIER_WEB, // backend-cert-refused
  TIER_LB, // connect-timeout
];

export interface TickReport {
  tick: number;
  /** Per class [static, read, write, attack], whole requests this tick. */
  demand: number[];
  served: number[];
  errors: number[];
  dropped: number[];
  /** The same before rounding, to check that no flow is lost or made up. */
  raw: { demand: number[]; served: number[]; errors: number[]; dropped: number[] };
  p50Ms: number;
  p95Ms: number;
  /** Mean latency of the requests served this tick, per class. */
  meanMs: number[];
  /** Served × latency per class (for the mean). */
  latencySum: number[];
  /** Failed requests this tick by (reason, host index): key = reason * 65536 + host index + 1. Built on first read. */
  readonly reasons: Map<number, number>;
  reasonMap: Map<number, number>;
  reasonsReady: boolean;
  reasonSource: unknown;
  /** Per host index. */
  hostUtil: Float64Array;
  hostRequests: Float64Array;
  hostErrors: Float64Array;
  hostLatencyMs: Float64Array;
  /** Per host index × 4 tiers (load balancer, web, application, database): requests handled and failed there. */
  serviceRequests: Float64Array;
  serviceErrors: Float64Array;
  /** Per link index × 4 classes: requests carried this tick. */
  linkFlow: Float64Array;
  /** Per link index: requests that failed crossing it. */
  linkFailed: Float64Array;
  /** Per host index × 4 classes: requests arriving from the internet. */
  entryFlow: Float64Array;
  /** Per host index: requests from the internet that failed at it. */
  entryFailed: Float64Array;
  latencyHistogram: Float64Array;
  /** Legitimate requests an intruder read off the internal network this tick (sim/sniffing.ts). */
  sniffed: number;
  /** Reads answered by a lagging replica that missed a recent write, this tick: in all and per host index. */
  staleReads: number;
  hostStaleReads: Float64Array;
}

/**
 * Four zeros in an array V8 stores as doubles from the start. `[0, 0, 0, 0]` is stored as small
 * integers and changes layout when the first fraction lands in it, which throws away the
 * optimised code of every function that reads it (the tally, each tick, in a fresh process).
 */
function fractions(): number[] {
  return [0.5, 0.5, 0.5, 0.5].fill(0);
}

export function emptyReport(hosts: number, links: number): TickReport {
  return {
    tick: 0,
    demand: [0, 0, 0, 0],
    served: [0, 0, 0, 0],
    errors: [0, 0, 0, 0],
    dropped: [0, 0, 0, 0],
    raw: { demand: fractions(), served: fractions(), errors: fractions(), dropped: fractions() },
    p50Ms: 0,
    p95Ms: 0,
    meanMs: fractions(),
    latencySum: fractions(),
    reasonMap: new Map(),
    reasonsReady: true,
    reasonSource: null,
    get reasons() {
      return reasonsReader(this);
    },
    hostUtil: new Float64Array(hosts),
    hostRequests: new Float64Array(hosts),
    hostErrors: new Float64Array(hosts),
    hostLatencyMs: new Float64Array(hosts),
    serviceRequests: new Float64Array(hosts * TIERS),
    serviceErrors: new Float64Array(hosts * TIERS),
    linkFlow: new Float64Array(links * 4),
    linkFailed: new Float64Array(links),
    entryFlow: new Float64Array(hosts * 4),
    entryFailed: new Float64Array(hosts),
    latencyHistogram: new Float64Array(LATENCY_EDGES_MS.length),
    sniffed: 0,
    staleReads: 0,
    hostStaleReads: new Float64Array(hosts),
  };
}

let reasonsReader: (r: TickReport) => Map<number, number> = (r) => r.reasonMap;
/** Set by the flow model, which owns the per-tick counters the map is built from. */
export function setReasonsReader(fn: (r: TickReport) => Map<number, number>): void {
  reasonsReader = fn;
}

export function reasonKey(reason: number, hostIndex: number): number {
  return reason * 65536 + hostIndex + 1;
}

export function decodeReasonKey(key: number): { reason: number; hostIndex: number } {
  return { reason: Math.floor(key / 65536), hostIndex: (key % 65536) - 1 };
}

export function percentileMs(hist: Float64Array, p: number): number {
  let total = 0;
  for (let i = 0; i < hist.length; i++) total += hist[i];
  if (total <= 0) return 0;
  const target = (total * p) / 100;
  let acc = 0;
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i];
    if (acc >= target) return LATENCY_EDGES_MS[i];
  }
  return LATENCY_EDGES_MS[LATENCY_EDGES_MS.length - 1];
}

export const REASONS_TRACKED = REASON_COUNT;

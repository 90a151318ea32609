// The flow model's working set for one game: per-tick numbers in typed arrays indexed by host slot
// (the host's index in `state.hosts`), rebuilt only when the topology changes, and reused every
// tick. Every hop module reads and writes this one structure; nothing here is hashed or saved.
import { CLIENT_BUCKETS } from "../../content/catalog.js";
import { REASON_COUNT } from "../../content/reasons.js";
import type { GameState, Host } from "../../model/types.js";
import { emptyReport, type TickReport } from "../report.js";
import { carryReport } from "../report-carry.js";
import { topology, type Topology } from "../topology.js";

/** Traffic classes: static, read, write, attack. Per-class arrays are laid out [slot * C + class]. */
export const C = 4;
export const ATTACK = 3;

export interface Scratch {
  version: number;
  state: GameState;
  topo: Topology;
  hosts: Host[];
  /** Host and link ids in slot order when this scratch was laid out, to carry its report over. */
  hostIds: number[]; linkIds: number[];
  /** Host slots. */
  n: number;
  links: number;
  report: TickReport;

  // Per host slot, loaded at the start of each tick (hosts.ts).
  /** Host running (status "up"). */
  up: Uint8Array;
  /** Effective CPU this tick in milli work units (0 when the host is not up). */
  capacity: Float64Array;
  /** Whether a miner was on the host when `capacity` was computed. */
  minedAtLoad: Uint8Array;
  /** Last tick's utilisation in permille, as the load balancers see it. */
  util: Float64Array;
  /** Work the host can still take this tick (capacity plus queue room, minus backlog) and work taken. */
  budget: Float64Array; used: Float64Array;
  /** Latency multiplier from utilisation, and the wait of the queue already there, in ms. */
  hopFactor: Float64Array; queueMs: Float64Array;
  /** A valid certificate: this host terminates TLS. */
  tls: Uint8Array;
  /** TLS work Nginx owes for what arrived encrypted this tick (from users, or re-encrypted by a load balancer); cleared as Nginx pays it. */
  webTlsWork: Float64Array;
  /** While one load balancer is balanced: 1 when it re-encrypts to its backends (backend TLS), so each must present a valid certificate. */
  lbVerifies: number;
  /** Web server, application, database up and running this tick (host up too). */
  webUp: Uint8Array; appUp: Uint8Array; dbUp: Uint8Array;

  // Per host slot × class: what arrives at each tier this tick, and latency × amount so far.
  lbIn: Float64Array; lbLat: Float64Array;
  /** Per load balancer slot × client bucket × class: arrivals by client (for `balance source`); `lbBucketRow` per slot. */
  lbBucket: Float64Array; lbBucketRow: number;
  webIn: Float64Array; webLat: Float64Array;
  appIn: Float64Array; appLat: Float64Array;
  dbIn: Float64Array; dbLat: Float64Array;

  /** Per-backend weights and the indexes of believed-healthy backends, for one load balancer at a time. */
  weight: Float64Array; believed: Int32Array; weightSum: number;
  /** Per backend of one load balancer, for least connections: work held, capacity, share of this tick's work. */
  lcLoad: Float64Array; lcCapacity: Float64Array; lcShare: Float64Array;
  /** Per backend of one load balancer: 1 when its health checks believe it up. */
  believedUp: Uint8Array;
  /** The weight of believed-up backends that also answer (for `option redispatch`). */
  liveWeightSum: number;
  /** Per class, for one load balancer at a time: share let through the rate limit, admitted amount and mean latency. */
  lbScale: Float64Array; lbAdmitted: Float64Array; lbLatency: Float64Array;

  /** Per class, this tick: legitimate requests that reached a front door, those of them that first waited out a connect timeout, and that wait × amount in ms. */
  entered: Float64Array; waited: Float64Array; waitedMs: Float64Array;
  /** One client bucket at a time (dns.ts): what it brings per class, and (reach, latency, wait) after failed tries. */
  bucketIn: Float64Array; bucketWait: Float64Array;
  /** DNS's last search, reused by the next bucket with the same answer and start (reset each tick): the answer, start, entry slot, failed tries. */
  lastIps: string[] | null; lastStart: number; lastEntry: number; lastTries: number;
  /** The host slot whose front door was last asked this tick, and why it refuses users (a Reason), or -1. */
  doorHost: number; doorRefusal: number;

  /** Failed requests per (reason, host slot + 1), and which cells were touched this tick. */
  reasonCells: Float64Array; touched: Int32Array; touchedCount: number;
  /** Host slots whose rows (report, inflow, outgoing links) were written this tick: only these are cleared. */
  touchedHosts: Int32Array; touchedHostCount: number; hostTouched: Uint8Array;
}

const scratchByState = new WeakMap<GameState, Scratch>();
/** The last scratch handed out: one pointer to compare before the WeakMap lookup (see topology.ts). */
let lastScratch: Scratch | null = null;

export function scratchFor(state: GameState, topo: Topology = topology(state)): Scratch {
  const last = lastScratch;
  if (last !== null && last.state === state && last.version === topo.version && last.hosts === state.hosts && last.links === state.links.length) return last;
  const s = scratchByState.get(state);
  if (s && s.version === topo.version && s.hosts === state.hosts && s.links === state.links.length) return (lastScratch = s);
  return layOut(state, topo, s);
}

/**
 * A new scratch for this board, apart from scratchFor so that the function every tick calls stays
 * small: V8 compiles a function whole, cold branches included, and may compile it several times.
 */
function layOut(state: GameState, topo: Topology, s: Scratch | undefined): Scratch {
  const n = state.hosts.length;
  const links = state.links.length;
  const fresh: Scratch = {
    version: topo.version, state, topo, hosts: state.hosts, n, links,
    hostIds: state.hosts.map((h) => h.id), linkIds: state.links.map((l) => l.id),
    report: emptyReport(n, links),
    up: new Uint8Array(n), capacity: new Float64Array(n), minedAtLoad: new Uint8Array(n), util: new Float64Array(n),
    budget: new Float64Array(n), used: new Float64Array(n), hopFactor: new Float64Array(n), queueMs: new Float64Array(n),
    tls: new Uint8Array(n), webTlsWork: new Float64Array(n), lbVerifies: 0, webUp: new Uint8Array(n), appUp: new Uint8Array(n), dbUp: new Uint8Array(n),
    lbIn: new Float64Array(n * C), lbLat: new Float64Array(n * C), lbBucket: new Float64Array(n * CLIENT_BUCKETS * C), lbBucketRow: CLIENT_BUCKETS * C,
    webIn: new Float64Array(n * C), webLat: new Float64Array(n * C),
    appIn: new Float64Array(n * C), appLat: new Float64Array(n * C),
    dbIn: new Float64Array(n * C), dbLat: new Float64Array(n * C),
    weight: new Float64Array(n), believed: new Int32Array(n), weightSum: 0, believedUp: new Uint8Array(n), lcLoad: new Float64Array(n), lcCapacity: new Float64Array(n), lcShare: new Float64Array(n), liveWeightSum: 0,
    lbScale: new Float64Array(C), lbAdmitted: new Float64Array(C), lbLatency: new Float64Array(C),
    entered: new Float64Array(C), waited: new Float64Array(C), waitedMs: new Float64Array(C),
    bucketIn: new Float64Array(C), bucketWait: new Float64Array(3),
    lastIps: null, lastStart: 0, lastEntry: -1, lastTries: 0, doorHost: -1, doorRefusal: -1,
    reasonCells: new Float64Array(REASON_COUNT * (n + 1)), touched: new Int32Array(REASON_COUNT * (n + 1)), touchedCount: 0,
    touchedHosts: new Int32Array(n), touchedHostCount: 0, hostTouched: new Uint8Array(n),
  };
  // A build between ticks lays out a new board: the last tick's figures move over by host and link id.
  if (s) carryReport(s.report, s.hostIds, s.linkIds, fresh.report, fresh.hostIds, fresh.linkIds);
  scratchByState.set(state, fresh);
  lastScratch = fresh;
  return fresh;
}

/** The report of the last tick run on this state (empty before the first). */
export function lastReport(state: GameState): TickReport {
  return scratchFor(state).report;
}

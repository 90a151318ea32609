// The request path as a flow model. Each tick, demand per class and client bucket is pushed hop by
// hop: DNS → public IP → firewall → load balancer → web server → application → database. Every
// hop can fail a share of the flow and records why. Work is O(hosts + links) per tick: amounts are
// summed per host per class, never per request.
import { CLIENT_BUCKETS, HOP_MS, PORT_HTTP, PORT_HTTPS, QUEUE_TICKS, WORK } from "../content/catalog.js";
import { Reason } from "../content/reasons.js";
import type { GameState } from "../model/types.js";
import { effectiveCapacity } from "./capacity.js";
import { finishReport, latencyBucket, resetReport, scratchFor } from "./flow-scratch.js";
import { frontDoorProblem, resolveIp, resolveName } from "./front-door.js";
import { REASON_TIER, TIER_APP, TIER_DB, TIER_LB, TIER_WEB, TIERS, type TickReport } from "./report.js";
import { topology } from "./topology.js";

export { effectiveCapacity } from "./capacity.js";
export { lastReport } from "./flow-scratch.js";
export { resolveName } from "./front-door.js";

const C = 4; // traffic classes
const WEB_WORK_STATIC = WORK.web[0];
const WEB_WORK_PROXY = WORK.web[1];
const TLS_WORK = WORK.tls[0];
const lbAdmitted = new Float64Array(C);
const lbLatency = new Float64Array(C);
/** Share of legitimate traffic from each client bucket, in permille: a few big networks, a long tail. */
export const BUCKET_WEIGHTS: readonly number[] = [130, 110, 95, 85, 75, 70, 62, 58, 54, 50, 46, 42, 38, 34, 28, 23];
/** A flood comes from this many sources: what a per-client rate limit works against. */
const ATTACK_SOURCES = 50;
/** A real user sends about this many requests per second. */
const USER_RPS = 2;

export interface Demand {
  /** Legitimate requests this tick per class (static, read, write). */
  legit: number[];
  /** Flood requests this tick. */
  attack: number;
}

/** Runs the request path for one tick; fills and returns the report. */
export function runFlow(state: GameState, demand: Demand): TickReport {
  const topo = topology(state);
  const sc = scratchFor(state, topo);
  const r = sc.report;
  const n = state.hosts.length;
  const hosts = state.hosts;
  const tick = state.tick;
  resetReport(r, sc, tick, topo.lbHosts);

  // Capacity, congestion and TLS per host, from the state at the start of the tick.
  for (let i = 0; i < n; i++) {
    const h = hosts[i];
    const cap = h.status === "up" ? effectiveCapacity(h, topo.swapping[i]) : 0;
    sc.capacity[i] = cap;
    sc.budget[i] = cap > 0 ? Math.max(0, cap * (1 + QUEUE_TICKS) - h.backlog) : 0;
    sc.used[i] = 0;
    const util = Math.min(h.utilPermille, 950);
    sc.hopFactor[i] = 1000 / (1000 - util);
    sc.queueMs[i] = cap > 0 ? (h.backlog * 100) / cap : 0;
    sc.tls[i] = h.cert !== null && h.cert.expiresAt > tick ? 1 : 0;
    const hostUp = h.status === "up";
    sc.webUp[i] = hostUp && topo.web[i] !== null && topo.web[i]!.status === "up" ? 1 : 0;
    sc.appUp[i] = hostUp && topo.app[i] !== null && topo.app[i]!.status === "up" ? 1 : 0;
    sc.dbUp[i] = hostUp && topo.db[i] !== null && topo.db[i]!.status === "up" ? 1 : 0;
  }
  const linkFlow = r.linkFlow;

  const fail = (reason: Reason, hostIndex: number, cls: number, amount: number, dropped = false, tier = REASON_TIER[reason]) => {
    if (amount <= 0) return;
    if (dropped) r.raw.dropped[cls] += amount;
    else r.raw.errors[cls] += amount;
    if (cls !== 3) {
      const cell = reason * (n + 1) + hostIndex + 1;
      if (sc.reasonCells[cell] === 0) sc.touched[sc.touchedCount++] = cell;
      sc.reasonCells[cell] += amount;
    }
    if (hostIndex >= 0) {
      r.hostErrors[hostIndex] += amount;
      r.serviceErrors[hostIndex * TIERS + tier] += amount;
    }
  };
  const serve = (cls: number, amount: number, latencyMs: number) => {
    if (amount <= 0) return;
    r.raw.served[cls] += amount;
    if (cls === 3) return;
    r.latencySum[cls] += amount * latencyMs;
    r.latencyHistogram[latencyBucket(latencyMs)] += amount;
  };
  /** Takes `work` from host i's budget; returns the share admitted (the rest overflows its queue). */
  const admit = (i: number, work: number): number => {
    if (work <= 0) return 1;
    const b = sc.budget[i];
    if (b >= work) { sc.budget[i] = b - work; sc.used[i] += work; return 1; }
    sc.budget[i] = 0;
    sc.used[i] += b;
    return b / work;
  };
  const hopMs = (i: number, base: number) => base * sc.hopFactor[i] + sc.queueMs[i];

  // 1. DNS and the front door, per client bucket.
  for (let c = 0; c < 3; c++) r.raw.demand[c] = demand.legit[c];
  r.raw.demand[3] = demand.attack;
  for (let b = 0; b < CLIENT_BUCKETS; b++) {
    const w = BUCKET_WEIGHTS[b] / 1000;
    const ips = state.dns.cache[b].ips;
    if (ips.length === 0) {
      for (let c = 0; c < 3; c++) fail(Reason.NoDns, -1, c, demand.legit[c] * w);
      continue;
    }
    let entry = -1;
    let firstReason: Reason = Reason.DnsNowhere;
    let firstHost = -1;
    let tries = 0;
    for (let k = 0; k < ips.length && entry < 0; k++) {
      const target = resolveIp(state, topo, ips[(b + k) % ips.length]);
      const why = target.index < 0 ? target.reason : frontDoorProblem(topo, target.index);
      if (why === null) { entry = target.index; tries = k; }
      else if (k === 0) { firstReason = why; firstHost = target.index; }
    }
    if (entry < 0) {
      for (let c = 0; c < 3; c++) fail(firstReason, firstHost, c, demand.legit[c] * w);
      if (firstHost >= 0) r.entryFailed[firstHost] += (demand.legit[0] + demand.legit[1] + demand.legit[2]) * w;
      continue;
    }
    const latency = HOP_MS.internet + tries * HOP_MS.retry;
    for (let c = 0; c < 3; c++) enter(entry, c, demand.legit[c] * w, latency, b);
  }
  // The flood: attackers resolve the record themselves and hit every address in it.
  if (demand.attack > 0) {
    const ips = state.dns.www ? resolveName(state) : [];
    if (ips.length === 0) r.raw.served[3] += demand.attack; // nowhere to aim: it hits nothing of ours
    for (const ip of ips) {
      const target = resolveIp(state, topo, ip);
      const share = demand.attack / ips.length;
      if (target.index < 0 || frontDoorProblem(topo, target.index) !== null) r.raw.served[3] += share;
      else enter(target.index, 3, share, HOP_MS.internet, -1);
    }
  }

  function enter(e: number, cls: number, amount: number, latency: number, bucket: number) {
    if (amount <= 0) return;
    const host = hosts[e];
    const https = host.cert !== null;
    const fw = topo.firewall[e];
    r.entryFlow[e * C + cls] += amount;
    if (fw && fw.status === "up" && !fw.openPorts.includes(https ? PORT_HTTPS : PORT_HTTP)) {
      fail(Reason.FirewallBlocked, e, cls, amount);
      r.entryFailed[e] += amount;
      return;
    }
    if (https && sc.tls[e] === 0 && cls !== 3) {
      fail(Reason.CertExpired, e, cls, amount);
      r.entryFailed[e] += amount;
      return;
    }
    if (topo.lb[e]) {
      sc.lbIn[e * C + cls] += amount;
      sc.lbLat[e * C + cls] += amount * latency;
      if (bucket >= 0) sc.lbBucket[(e * CLIENT_BUCKETS + bucket) * C + cls] += amount;
    } else {
      sc.webIn[e * C + cls] += amount;
      sc.webLat[e * C + cls] += amount * latency;
    }
  }

  // 2. Load balancers.
  for (const i of topo.lbHosts) {
    const lb = topo.lb[i]!;
    let total = 0;
    for (let c = 0; c < C; c++) total += sc.lbIn[i * C + c];
    if (total <= 0) continue;
    const scale = [1, 1, 1, 1];
    if (lb.rateLimit > 0) {
      const attack = sc.lbIn[i * C + 3];
      const allowedAttack = (ATTACK_SOURCES * lb.rateLimit) / 10;
      if (attack > allowedAttack) scale[3] = allowedAttack / attack;
      const legitShare = Math.min(1, lb.rateLimit / USER_RPS);
      for (let c = 0; c < 3; c++) scale[c] = legitShare;
    }
    let allowed = 0;
    for (let c = 0; c < C; c++) {
      const amount = sc.lbIn[i * C + c];
      if (scale[c] < 1) fail(Reason.RateLimited, i, c, amount * (1 - scale[c]));
      sc.lbIn[i * C + c] = amount * scale[c];
      allowed += amount * scale[c];
    }
    // A denied request costs only the table lookup: it is refused before TLS and proxying.
    if (lb.rateLimit > 0) admit(i, total * WORK.rateLimit);
    const f = admit(i, allowed * (WORK.lb[0] + (sc.tls[i] ? WORK.tls[0] : 0)));
    const hop = hopMs(i, HOP_MS.lb + (sc.tls[i] ? HOP_MS.tls : 0));
    r.hostRequests[i] += allowed * f;
    r.serviceRequests[i * TIERS + TIER_LB] += allowed * f;
    const backends = topo.lbBackends[i];
    const links = topo.lbBackendLinks[i];
    // Who gets what share: health-check view first, then the algorithm's weights.
    let believedCount = 0;
    let weightSum = 0;
    for (let k = 0; k < backends.length; k++) {
      const j = backends[k];
      // A server still installing refuses the connection and HAProxy redispatches at once; a dead
      // one only drops out once a health check notices.
      const starting = hosts[j].status === "up" && topo.web[j]!.status === "starting";
      const healthy = !starting && (!lb.healthCheck || !lb.markedDown.includes(hosts[j].id));
      let w = 0;
      if (healthy) {
        sc.believed[believedCount++] = k;
        // Least connections: a backend with spare CPU finishes sooner, so it holds fewer connections.
        w = lb.algorithm === "leastconn" ? sc.capacity[j] * Math.max(50, 1000 - Math.min(hosts[j].utilPermille, 1000)) + 1 : 1;
      }
      sc.weight[k] = w;
      weightSum += w;
    }
    // Per class: what got past the queue, and its mean latency so far.
    let anyAdmitted = false;
    for (let c = 0; c < C; c++) {
      const amount = sc.lbIn[i * C + c];
      if (amount <= 0) { lbAdmitted[c] = 0; continue; }
      fail(Reason.QueueFull, i, c, amount * (1 - f), true, TIER_LB);
      lbAdmitted[c] = amount * f;
      lbLatency[c] = sc.lbLat[i * C + c] / (amount / scale[c]) + hop;
      if (believedCount === 0) fail(Reason.NoBackend, i, c, lbAdmitted[c]);
      else anyAdmitted = true;
    }
    if (!anyAdmitted) continue;
    if (lb.algorithm === "source") {
      // Each client bucket sticks to one backend; the flood is spread like round robin.
      for (let b = 0; b < CLIENT_BUCKETS; b++) {
        const k = sc.believed[sourceHash(b) % believedCount];
        const row = (i * CLIENT_BUCKETS + b) * C;
        for (let c = 0; c < 3; c++) {
          const part = sc.lbBucket[row + c] * scale[c] * f;
          if (part > 0) forward(backends[k], links[k], c, part, lbLatency[c]);
        }
      }
      if (lbAdmitted[3] > 0) for (let k = 0; k < backends.length; k++) if (sc.weight[k] > 0) forward(backends[k], links[k], 3, (lbAdmitted[3] * sc.weight[k]) / weightSum, lbLatency[3]);
    } else {
      for (let k = 0; k < backends.length; k++) {
        const w = sc.weight[k];
        if (w <= 0) continue;
        const j = backends[k];
        for (let c = 0; c < C; c++) if (lbAdmitted[c] > 0) forward(j, links[k], c, (lbAdmitted[c] * w) / weightSum, lbLatency[c]);
      }
    }
  }

  function forward(j: number, link: number, cls: number, amount: number, latency: number) {
    if (sc.webUp[j] === 0) {
      fail(hosts[j].status !== "up" ? Reason.BackendDown : Reason.WebDown, j, cls, amount);
      if (link >= 0) r.linkFailed[link] += amount;
      return;
    }
    if (link >= 0) linkFlow[link * C + cls] += amount;
    sc.webIn[j * C + cls] += amount;
    sc.webLat[j * C + cls] += amount * latency;
  }

  // 3. Web servers: static served here, dynamic proxied to the application.
  for (let j = 0; j < n; j++) {
    const base = j * C;
    const total = sc.webIn[base] + sc.webIn[base + 1] + sc.webIn[base + 2] + sc.webIn[base + 3];
    if (total <= 0) continue;
    const tls = sc.tls[j] ? TLS_WORK : 0;
    const work = sc.webIn[base] * (WEB_WORK_STATIC + tls) + (sc.webIn[base + 1] + sc.webIn[base + 2]) * (WEB_WORK_PROXY + tls) + sc.webIn[base + 3] * (WEB_WORK_STATIC + tls);
    const f = admit(j, work);
    r.hostRequests[j] += total * f;
    r.serviceRequests[j * TIERS + TIER_WEB] += total * f;
    const hop = hopMs(j, HOP_MS.web + (sc.tls[j] ? HOP_MS.tls : 0));
    const apps = topo.webApps[j];
    const appLinks = topo.webAppLinks[j];
    let upCount = 0;
    for (const a of apps) upCount += sc.appUp[a];
    for (let c = 0; c < C; c++) {
      const amount = sc.webIn[base + c];
      if (amount <= 0) continue;
      fail(Reason.QueueFull, j, c, amount * (1 - f), true, TIER_WEB);
      const admitted = amount * f;
      const lat = sc.webLat[base + c] / amount + hop;
      if (c === 0 || c === 3) { serve(c, admitted, lat); continue; }
      if (apps.length === 0) { fail(Reason.NoApp, j, c, admitted); continue; }
      if (upCount === 0) { fail(hosts[apps[0]].status !== "up" ? Reason.HostDown : Reason.AppDown, apps[0], c, admitted); continue; }
      for (let k = 0; k < apps.length; k++) {
        const a = apps[k];
        if (sc.appUp[a] === 0) continue;
        const part = admitted / upCount;
        if (appLinks[k] >= 0) linkFlow[appLinks[k] * C + c] += part;
        sc.appIn[a * C + c] += part;
        sc.appLat[a * C + c] += part * lat;
      }
    }
  }

  // 4. Application servers: reads to any reachable database, writes to the primary.
  for (let a = 0; a < n; a++) {
    const base = a * C;
    const reads = sc.appIn[base + 1];
    const writes = sc.appIn[base + 2];
    if (reads + writes <= 0) continue;
    const f = admit(a, reads * WORK.app[1] + writes * WORK.app[2]);
    r.hostRequests[a] += (reads + writes) * f;
    r.serviceRequests[a * TIERS + TIER_APP] += (reads + writes) * f;
    const hop = hopMs(a, HOP_MS.app);
    const dbs = topo.appDbs[a];
    const dbLinks = topo.appDbLinks[a];
    let upCount = 0;
    let upReplicas = 0;
    for (const d of dbs) {
      upCount += sc.dbUp[d];
      if (sc.dbUp[d] === 1 && topo.db[d]!.role === "replica") upReplicas++;
    }
    for (let c = 1; c <= 2; c++) {
      const amount = sc.appIn[base + c];
      if (amount <= 0) continue;
      fail(Reason.QueueFull, a, c, amount * (1 - f), true, TIER_APP);
      const admitted = amount * f;
      const lat = sc.appLat[base + c] / amount + hop;
      if (dbs.length === 0) { fail(Reason.NoDb, a, c, admitted); continue; }
      if (c === 1) {
        // Reads go to the replicas when any is running (that is what they are for), else the primary.
        if (upCount === 0) { fail(Reason.DbDown, dbs[0], c, admitted); continue; }
        const readers = upReplicas > 0 ? upReplicas : upCount;
        for (let k = 0; k < dbs.length; k++) {
          const d = dbs[k];
          if (sc.dbUp[d] === 0 || (upReplicas > 0 && topo.db[d]!.role !== "replica")) continue;
          toDb(d, dbLinks[k], c, admitted / readers, lat);
        }
      } else {
        let p = -1;
        let pk = -1;
        for (let k = 0; k < dbs.length; k++) if (topo.db[dbs[k]]!.role === "primary") { p = dbs[k]; pk = k; break; }
        if (p < 0) fail(Reason.NoPrimary, a, c, admitted);
        else if (sc.dbUp[p] === 0) fail(hosts[p].status !== "up" ? Reason.HostDown : Reason.DbDown, p, c, admitted);
        else if (topo.db[p]!.diskPermille >= 1000) fail(Reason.DiskFull, p, c, admitted);
        else toDb(p, dbLinks[pk], c, admitted, lat);
      }
    }
  }

  function toDb(d: number, link: number, cls: number, amount: number, latency: number) {
    if (link >= 0) linkFlow[link * C + cls] += amount;
    sc.dbIn[d * C + cls] += amount;
    sc.dbLat[d * C + cls] += amount * latency;
  }

  // 5. Databases; the primary ships each write to every running replica.
  const semisync = state.replication === "semisync" && topo.dbHosts.some((d) => topo.db[d]!.role === "replica" && sc.dbUp[d] === 1);
  for (let di = 0; di < topo.dbHosts.length; di++) {
    const d = topo.dbHosts[di];
    const base = d * C;
    const reads = sc.dbIn[base + 1];
    const writes = sc.dbIn[base + 2];
    const db = topo.db[d]!;
    if (reads + writes <= 0) { if (db.role === "primary") db.lastWrites = 0; continue; }
    const f = admit(d, reads * WORK.db[1] + writes * WORK.db[2]);
    r.hostRequests[d] += (reads + writes) * f;
    r.serviceRequests[d * TIERS + TIER_DB] += (reads + writes) * f;
    const hop = hopMs(d, HOP_MS.db);
    for (let c = 1; c <= 2; c++) {
      const amount = sc.dbIn[base + c];
      if (amount <= 0) continue;
      fail(Reason.QueueFull, d, c, amount * (1 - f), true, TIER_DB);
      serve(c, amount * f, sc.dbLat[base + c] / amount + hop + (c === 2 && semisync ? HOP_MS.semisync : 0));
    }
    if (db.role === "primary") {
      const committed = writes * f;
      db.lastWrites = Math.round(committed);
      const peerLinks = topo.dbPeerLinks[d];
      for (let k = 0; k < topo.dbHosts.length; k++) {
        const rep = topo.dbHosts[k];
        if (rep !== d && topo.db[rep]!.role === "replica" && sc.dbUp[rep] === 1) {
          admit(rep, committed * WORK.replicaApply);
          if (peerLinks[k] >= 0) linkFlow[peerLinks[k] * C + 2] += committed;
        }
      }
    }
  }

  // 6. Close the books for each host: backlog, utilisation, hop latency.
  for (let i = 0; i < n; i++) {
    const h = hosts[i];
    const cap = sc.capacity[i];
    if (cap <= 0) { h.backlog = 0; h.utilPermille = 0; r.hostUtil[i] = 0; continue; }
    h.backlog = Math.max(0, Math.floor(h.backlog + sc.used[i] - cap));
    h.utilPermille = Math.min(5000, Math.floor((sc.used[i] * 1000) / cap));
    r.hostUtil[i] = h.utilPermille;
    r.hostLatencyMs[i] = hopMs(i, 10);
  }
  r.reasonSource = sc;
  r.reasonsReady = false;
  finishReport(r);
  return r;
}

/** A stable spread of client buckets over backends (HAProxy's `balance source`). */
export function sourceHash(bucket: number): number {
  let h = Math.imul(bucket + 1, 0x9e3779b1) >>> 0;
  h ^= h >>> 15;
  return h >>> 0;
}


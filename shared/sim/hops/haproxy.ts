// HAProxy, the load balancer hop: a per-client rate limit, its own CPU (TLS termination included),
// the health checks' view of the backends, then the balancing algorithm (balance.ts) sharing what
// got through among them. A backend whose Nginx is down fails what is still sent to it, and so does
// one whose firewall drops the balancer; with backend TLS, so does one whose certificate fails `verify required` (its handshake fails).
import { CLIENT_BUCKETS, HOP_MS, PORT_HTTP, PORT_HTTPS, WORK } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import type { LbService } from "../../model/types.js";
import { TIER_LB, TIER_WEB } from "../report.js";
import { backendWeight, leastConnShares, sourceBackend } from "./balance.js";
import { blockedInside, firewallBlocksInside } from "./firewall.js";
import { admit, hopMs } from "./hosts.js";
import { ATTACK, C, type Scratch } from "./scratch.js";
import { countTaken, fail } from "./tally.js";

/** A flood comes from this many sources: what a per-client rate limit works against. */
const ATTACK_SOURCES = 50;
/** A real user sends about this many requests per second. */
const USER_RPS = 2;

export function runHaproxy(sc: Scratch): void {
  const lbHosts = sc.topo.lbHosts;
  for (let k = 0; k < lbHosts.length; k++) balanceOne(sc, lbHosts[k]);
}

function balanceOne(sc: Scratch, i: number): void {
  const lb = sc.topo.lb[i]!;
  const base = i * C;
  let total = 0;
  for (let c = 0; c < C; c++) total += sc.lbIn[base + c];
  if (total <= 0) return;
  const allowed = rateLimit(sc, i, lb);
  sc.lbVerifies = lb.backendTls ? 1 : 0;
  // A denied request costs only the table lookup: it is refused before TLS and proxying.
  if (lb.rateLimit > 0) admit(sc, i, total * WORK.rateLimit);
  const f = admit(sc, i, allowed * (WORK.lb[0] + (sc.tls[i] ? WORK.tls[0] : 0) + (lb.backendTls ? WORK.backendTls : 0)));
  const hop = hopMs(sc, i, HOP_MS.lb + (sc.tls[i] ? HOP_MS.tls : 0));
  countTaken(sc, i, TIER_LB, allowed * f);
  const healthy = weighBackends(sc, i, lb);
  // Per class: what got past the queue, and its mean latency so far.
  let anyAdmitted = false;
  for (let c = 0; c < C; c++) {
    const amount = sc.lbIn[base + c];
    if (amount <= 0) { sc.lbAdmitted[c] = 0; continue; }
    fail(sc, Reason.QueueFull, i, c, amount * (1 - f), true, TIER_LB);
    sc.lbAdmitted[c] = amount * f;
    sc.lbLatency[c] = sc.lbLat[base + c] / (amount / sc.lbScale[c]) + hop;
    if (healthy === 0) fail(sc, Reason.NoBackend, i, c, sc.lbAdmitted[c]);
    else anyAdmitted = true;
  }
  if (!anyAdmitted) return;
  if (lb.algorithm === "leastconn") weighByConnections(sc, i);
  if (lb.algorithm === "source") spreadBySource(sc, i, f, healthy, lb.redispatch);
  else spreadByWeight(sc, i, lb.redispatch);
}

/** Applies the per-client rate limit to host i's arrivals (scales `lbIn`, fills `lbScale`); returns what is let through. */
function rateLimit(sc: Scratch, i: number, lb: LbService): number {
  const base = i * C;
  const scale = sc.lbScale;
  scale.fill(1);
  if (lb.rateLimit > 0) {
    const attack = sc.lbIn[base + ATTACK];
    const allowedAttack = (ATTACK_SOURCES * lb.rateLimit) / 10;
    if (attack > allowedAttack) scale[ATTACK] = allowedAttack / attack;
    const legitShare = Math.min(1, lb.rateLimit / USER_RPS);
    for (let c = 0; c < 3; c++) scale[c] = legitShare;
  }
  let allowed = 0;
  for (let c = 0; c < C; c++) {
    const amount = sc.lbIn[base + c];
    if (scale[c] < 1) fail(sc, Reason.RateLimited, i, c, amount * (1 - scale[c]));
    sc.lbIn[base + c] = amount * scale[c];
    allowed += amount * scale[c];
  }
  return allowed;
}

/**
 * The health checks' view, then the algorithm's weights: fills `weight` per backend (0 for one
 * believed down) and `believed` with the healthy ones; returns how many are healthy.
 */
function weighBackends(sc: Scratch, i: number, lb: LbService): number {
  const backends = sc.topo.lbBackends[i];
  let healthy = 0;
  let weightSum = 0;
  let liveWeightSum = 0;
  // `backup` servers take traffic only while no primary is believed up.
  let primariesUp = 0;
  for (let k = 0; k < backends.length; k++) {
    const j = backends[k];
    sc.believedUp[k] = believedUp(sc, lb, j) ? 1 : 0;
    if (sc.believedUp[k] === 1 && !isBackup(lb, sc.hosts[j].id)) primariesUp++;
  }
  for (let k = 0; k < backends.length; k++) {
    const j = backends[k];
    const drained = lb.drained.length > 0 && lb.drained.includes(sc.hosts[j].id);
    const usable = sc.believedUp[k] === 1 && !drained && (primariesUp === 0 || !isBackup(lb, sc.hosts[j].id));
    let w = 0;
    if (usable) {
      sc.believed[healthy++] = k;
      w = backendWeight(lb.algorithm);
    }
    sc.weight[k] = w;
    weightSum += w;
    if (answers(sc, j)) liveWeightSum += w;
  }
  sc.weightSum = weightSum;
  sc.liveWeightSum = liveWeightSum;
  return healthy;
}

/**
 * Least connections: the usable backends that answer share this tick's requests by water-filling
 * over what each holds (its queue, plus work already handed to it this tick) per unit of capacity.
 * A backend believed up that refuses connections holds none: it gets an even share, and fails it.
 */
function weighByConnections(sc: Scratch, i: number): void {
  const backends = sc.topo.lbBackends[i];
  let work = 0;
  for (let c = 0; c < C; c++) work += sc.lbAdmitted[c] * (WORK.web[c] + WORK.app[c]);
  let usable = 0, dead = 0;
  for (let k = 0; k < backends.length; k++) {
    const j = backends[k];
    const live = sc.weight[k] > 0 && answers(sc, j);
    if (sc.weight[k] > 0) { usable++; if (!live) dead++; }
    sc.believedUp[k] = sc.weight[k] > 0 ? 1 : 0; // from here on: usable (a backup only when no primary is)
    sc.lcLoad[k] = live ? sc.hosts[j].backlog + sc.used[j] + heldThisTick(sc, j) : 0;
    sc.lcCapacity[k] = live ? sc.capacity[j] : 0;
  }
  // The dead-but-believed-up take an even share; the live ones split the rest.
  const deadWork = work / usable;
  leastConnShares(sc.lcLoad, sc.lcCapacity, backends.length, work - dead * deadWork, sc.lcShare);
  let weightSum = 0, liveWeightSum = 0;
  for (let k = 0; k < backends.length; k++) {
    if (sc.weight[k] <= 0) continue;
    const live = answers(sc, backends[k]);
    sc.weight[k] = live ? sc.lcShare[k] : deadWork;
    weightSum += sc.weight[k];
    if (live) liveWeightSum += sc.weight[k];
  }
  // Nothing with capacity to fill (every live one is out of CPU): fall back to taking turns.
  if (weightSum <= 0) {
    for (let k = 0; k < backends.length; k++) if (sc.believedUp[k] === 1) { sc.weight[k] = 1; weightSum += 1; if (answers(sc, backends[k])) liveWeightSum += 1; }
  }
  sc.weightSum = weightSum;
  sc.liveWeightSum = liveWeightSum;
}

/** Work already handed to backend slot j's web server this tick (by load balancers before this one). */
function heldThisTick(sc: Scratch, j: number): number {
  let w = 0;
  for (let c = 0; c < C; c++) w += sc.webIn[j * C + c] * (WORK.web[c] + WORK.app[c]);
  return w;
}

/**
 * The health checks' belief about backend slot j. A server still installing refuses the connection
 * and HAProxy redispatches at once; a dead one only drops out once the checks mark it down.
 */
function believedUp(sc: Scratch, lb: LbService, j: number): boolean {
  const starting = sc.up[j] === 1 && sc.topo.web[j]!.status === "starting";
  return !starting && (!lb.healthCheck || !lb.markedDown.includes(sc.hosts[j].id));
}

function isBackup(lb: LbService, hostId: number): boolean {
  return lb.backups.length > 0 && lb.backups.includes(hostId);
}

/**
 * Round robin and least connections: each backend takes its weight's share of every class. A
 * backend believed up that refuses connections fails its share after the retries, unless
 * `option redispatch` sends that share on to the live backends.
 */
function spreadByWeight(sc: Scratch, i: number, redispatch: boolean): void {
  const backends = sc.topo.lbBackends[i];
  const links = sc.topo.lbBackendLinks[i];
  const skipDead = redispatch && sc.liveWeightSum > 0;
  const weightSum = skipDead ? sc.liveWeightSum : sc.weightSum;
  for (let k = 0; k < backends.length; k++) {
    const w = sc.weight[k];
    if (w <= 0) continue;
    const j = backends[k];
    if (skipDead && !answers(sc, j)) continue;
    for (let c = 0; c < C; c++) if (sc.lbAdmitted[c] > 0) forward(sc, i, j, links[k], c, (sc.lbAdmitted[c] * w) / weightSum, sc.lbLatency[c]);
  }
}

/** `balance source`: each client bucket sticks to one backend; the flood is spread like round robin. */
function spreadBySource(sc: Scratch, i: number, f: number, healthy: number, redispatch: boolean): void {
  const backends = sc.topo.lbBackends[i];
  const links = sc.topo.lbBackendLinks[i];
  for (let b = 0; b < CLIENT_BUCKETS; b++) {
    let pick = sourceBackend(b, healthy);
    // Redispatch: a refused connection goes on to the next believed-up backend that answers.
    if (redispatch) for (let step = 0; step < healthy && !answers(sc, backends[sc.believed[pick]]); step++) pick = (pick + 1) % healthy;
    const k = sc.believed[pick];
    const row = (i * CLIENT_BUCKETS + b) * C;
    for (let c = 0; c < 3; c++) {
      const part = sc.lbBucket[row + c] * sc.lbScale[c] * f;
      if (part > 0) forward(sc, i, backends[k], links[k], c, part, sc.lbLatency[c]);
    }
  }
  const attack = sc.lbAdmitted[ATTACK];
  if (attack > 0) {
    const skipDead = redispatch && sc.liveWeightSum > 0;
    const weightSum = skipDead ? sc.liveWeightSum : sc.weightSum;
    for (let k = 0; k < backends.length; k++) {
      if (sc.weight[k] > 0 && !(skipDead && !answers(sc, backends[k]))) forward(sc, i, backends[k], links[k], ATTACK, (attack * sc.weight[k]) / weightSum, sc.lbLatency[ATTACK]);
    }
  }
}

/** Whether backend slot j takes a connection from the load balancer being balanced: Nginx runs, and with backend TLS its certificate verifies. */
function answers(sc: Scratch, j: number): boolean {
  return sc.webUp[j] === 1 && (sc.lbVerifies === 0 || sc.tls[j] === 1);
}

/**
 * Hands `amount` from load balancer i to backend j over `link` (-1: same host); fails it if Nginx
 * there is not running, if with backend TLS its certificate fails verification, or if j's
 * firewall drops the balancer's connection. Re-encrypted requests cost Nginx their decryption.
 */
function forward(sc: Scratch, i: number, j: number, link: number, cls: number, amount: number, latency: number): void {
  if (!answers(sc, j)) {
    fail(sc, sc.up[j] === 0 ? Reason.BackendDown : sc.webUp[j] === 0 ? Reason.WebDown : Reason.BackendCertRefused, j, cls, amount);
    if (link >= 0) sc.report.linkFailed[link] += amount;
    return;
  }
  if (firewallBlocksInside(sc, j, i, sc.lbVerifies === 1 ? PORT_HTTPS : PORT_HTTP)) {
    blockedInside(sc, j, link, cls, amount, TIER_WEB);
    return;
  }
  if (link >= 0) sc.report.linkFlow[link * C + cls] += amount;
  sc.webIn[j * C + cls] += amount;
  sc.webLat[j * C + cls] += amount * latency;
  if (sc.lbVerifies === 1) sc.webTlsWork[j] += amount * WORK.backendTls;
}

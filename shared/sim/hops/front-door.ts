// The front door: where a client's address leads (a server, or a load-balancer pair's virtual IP),
// whether anything there answers HTTP, and the way in: through the host's firewall, over TLS if
// the host has a certificate, to HAProxy if it runs one, else straight to Nginx.
import { CLIENT_BUCKETS, PORT_HTTP, PORT_HTTPS, WORK } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import type { GameState } from "../../model/types.js";
import type { Topology } from "../topology.js";
import { firewallBlocks } from "./firewall.js";
import { ATTACK, C, type Scratch } from "./scratch.js";
import { fail, touch } from "./tally.js";

/**
 * The host slot an address leads to, or, when it leads nowhere, -1 - the reason (decode with
 * `whyNowhere`): a number rather than an object, since every client bucket asks every tick.
 */
export function resolveIp(state: GameState, topo: Topology, ip: string): number {
  const direct = topo.ipToIndex.get(ip);
  if (direct !== undefined) return direct;
  for (const p of state.pairs) {
    if (p.vip !== ip) continue;
    if (p.failoverAt >= 0) return -1 - Reason.VipMoving;
    const idx = topo.indexById.get(p.active);
    return idx === undefined ? -1 - Reason.DnsNowhere : idx;
  }
  return -1 - Reason.DnsNowhere;
}

/** Why an address that `resolveIp` could not resolve leads nowhere. */
export function whyNowhere(resolved: number): Reason {
  return -1 - resolved;
}

/** Why the host at this address cannot take a web request, or null if it can. */
export function frontDoorProblem(topo: Topology, i: number): Reason | null {
  const h = topo.hosts[i];
  if (h.status !== "up") return Reason.HostDown;
  const lb = topo.lb[i];
  if (lb) return lb.status === "up" ? null : Reason.LbDown;
  const web = topo.web[i];
  if (web) return web.status === "up" ? null : Reason.WebDown;
  return Reason.NothingListening;
}

/** `amount` of class `cls` arrives from the internet at host slot e, `latency` ms after leaving the client (bucket -1: the flood). */
export function enter(sc: Scratch, e: number, cls: number, amount: number, latency: number, bucket: number): void {
  if (amount <= 0) return;
  const r = sc.report;
  const https = sc.hosts[e].cert !== null;
  touch(sc, e);
  r.entryFlow[e * C + cls] += amount;
  if (firewallBlocks(sc, e, https ? PORT_HTTPS : PORT_HTTP)) {
    fail(sc, Reason.FirewallBlocked, e, cls, amount);
    r.entryFailed[e] += amount;
    return;
  }
  if (https && sc.tls[e] === 0 && cls !== ATTACK) {
    fail(sc, Reason.CertExpired, e, cls, amount);
    r.entryFailed[e] += amount;
    return;
  }
  const row = e * C + cls;
  if (sc.topo.lb[e]) {
    sc.lbIn[row] += amount;
    sc.lbLat[row] += amount * latency;
    if (bucket >= 0) sc.lbBucket[(e * CLIENT_BUCKETS + bucket) * C + cls] += amount;
  } else {
    sc.webIn[row] += amount;
    sc.webLat[row] += amount * latency;
    if (sc.tls[e] === 1) sc.webTlsWork[e] += amount * WORK.tls[cls];
  }
}

/**
 * One client bucket's legitimate users (`sc.bucketIn`, per class) arrive at host slot e: `enter`
 * for the three classes at once, so the host's checks run once per bucket rather than per class.
 * Each number is added where and in the order `enter` would add it, so the sums are the same.
 */
export function enterLegit(sc: Scratch, e: number, latency: number, bucket: number): void {
  const a = sc.bucketIn;
  if (!(a[0] > 0) && !(a[1] > 0) && !(a[2] > 0)) return;
  const r = sc.report;
  const https = sc.hosts[e].cert !== null;
  touch(sc, e);
  const row = e * C;
  for (let c = 0; c < 3; c++) if (a[c] > 0) r.entryFlow[row + c] += a[c];
  // The way in is the same for every bucket this tick: asked once per host (runDns resets doorHost).
  if (sc.doorHost !== e) { sc.doorHost = e; sc.doorRefusal = wayInRefusal(sc, e, https); }
  if (sc.doorRefusal >= 0) { refuseLegit(sc, e, sc.doorRefusal); return; }
  if (sc.topo.lb[e]) {
    const cell = (e * CLIENT_BUCKETS + bucket) * C;
    for (let c = 0; c < 3; c++) {
      const amount = a[c];
      if (!(amount > 0)) continue;
      sc.lbIn[row + c] += amount;
      sc.lbLat[row + c] += amount * latency;
      sc.lbBucket[cell + c] += amount;
    }
  } else {
    const terminates = sc.tls[e] === 1;
    for (let c = 0; c < 3; c++) {
      const amount = a[c];
      if (!(amount > 0)) continue;
      sc.webIn[row + c] += amount;
      sc.webLat[row + c] += amount * latency;
      if (terminates) sc.webTlsWork[e] += amount * WORK.tls[c];
    }
  }
}

/** Why users are turned away at host slot e's front door (its firewall, an expired certificate), or -1. */
function wayInRefusal(sc: Scratch, e: number, https: boolean): Reason | -1 {
  if (firewallBlocks(sc, e, https ? PORT_HTTPS : PORT_HTTP)) return Reason.FirewallBlocked;
  if (https && sc.tls[e] === 0) return Reason.CertExpired;
  return -1;
}

/** The bucket's users are turned away at the front door of host slot e. */
function refuseLegit(sc: Scratch, e: number, reason: Reason): void {
  const a = sc.bucketIn;
  for (let c = 0; c < 3; c++) {
    if (!(a[c] > 0)) continue;
    fail(sc, reason, e, c, a[c]);
    sc.report.entryFailed[e] += a[c];
  }
}

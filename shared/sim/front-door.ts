// The front door: where a client's address leads (a server or a virtual IP), and whether anything
// there answers HTTP.
import { Reason } from "../content/reasons.js";
import type { GameState } from "../model/types.js";
import type { Topology } from "./topology.js";

export function resolveIp(state: GameState, topo: Topology, ip: string): { index: number; reason: Reason } {
  const direct = topo.ipToIndex.get(ip);
  if (direct !== undefined) return { index: direct, reason: Reason.DnsNowhere };
  for (const p of state.pairs) {
    if (p.vip !== ip) continue;
    if (p.failoverAt >= 0) return { index: -1, reason: Reason.VipMoving };
    const idx = topo.indexById.get(p.active);
    return idx === undefined ? { index: -1, reason: Reason.DnsNowhere } : { index: idx, reason: Reason.DnsNowhere };
  }
  return { index: -1, reason: Reason.DnsNowhere };
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

/** The addresses www resolves to right now (A values, or the apex for a CNAME). */
export function resolveName(state: GameState): string[] {
  const www = state.dns.www;
  if (!www) return [];
  return www.type === "A" ? www.values : state.dns.apex;
}


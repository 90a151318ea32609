// Address plan: public addresses count up from 8.8.8.8 (the curriculum's example), private ones
// from 10.0.0.2. The lowest free address is always taken, so the plan is deterministic.
import type { GameState } from "../model/types.js";

export function publicIpAt(n: number): string {
  const v = 8 + n; // 8.8.8.8, 8.8.8.9, … then 8.8.9.0 …
  return `8.8.${8 + Math.floor(v / 256)}.${v % 256}`;
}

export function privateIpAt(n: number): string {
  const v = 2 + n;
  return `10.0.${Math.floor(v / 256)}.${v % 256}`;
}

function usedIps(state: GameState): Set<string> {
  const used = new Set<string>();
  for (const h of state.hosts) {
    if (h.publicIp) used.add(h.publicIp);
    used.add(h.privateIp);
  }
  for (const p of state.pairs) if (p.vip) used.add(p.vip);
  return used;
}

export function nextPublicIp(state: GameState): string {
  const used = usedIps(state);
  for (let n = 0; ; n++) if (!used.has(publicIpAt(n))) return publicIpAt(n);
}

export function nextPrivateIp(state: GameState): string {
  const used = usedIps(state);
  for (let n = 0; ; n++) if (!used.has(privateIpAt(n))) return privateIpAt(n);
}

/** A public address the player owns: a server's own, or a load-balancer pair's virtual IP. */
export interface OwnedAddress {
  ip: string;
  /** The server it belongs to, or null for a pair's virtual IP. */
  hostId: number | null;
  /** The pair whose virtual IP it is, or null for a server's own address. */
  pairId: number | null;
}

/** The addresses DNS may name (the setDns rule and the DNS dialog both read this list). */
export function ownedAddresses(state: GameState): OwnedAddress[] {
  const out: OwnedAddress[] = [];
  for (const h of state.hosts) if (h.publicIp) out.push({ ip: h.publicIp, hostId: h.id, pairId: null });
  for (const p of state.pairs) if (p.vip) out.push({ ip: p.vip, hostId: null, pairId: p.id });
  return out;
}

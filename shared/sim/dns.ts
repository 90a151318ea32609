// Resolver caches, one per client bucket. A bucket keeps its answer until its TTL runs out, so a
// changed record reaches users gradually; first lookups are staggered across the TTL so buckets
// do not all expire together.
import { CLIENT_BUCKETS } from "../content/catalog.js";
import type { GameState } from "../model/types.js";
import { resolveName } from "./front-door.js";

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

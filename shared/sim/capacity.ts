// How much work a server can do this tick.
import { HOST_TIERS, SWAP_CPU_PERMILLE, WORK } from "../content/catalog.js";
import type { Host } from "../model/types.js";
import { memoryUsedMb } from "./services.js";

/** Effective CPU per tick, in milli work units: swapping halves it, a miner eats into it. */
export function effectiveCapacity(host: Host, swapping = memoryUsedMb(host) > HOST_TIERS[host.tier].memoryMb): number {
  let cap = HOST_TIERS[host.tier].cpu;
  if (swapping) cap = (cap * SWAP_CPU_PERMILLE) / 1000;
  if (host.compromised) cap = Math.max(cap / 10, cap - WORK.miner);
  return cap;
}

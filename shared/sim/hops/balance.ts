// HAProxy's balancing algorithms: how a load balancer shares requests among the backends its
// health checks believe are up. Round robin and least connections give each backend a weight (its
// share is weight / sum of weights); `balance source` pins each client bucket to one backend.
import type { LbAlgorithm } from "../../model/types.js";

/** Round robin: every healthy backend takes turns, so each gets an equal share. */
export function roundRobinWeight(): number {
  return 1;
}

/** The weight of a usable backend under `algorithm` before least connections sets its own. */
export function backendWeight(_algorithm: LbAlgorithm): number {
  return roundRobinWeight();
}

/**
 * Least connections: each new request goes to the backend with the fewest connections for its
 * capacity, counting what it already holds (its queue and the work handed to it this tick). As a
 * flow that is water-filling: `load[k]` (work held) and `capacity[k]` of the `count` backends, and
 * `work` to hand out; fills `share[k]` with each one's part of `work` so that every backend that
 * gets some ends at the same load per unit of capacity, and a saturated one gets nothing.
 */
export function leastConnShares(load: Float64Array, capacity: Float64Array, count: number, work: number, share: Float64Array): void {
  let inSet = 0;
  for (let k = 0; k < count; k++) { share[k] = capacity[k] > 0 ? 1 : 0; inSet += share[k]; }
  if (inSet === 0) return;
  // The common level: drop the backends already above it, until none is.
  for (let round = 0; round < count; round++) {
    let loadSum = work, capSum = 0;
    for (let k = 0; k < count; k++) if (share[k] > 0) { loadSum += load[k]; capSum += capacity[k]; }
    const level = loadSum / capSum;
    let dropped = false;
    for (let k = 0; k < count; k++) if (share[k] > 0 && load[k] > level * capacity[k]) { share[k] = 0; dropped = true; }
    if (!dropped) {
      for (let k = 0; k < count; k++) if (share[k] > 0) share[k] = level * capacity[k] - load[k];
      return;
    }
  }
}

/**
 * `balance source` as HAProxy does it by default (map-based): the client's source, here its bucket
 * index, modulo the number of usable backends. Consecutive clients rotate over the backends, so 16
 * buckets over 2, 3, 4, 5 backends go 8/8, 6/5/5, 4/4/4/4, 4/3/3/3/3; and when a backend is added or
 * marked down, the modulus changes and most clients move (what `hash-type consistent` would avoid).
 */
export function sourceBackend(bucket: number, usableCount: number): number {
  return bucket % usableCount;
}

// HAProxy's balancing algorithms: how a load balancer shares requests among the backends its
// health checks believe are up. Round robin and least connections give each backend a weight (its
// share is weight / sum of weights); `balance source` pins each client bucket to one backend.
import type { LbAlgorithm } from "../../model/types.js";

/** Round robin: every healthy backend takes turns, so each gets an equal share. */
export function roundRobinWeight(): number {
  return 1;
}

/**
 * Least connections: a new request goes to the backend holding the fewest open connections. A
 * backend with more CPU to spare finishes sooner and so holds fewer, so its weight is its capacity
 * times its spare share (last tick's utilisation, never below 5 %).
 */
export function leastConnWeight(capacity: number, utilPermille: number): number {
  return capacity * Math.max(50, 1000 - Math.min(utilPermille, 1000)) + 1;
}

/** The weight of a healthy backend under `algorithm` (`source` spreads the flood like round robin). */
export function backendWeight(algorithm: LbAlgorithm, capacity: number, utilPermille: number): number {
  return algorithm === "leastconn" ? leastConnWeight(capacity, utilPermille) : roundRobinWeight();
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

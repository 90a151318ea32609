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

/** A stable spread of client buckets over backends (HAProxy's `balance source`). */
export function sourceHash(bucket: number): number {
  let h = Math.imul(bucket + 1, 0x9e3779b1) >>> 0;
  h ^= h >>> 15;
  return h >>> 0;
}

/** Source hashing: which of the `healthyCount` believed-healthy backends client `bucket` sticks to. */
export function sourceBackend(bucket: number, healthyCount: number): number {
  return sourceHash(bucket) % healthyCount;
}

// A build between ticks (buying a server, wiring two together) changes the topology, so the flow
// model's per-host arrays are rebuilt for the new board. The last tick's report must survive that:
// a paused player who buys a server still sees what the last tick did, not an empty report that
// reads "every request is answered". Its per-host and per-link figures follow their host and link
// by id to the new indexes; a new host or link starts at zero, a removed one drops out.
import { decodeReasonKey, reasonKey, TIERS, type TickReport } from "./report.js";

const C = 4;

function indexById(ids: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  ids.forEach((id, i) => m.set(id, i));
  return m;
}

/** Copies `from` (computed for hosts `fromHosts`, links `fromLinks`) into `to`, laid out for the current board. */
export function carryReport(from: TickReport, fromHosts: readonly number[], fromLinks: readonly number[], to: TickReport, toHosts: readonly number[], toLinks: readonly number[]): void {
  to.tick = from.tick;
  for (let c = 0; c < C; c++) {
    to.demand[c] = from.demand[c]; to.served[c] = from.served[c]; to.errors[c] = from.errors[c]; to.dropped[c] = from.dropped[c];
    to.raw.demand[c] = from.raw.demand[c]; to.raw.served[c] = from.raw.served[c]; to.raw.errors[c] = from.raw.errors[c]; to.raw.dropped[c] = from.raw.dropped[c];
    to.meanMs[c] = from.meanMs[c]; to.latencySum[c] = from.latencySum[c];
  }
  to.p50Ms = from.p50Ms;
  to.p95Ms = from.p95Ms;
  to.latencyHistogram.set(from.latencyHistogram);
  to.staleReads = from.staleReads;

  const hostAt = indexById(toHosts);
  fromHosts.forEach((id, i) => {
    const j = hostAt.get(id);
    if (j === undefined) return;
    to.hostUtil[j] = from.hostUtil[i]; to.hostRequests[j] = from.hostRequests[i]; to.hostErrors[j] = from.hostErrors[i];
    to.hostLatencyMs[j] = from.hostLatencyMs[i]; to.entryFailed[j] = from.entryFailed[i];
    to.hostStaleReads[j] = from.hostStaleReads[i];
    for (let t = 0; t < TIERS; t++) {
      to.serviceRequests[j * TIERS + t] = from.serviceRequests[i * TIERS + t];
      to.serviceErrors[j * TIERS + t] = from.serviceErrors[i * TIERS + t];
    }
    for (let c = 0; c < C; c++) to.entryFlow[j * C + c] = from.entryFlow[i * C + c];
  });
  const linkAt = indexById(toLinks);
  fromLinks.forEach((id, i) => {
    const j = linkAt.get(id);
    if (j === undefined) return;
    to.linkFailed[j] = from.linkFailed[i];
    for (let c = 0; c < C; c++) to.linkFlow[j * C + c] = from.linkFlow[i * C + c];
  });

  // Failure reasons are keyed by host index: re-key them (a removed host's failures stay counted
  // against no host, so the totals still add up).
  const reasons = new Map<number, number>();
  for (const [key, count] of from.reasons) {
    const { reason, hostIndex } = decodeReasonKey(key);
    const j = hostIndex < 0 ? -1 : hostAt.get(fromHosts[hostIndex]) ?? -1;
    const k = reasonKey(reason, j);
    reasons.set(k, (reasons.get(k) ?? 0) + count);
  }
  to.reasonMap = reasons;
  to.reasonsReady = true;
  to.reasonSource = null;
}

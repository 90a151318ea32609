// Turns a tick's report into "lanes" the board animates: one per link that carried requests and
// one per host that takes requests straight from the internet. Rates are per second of play.
// Failures at a server the player has not been told about are drawn as ordinary traffic
// (see shared/view.ts, failuresHidden): the dots must not leak what monitoring would have said.
import { failuresHidden, findScenario, TICKS_PER_SECOND, type GameState, type TickReport } from "../../shared/index.js";
import { upstreamOf } from "./roles.js";

export interface Lane {
  /** Stable across ticks: "l<linkId>" or "e<hostId>". */
  key: string;
  /** Host id the requests come from; 0 = the internet. */
  fromId: number;
  toId: number;
  /** Requests per second by class [static, read, write, attack]. */
  perSecond: [number, number, number, number];
  /** Share of the lane's requests that failed, 0..1. */
  failedShare: number;
}

/**
 * Shares of [static, read, write, attack] for failures the report does not split by class (a dead
 * front door): the scenario's own traffic mix (permille), which the simulation draws demand by.
 */
export function fallbackMix(state: GameState): readonly [number, number, number, number] {
  const mix = findScenario(state.scenario)?.traffic.mix ?? [1000, 0, 0];
  return [mix[0] / 1000, mix[1] / 1000, mix[2] / 1000, 0];
}

/** Reuses `out` (cleared first) so a frame does not allocate lanes afresh. */
export function computeLanes(state: GameState, report: TickReport, out: Lane[] = []): Lane[] {
  out.length = 0;
  const hosts = state.hosts;
  // The report is a tick old: if the topology changed since, its arrays no longer line up.
  if (report.hostUtil.length !== hosts.length || report.linkFailed.length !== state.links.length) return out;
  const mix = fallbackMix(state);
  const byId = new Map(hosts.map((h, i) => [h.id, i]));
  const hidden = hosts.map((h) => failuresHidden(state, h));
  // Requests that reach a host and then fail there (a crashed app, a full queue) fail "inside" it:
  // the lanes into it show that share bouncing back too.
  const failsInside = (i: number) => {
    const errors = report.hostErrors[i];
    return errors > 0 ? Math.min(1, errors / Math.max(errors, report.hostRequests[i])) : 0;
  };
  for (let i = 0; i < hosts.length; i++) {
    const flow = sum4(report.entryFlow, i);
    const failed = report.entryFailed[i];
    if (flow <= 0 && failed <= 0) continue;
    // Failures at the front door (firewall, certificate) are counted in the flow; a dead host's are not.
    const total = Math.max(flow, failed);
    out.push({
      key: `e${hosts[i].id}`, fromId: 0, toId: hosts[i].id,
      perSecond: perSecond(report.entryFlow, i, total - flow, mix),
      failedShare: hidden[i] ? 0 : combine(failed / total, failsInside(i)),
    });
  }
  state.links.forEach((link, li) => {
    const flow = sum4(report.linkFlow, li);
    const failed = report.linkFailed[li];
    if (flow <= 0 && failed <= 0) return;
    const ai = byId.get(link.from);
    const bi = byId.get(link.to);
    if (ai === undefined || bi === undefined) return;
    const up = upstreamOf(hosts[ai], hosts[bi]);
    const down = up === hosts[ai] ? bi : ai;
    out.push({
      key: `l${link.id}`, fromId: up.id, toId: hosts[down].id,
      perSecond: perSecond(report.linkFlow, li, failed, mix),
      failedShare: hidden[down] ? 0 : combine(failed / (flow + failed), failsInside(down)),
    });
  });
  return out;
}

function combine(a: number, b: number): number {
  return Math.min(1, 1 - (1 - a) * (1 - b));
}

function sum4(arr: Float64Array, i: number): number {
  return arr[i * 4] + arr[i * 4 + 1] + arr[i * 4 + 2] + arr[i * 4 + 3];
}

/** Per-class rates per second, plus `extra` requests (failed, not split by class) spread by a typical mix. */
function perSecond(arr: Float64Array, i: number, extra: number, mix: readonly number[]): [number, number, number, number] {
  const k = TICKS_PER_SECOND;
  const e = Math.max(0, extra);
  const rate = (c: number) => (arr[i * 4 + c] + e * mix[c]) * k;
  return [rate(0), rate(1), rate(2), rate(3)];
}

/** Requests per second a lane carries in all. */
export function laneRate(lane: Lane): number {
  return lane.perSecond[0] + lane.perSecond[1] + lane.perSecond[2] + lane.perSecond[3];
}

// Load-balancer pairs on the board: a bracket around the two members with the virtual IP as its
// label, and the step a new pair still needs (DNS must name the virtual IP, or users keep going
// to one balancer and the standby has nothing to take over). The two modes differ in numbers, and
// both the label and the inspector say which: what each member carries, how long a failover
// takes, and what users see meanwhile.
import {
  CONNECT_TIMEOUT_MS, firstTryPermille, GIVE_UP_PERMILLE, masterDownTicks, resolveName, scriptFaultTicks, skewTicks, TIER_LB, TIERS,
  type GameState, type LbPair, type TickReport,
} from "../../shared/index.js";
import { HOST_H, HOST_W, type BoardLayout } from "./boardLayout.js";
import { duration } from "./format.js";

export interface PairBracket {
  pairId: number;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
}

/** Room around the two cards, and above them for the label. */
const PAD = 14;
const LABEL_ROOM = 22;

const nameOf = (state: GameState, id: number) => state.hosts.find((x) => x.id === id)?.name ?? `#${id}`;
const percent = (permille: number) => `${Math.round(permille / 10)} %`;

/** Each member's share of the requests the pair's HAProxies took last tick, in permille (null before any traffic). */
export function pairLoadPermille(state: GameState, report: TickReport | null, pair: LbPair): [number, number] | null {
  if (!report) return null;
  const taken = pair.members.map((id) => {
    const i = state.hosts.findIndex((h) => h.id === id);
    return i >= 0 && i * TIERS + TIER_LB < report.serviceRequests.length ? report.serviceRequests[i * TIERS + TIER_LB] : 0;
  });
  const total = taken[0] + taken[1];
  if (total <= 0) return null;
  const first = Math.round((taken[0] * 1000) / total);
  return [first, 1000 - first];
}

/** The bracket's label: the mode, who carries what, and the failover in progress or to expect. */
export function pairLabel(state: GameState, pair: LbPair, report: TickReport | null = null): string {
  const names = pair.members.map((id) => nameOf(state, id));
  const load = pairLoadPermille(state, report, pair);
  if (pair.vip) {
    const active = nameOf(state, pair.active);
    const moving = pair.failoverAt >= 0 ? ` · moving: ${duration(Math.max(0, pair.failoverAt - state.tick))} left` : ` · standby idle · failover ${duration(masterDownTicks())}`;
    return `pair ${names.join(" + ")} · virtual IP ${pair.vip} on ${active}${moving}`;
  }
  const split = load ? ` · ${percent(load[0])} / ${percent(load[1])} of requests` : "";
  return `pair ${names.join(" + ")} · active-active${split}`;
}

/**
 * What the pair means in numbers, for the inspector: capacity used, failover time, and what a
 * client sees while a member is down.
 */
export function pairFacts(state: GameState, pair: LbPair): string[] {
  const [a, b] = pair.members.map((id) => nameOf(state, id));
  if (pair.vip) {
    const active = nameOf(state, pair.active);
    const standby = pair.active === pair.members[0] ? b : a;
    return [
      `${active} holds the virtual IP and carries every request; ${standby} stands by with nothing to do, so the pair uses at most half of its capacity.`,
      `If ${active} dies, ${standby} takes the address ${duration(masterDownTicks())} later (keepalived: 3 missed adverts a second apart, plus ${duration(skewTicks())} of skew); ${duration(scriptFaultTicks())} if only HAProxy stops. Meanwhile every request to ${pair.vip} fails.`,
      ...(pair.failoverAt >= 0 ? [`Failing over now: ${standby} takes the address in ${duration(Math.max(0, pair.failoverAt - state.tick))}.`] : []),
    ];
  }
  const ip = (id: number) => state.hosts.find((x) => x.id === id)?.publicIp ?? "";
  const first = pair.members.map((id) => firstTryPermille(state, ip(id)));
  const ttl = state.dns.www ? duration(state.dns.www.ttlTicks) : "the TTL";
  return [
    `Both carry traffic: ${a} is the first address for ${percent(first[0])} of users, ${b} for ${percent(first[1])}. Each must be able to carry everything alone.`,
    `If one dies, its users wait a ${CONNECT_TIMEOUT_MS / 1000} s connect timeout before trying the other address, and ${percent(GIVE_UP_PERMILLE)} of them give up, until you take its address out of DNS and their caches expire (TTL ${ttl}).`,
  ];
}

/** One bracket per pair whose two members are on the board. */
export function pairBrackets(state: GameState, layout: BoardLayout, report: TickReport | null = null): PairBracket[] {
  const out: PairBracket[] = [];
  for (const pair of state.pairs) {
    const a = layout.hosts.get(pair.members[0]);
    const b = layout.hosts.get(pair.members[1]);
    if (!a || !b) continue;
    const x1 = Math.min(a.x, b.x) - HOST_W / 2 - PAD;
    const x2 = Math.max(a.x, b.x) + HOST_W / 2 + PAD;
    const y1 = Math.min(a.y, b.y) - HOST_H / 2 - PAD - LABEL_ROOM;
    const y2 = Math.max(a.y, b.y) + HOST_H / 2 + PAD;
    out.push({ pairId: pair.id, x: x1, y: y1, w: x2 - x1, h: y2 - y1, label: pairLabel(state, pair, report) });
  }
  return out;
}

/** The step an active-passive pair still needs: www must resolve to its virtual IP. Null when done. */
export function pairMissingStep(state: GameState, pair: LbPair): string | null {
  if (!pair.vip) return null;
  if (resolveName(state).includes(pair.vip)) return null;
  const names = pair.members.map((id) => state.hosts.find((x) => x.id === id)?.name ?? `#${id}`);
  return `Point www at the virtual IP ${pair.vip} (DNS): until then users reach ${names.join(" or ")} by its own address, and the standby cannot take over.`;
}

/** Every pair's missing step, for the "Failing now" panel. */
export function pairMissingSteps(state: GameState): string[] {
  const out: string[] = [];
  for (const p of state.pairs) {
    const step = pairMissingStep(state, p);
    if (step) out.push(step);
  }
  return out;
}

// Load-balancer pairs on the board: a bracket around the two members with the virtual IP as its
// label, and the step a new pair still needs (DNS must name the virtual IP, or users keep going
// to one balancer and the standby has nothing to take over).
import { resolveName, type GameState, type LbPair } from "../../shared/index.js";
import { HOST_H, HOST_W, type BoardLayout } from "./boardLayout.js";

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

export function pairLabel(state: GameState, pair: LbPair): string {
  const names = pair.members.map((id) => state.hosts.find((x) => x.id === id)?.name ?? `#${id}`);
  const active = state.hosts.find((x) => x.id === pair.active)?.name;
  return pair.vip
    ? `pair ${names.join(" + ")} · virtual IP ${pair.vip}${active ? ` on ${active}` : ""}`
    : `pair ${names.join(" + ")} · active-active`;
}

/** One bracket per pair whose two members are on the board. */
export function pairBrackets(state: GameState, layout: BoardLayout): PairBracket[] {
  const out: PairBracket[] = [];
  for (const pair of state.pairs) {
    const a = layout.hosts.get(pair.members[0]);
    const b = layout.hosts.get(pair.members[1]);
    if (!a || !b) continue;
    const x1 = Math.min(a.x, b.x) - HOST_W / 2 - PAD;
    const x2 = Math.max(a.x, b.x) + HOST_W / 2 + PAD;
    const y1 = Math.min(a.y, b.y) - HOST_H / 2 - PAD - LABEL_ROOM;
    const y2 = Math.max(a.y, b.y) + HOST_H / 2 + PAD;
    out.push({ pairId: pair.id, x: x1, y: y1, w: x2 - x1, h: y2 - y1, label: pairLabel(state, pair) });
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

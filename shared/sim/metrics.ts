// The numbers a run is judged by, all integers so every machine agrees on them.
import type { GameState } from "../model/types.js";

/** Share of legitimate requests served since launch, in 1/10000. */
export function slaPermyriad(state: GameState): number {
  const t = state.totals;
  return t.demand === 0 ? 10000 : Math.floor((t.served * 10000) / t.demand);
}

/** Share of ticks in which at least 99 % of requests succeeded, in 1/10000. */
export function uptimePermyriad(state: GameState): number {
  const t = state.totals;
  return t.ticks === 0 ? 10000 : Math.floor((t.upTicks * 10000) / t.ticks);
}

/**
 * How many nines of uptime: 99.9 % is 3. Counted exactly, without logarithms, and never more than
 * the run can show: claiming n nines takes at least 10^n ticks (a minute of perfect play is not
 * "five nines").
 */
export function nines(state: GameState): number {
  const t = state.totals;
  const down = t.ticks - t.upTicks;
  let n = 0;
  let scale = 10;
  while (n < 5 && down * scale <= t.ticks && scale <= t.ticks) { n++; scale *= 10; }
  return n;
}

/**
 * True when the uptime would earn another nine but the run has not been live long enough to claim
 * it (see `nines`): the player is told the count is capped, not that the site was down.
 */
export function ninesCappedByTime(state: GameState): boolean {
  const t = state.totals;
  const n = nines(state);
  if (n >= 5) return false;
  const scale = ticksForNines(n + 1);
  return (t.ticks - t.upTicks) * scale <= t.ticks && scale > t.ticks;
}

/** Ticks the run must have been counted for before `n` nines can be claimed: 10^n, exactly. */
export function ticksForNines(n: number): number {
  let ticks = 1;
  for (let i = 0; i < n; i++) ticks *= 10;
  return ticks;
}

export function score(state: GameState): number {
  const t = state.totals;
  const served = Math.floor((Math.floor(t.served / 10) * slaPermyriad(state)) / 10000);
  const money = Math.floor(Math.max(0, state.money) / 1000);
  const won = state.ended?.outcome === "won" ? 5000 : 0;
  // Requests an intruder read: one point off per hundred (serving them earned ten), so a leak hurts
  // about as much as a breach after some ten thousand requests, without wiping out the run.
  const sniffed = Math.floor(t.sniffedMilli / 100000);
  return served + money + won + nines(state) * 1000 - t.breaches * 1000 - sniffed;
}

// How many legitimate users knock this tick: the scenario's base rate, compounded growth, the
// daily cycle, flash crowds and reputation. Whole requests per tick, with fractions carried.
import type { Scenario } from "../content/scenario.js";
import type { GameState } from "../model/types.js";
import type { Demand } from "./flow.js";

/** One day sampled every hour, in permille of the swing (a sine wave, written out). */
const DAY_SHAPE: readonly number[] = [
  -1000, -966, -866, -707, -500, -259, 0, 259, 500, 707, 866, 966, 1000, 966, 866, 707, 500, 259, 0, -259, -500, -707, -866, -966,
];

/** Daily multiplier in permille for a tick since launch. */
export function dailyPermille(tickSinceLaunch: number, scenario: Scenario): number {
  const { dayTicks, dailySwing } = scenario.traffic;
  // Launch at mid-morning so the first minutes climb instead of starting at the trough.
  const pos = ((tickSinceLaunch + Math.floor(dayTicks / 4)) % dayTicks) * 24;
  const hour = Math.floor(pos / dayTicks);
  const frac = (pos % dayTicks) / dayTicks;
  const a = DAY_SHAPE[hour];
  const b = DAY_SHAPE[(hour + 1) % 24];
  return 1000 + Math.floor(((a + (b - a) * frac) * dailySwing) / 1000);
}

export function legitRps(state: GameState, scenario: Scenario): number {
  if (state.launchedAt < 0) return 0;
  const since = state.tick - state.launchedAt;
  let crowd = 100;
  const effects = state.effects;
  for (let k = 0; k < effects.length; k++) if (effects[k].kind === "flash-crowd") crowd += effects[k].size;
  const reputationFactor = 5000 + state.reputation / 2; // 0.5 … 1.0 in 1/10000
  return (scenario.traffic.baseRps * state.growthPermille * dailyPermille(since, scenario) * reputationFactor * crowd) / (1000 * 1000 * 10000 * 100);
}

// The loops over effects count with an index rather than for…of: they run every tick, and until
// V8 optimises them (the first few thousand ticks of a replay verified in a fresh process) a for…of
// allocates an iterator and a result object per step.
export function computeDemand(state: GameState, scenario: Scenario, out: Demand): Demand {
  const rps = legitRps(state, scenario);
  for (let c = 0; c < 3; c++) {
    const milliPerTick = Math.floor((rps * scenario.traffic.mix[c]) / 10);
    const carry = state.demandCarry[c] + milliPerTick;
    const whole = Math.floor(carry / 1000);
    state.demandCarry[c] = carry - whole * 1000;
    out.legit[c] = whole;
  }
  let attack = 0;
  const effects = state.effects;
  for (let k = 0; k < effects.length; k++) if (effects[k].kind === "ddos") attack += effects[k].size;
  out.attack = Math.floor(attack / 10);
  return out;
}

// Money per second as the HUD shows it: revenue (measured over the last seconds of play, since it
// follows traffic) and upkeep (what the servers and software cost now), and their difference, so
// the line agrees with the money the player watches move.
import { TICKS_PER_SECOND, upkeepPerSecond, type GameState } from "../../shared/index.js";

/** How many ticks of revenue the rate averages over. */
const WINDOW_TICKS = 10 * TICKS_PER_SECOND;

export interface Income {
  /** Cents per second, each rounded down to whole cents. */
  revenue: number;
  costs: number;
  net: number;
}

export class IncomeRate {
  private samples: { tick: number; revenue: number }[] = [];

  /** Call with the state after ticks ran; a state from another run or from the past starts over. */
  read(state: GameState): Income {
    if (this.samples.length && state.tick < this.samples[this.samples.length - 1].tick) this.samples = [];
    const last = this.samples[this.samples.length - 1];
    if (!last || state.tick > last.tick) this.samples.push({ tick: state.tick, revenue: state.totals.revenue });
    while (this.samples.length > 2 && this.samples[1].tick <= state.tick - WINDOW_TICKS) this.samples.shift();
    const first = this.samples[0];
    const ticks = state.tick - first.tick;
    const revenue = ticks > 0 ? Math.floor(((state.totals.revenue - first.revenue) * TICKS_PER_SECOND) / ticks) : 0;
    const costs = upkeepPerSecond(state);
    return { revenue, costs, net: revenue - costs };
  }
}

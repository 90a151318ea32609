// Money in and out, minute by minute: what the "revenue against costs" chart draws. Read from the
// run's totals after each tick (revenue earned; spending on purchases, upkeep and fines, less what
// undo gave back), so it agrees with the money line to the cent. It lives beside the game, not in
// its state: nothing here is hashed, saved or sent, and a loaded game's chart starts where it loads.
import { TICKS_PER_MINUTE } from "./content/catalog.js";
import type { GameState } from "./model/types.js";

export interface CashflowMinute {
  /** Minute of play, from 0. */
  minute: number;
  /** Cents earned from requests served in that minute. */
  revenue: number;
  /** Cents spent in that minute: purchases, upkeep and fines (an undo's refund counts against them). */
  costs: number;
}

export class Cashflow {
  readonly minutes: CashflowMinute[] = [];
  private last: { tick: number; revenue: number; spent: number } | null = null;

  /** Call with the state after each tick (and once at the start). */
  record(state: GameState): void {
    const t = state.totals;
    const last = this.last;
    this.last = { tick: state.tick, revenue: t.revenue, spent: t.spent };
    if (last && state.tick < last.tick) this.minutes.length = 0; // another run, or an earlier moment of this one
    // A jump of more than a minute (a loaded game, a co-op snapshot) has no minutes to spread over.
    if (!last || state.tick < last.tick || state.tick - last.tick > TICKS_PER_MINUTE) return;
    const revenue = t.revenue - last.revenue;
    const costs = t.spent - last.spent;
    if (revenue === 0 && costs === 0 && state.tick === last.tick) return;
    const minute = Math.floor(last.tick / TICKS_PER_MINUTE);
    let row = this.minutes[this.minutes.length - 1];
    if (!row || row.minute !== minute) {
      row = { minute, revenue: 0, costs: 0 };
      this.minutes.push(row);
    }
    row.revenue += revenue;
    row.costs += costs;
  }

  /** The minutes already over at `tick` (the one under way would read as a sudden drop), or all once the game has ended. */
  complete(state: GameState): CashflowMinute[] {
    if (state.ended) return this.minutes;
    return this.minutes.filter((m) => (m.minute + 1) * TICKS_PER_MINUTE <= state.tick);
  }
}

// The fixed-step accumulator that drives the simulation. Real time in, whole ticks out: at 1× a
// tick is due every 100 ms, at 8× every 12.5 ms. Rendering never steps the game; only this does.
import { TICKS_PER_SECOND } from "../../shared/index.js";

export const SPEEDS = [0, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

export const MS_PER_TICK = 1000 / TICKS_PER_SECOND;
/** A hidden tab or a long stall must not make the game race to catch up: at most this much real time counts. */
export const MAX_FRAME_MS = 250;
/** And at most this many ticks run in one frame, so a slow machine degrades to slow motion, not a freeze. */
export const MAX_TICKS_PER_FRAME = 40;

export class FixedStepLoop {
  private accumulatorMs = 0;
  speed: Speed = 1;

  constructor(private readonly runTick: () => boolean) {}

  /**
   * Feeds `elapsedMs` of real time and runs the ticks that are due. `runTick` returns false when
   * the game cannot advance (it ended), which stops the loop for this frame. Returns ticks run.
   */
  advance(elapsedMs: number): number {
    if (this.speed === 0 || !(elapsedMs > 0)) return 0;
    this.accumulatorMs += Math.min(elapsedMs, MAX_FRAME_MS) * this.speed;
    let ran = 0;
    while (this.accumulatorMs >= MS_PER_TICK && ran < MAX_TICKS_PER_FRAME) {
      if (!this.runTick()) {
        this.accumulatorMs = 0;
        return ran;
      }
      this.accumulatorMs -= MS_PER_TICK;
      ran++;
    }
    // Behind by more than a frame's budget: drop the debt instead of carrying it forever.
    if (ran === MAX_TICKS_PER_FRAME) this.accumulatorMs = Math.min(this.accumulatorMs, MS_PER_TICK);
    return ran;
  }

  /** How far the next tick is, 0..1, for anything that wants to ease between ticks. */
  get alpha(): number {
    return Math.min(1, this.accumulatorMs / MS_PER_TICK);
  }

  reset(): void {
    this.accumulatorMs = 0;
  }
}

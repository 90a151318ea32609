// The turns a co-op client has received but not yet played, and the pace at which it plays them.
// The room sends ten `turn` messages a second, each covering `ticks` steps (0 while paused: only
// commands to apply at once). The client plays them at the room's speed and never runs past the
// last tick received; when it has fallen behind (a stalled tab, a slow network burst) it plays a
// few extra ticks per frame until it is back, so a stall never ends in one long freeze-and-jump.
import type { TurnCommand, TurnMessage } from "../../shared/index.js";
import { MAX_FRAME_MS, MS_PER_TICK, type Speed } from "./fixedStep.js";

/** One tick's worth of work: its commands, then one step (or no step: commands sent while paused). */
export interface TickUnit {
  tick: number;
  cmds: TurnCommand[];
  step: boolean;
}

/** How many ticks behind the room is still "on time": two turn messages' worth at this speed. */
export function slackTicks(speed: Speed): number {
  return speed * 2;
}
/** At most this many ticks beyond the scheduled ones per frame while catching up. */
export const MAX_CATCH_UP_PER_FRAME = 6;
/** Catch up a tenth of the excess per frame (at least one tick), so the game speeds up and eases back. */
export const CATCH_UP_FRACTION = 10;

export type PushResult = { ok: true } | { ok: false; reason: string };

export class TurnBuffer {
  private units: TickUnit[] = [];
  private head = 0;
  private steps = 0;
  private accumulatorMs = 0;
  /** The tick the next turn message must start at; null until a snapshot told us where we are. */
  private expected: number | null = null;

  /** Start over at `tick` (after restoring a snapshot taken at that tick). */
  reset(tick: number): void {
    this.units = [];
    this.head = 0;
    this.steps = 0;
    this.accumulatorMs = 0;
    this.expected = tick;
  }

  /** Forget everything until the next snapshot (turns meanwhile cannot be placed). */
  clear(): void {
    this.reset(0);
    this.expected = null;
  }

  get placed(): boolean {
    return this.expected !== null;
  }

  /** Ticks received but not yet played. */
  get backlog(): number {
    return this.steps;
  }

  /** The last tick the room has sent, exclusive: the client may step up to here. */
  get receivedUpTo(): number | null {
    return this.expected;
  }

  /**
   * Adds a turn message. A message that does not start where the previous one ended means the
   * client lost its place (it must ask for a snapshot); a message before any snapshot is ignored.
   */
  push(msg: TurnMessage): PushResult {
    if (this.expected === null) return { ok: true };
    if (!Number.isInteger(msg.tick) || !Number.isInteger(msg.ticks) || msg.ticks < 0) return { ok: false, reason: "malformed turn" };
    if (msg.tick !== this.expected) return { ok: false, reason: `turn for tick ${msg.tick}, expected ${this.expected}` };
    const span = Math.max(msg.ticks, 1);
    for (const c of msg.cmds) {
      if (!(c.tick >= msg.tick && c.tick < msg.tick + span)) return { ok: false, reason: `command for tick ${c.tick} outside its turn ${msg.tick}+${msg.ticks}` };
    }
    const strip = (c: TurnMessage["cmds"][number]): TurnCommand => ({ by: c.by, seq: c.seq, cmd: c.cmd });
    if (msg.ticks === 0) {
      if (msg.cmds.length) this.units.push({ tick: msg.tick, cmds: msg.cmds.map(strip), step: false });
    } else {
      for (let i = 0; i < msg.ticks; i++) {
        const tick = msg.tick + i;
        this.units.push({ tick, cmds: msg.cmds.filter((c) => c.tick === tick).map(strip), step: true });
      }
      this.steps += msg.ticks;
    }
    this.expected = msg.tick + msg.ticks;
    return { ok: true };
  }

  /**
   * The units to play this frame: the ticks due at `speed` for `elapsedMs` of real time, plus a
   * few when behind, never more than were received. Commands waiting at the head (sent while
   * paused, or ending a tick already played) come along without costing time.
   */
  take(elapsedMs: number, speed: Speed): TickUnit[] {
    const frameMs = elapsedMs > 0 ? Math.min(elapsedMs, MAX_FRAME_MS) : 0;
    this.accumulatorMs += frameMs * speed;
    const due = Math.floor(this.accumulatorMs / MS_PER_TICK);
    const excess = this.steps - due - slackTicks(speed);
    const extra = excess > 0 ? Math.min(MAX_CATCH_UP_PER_FRAME, Math.ceil(excess / CATCH_UP_FRACTION)) : 0;
    let budget = Math.min(this.steps, due + extra);
    // Time due but not received is not owed: waiting for the room must not turn into a burst later.
    this.accumulatorMs = budget >= due ? this.accumulatorMs - due * MS_PER_TICK : Math.min(this.accumulatorMs - budget * MS_PER_TICK, MS_PER_TICK - 1e-9);
    if (this.accumulatorMs < 0) this.accumulatorMs = 0;
    const out: TickUnit[] = [];
    while (this.head < this.units.length) {
      const unit = this.units[this.head];
      if (unit.step) {
        if (budget === 0) break;
        budget--;
        this.steps--;
      }
      out.push(unit);
      this.head++;
    }
    if (this.head > 256) {
      this.units = this.units.slice(this.head);
      this.head = 0;
    }
    return out;
  }
}

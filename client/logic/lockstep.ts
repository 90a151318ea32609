// The co-op clock: the game moves only by the room's turns. Turn messages fill a buffer, each
// frame plays what is due at the room's speed (never past the last tick received), every hash the
// room sends is compared with our own at that tick, and a mismatch or a lost place asks the room
// for a snapshot. No network code here: the connection hands messages in and takes requests out.
import { Game, HASH_EVERY_TICKS, type HashMessage, type SnapshotMessage, type TurnMessage } from "../../shared/index.js";
import type { Speed } from "./fixedStep.js";
import { HashCheck } from "./hashCheck.js";
import type { Clock, GameSession } from "./session.js";
import type { RoomSink } from "./sinks.js";
import { TurnBuffer } from "./turnBuffer.js";

/** What the clock asks of the room. */
export interface RoomControls {
  /** The room's speed now, 0 while paused. */
  roomSpeed(): Speed;
  /** Ask the room for another speed (0 pauses). */
  requestSpeed(speed: Speed): void;
  /** Ask the room to pause or to resume at its speed. */
  requestPause(paused: boolean): void;
  /** Ask for a fresh snapshot; `sections` name our state's parts so the room can log which differ. */
  requestResync(tick: number, sections?: Record<string, string>): void;
}

/** Ask again if a requested snapshot has not come within this much real time. */
const RESYNC_RETRY_MS = 4000;

export class LockstepClock implements Clock {
  readonly buffer = new TurnBuffer();
  readonly hashes = new HashCheck();
  /** Desyncs and lost places since joining (for the status line and the tests). */
  resyncs = 0;
  private waitingSinceMs: number | null = null;
  private elapsedMs = 0;
  private session: GameSession | null = null;
  private sink: RoomSink | null = null;

  constructor(private readonly room: RoomControls) {}

  /** Binds the session this clock drives and the sink whose commands turns confirm. */
  bind(session: GameSession, sink: RoomSink): void {
    this.session = session;
    this.sink = sink;
  }

  get speed(): Speed {
    return this.room.roomSpeed();
  }

  setSpeed(speed: Speed): void {
    this.room.requestSpeed(speed);
  }

  togglePause(): void {
    this.room.requestPause(this.speed !== 0);
  }

  gameEnded(): void {
    // The room decides what follows the end (debrief, play again); nothing to stop here.
  }

  /** Whether we are waiting for a snapshot (our state is known to be wrong or out of place). */
  get resyncing(): boolean {
    return this.waitingSinceMs !== null;
  }

  advance(elapsedMs: number): number {
    this.elapsedMs += Math.max(0, elapsedMs);
    const session = this.session;
    if (!session) return 0;
    if (this.waitingSinceMs !== null) {
      if (this.elapsedMs - this.waitingSinceMs > RESYNC_RETRY_MS) this.askForSnapshot(null);
      return 0;
    }
    let ran = 0;
    for (const unit of this.buffer.take(elapsedMs, this.speed)) {
      if (unit.tick !== session.game.tick) {
        this.lostPlace(`turn for tick ${unit.tick} while at ${session.game.tick}`);
        break;
      }
      const outcomes = session.applyTurnCommands(unit.cmds);
      for (const o of outcomes) {
        if (o.by !== session.me) continue;
        const cmd = this.sink?.confirmed(o.seq) ?? null;
        // The room accepted it, but by its turn the game had moved on (another player was faster).
        if (!o.verdict.ok) session.emit("refused", o.verdict.reason, cmd);
      }
      if (!unit.step) continue;
      if (!session.runTick()) break;
      ran++;
      const tick = session.game.tick;
      if (this.hashes.wanted(tick, HASH_EVERY_TICKS)) {
        const mismatch = this.hashes.fromClient(tick, session.game.hash());
        if (mismatch) this.desync(mismatch.tick);
      }
    }
    return ran;
  }

  /** A `turn` message. */
  onTurn(msg: TurnMessage): void {
    if (this.waitingSinceMs !== null) return;
    const r = this.buffer.push(msg);
    if (!r.ok) this.lostPlace(r.reason);
  }

  /** A `hash` message. */
  onHash(msg: HashMessage): void {
    if (this.waitingSinceMs !== null || !this.session) return;
    const mismatch = this.hashes.fromRoom(msg.tick, msg.hash);
    if (mismatch) this.desync(mismatch.tick);
  }

  /**
   * A `snapshot` message: the game at the room's tick. Returns the restored game; the caller
   * decides whether it continues this session (join, resync) or starts a new one (new game).
   */
  onSnapshot(msg: SnapshotMessage): Game {
    const game = Game.restore(msg.snapshot);
    this.buffer.reset(game.tick);
    this.hashes.reset();
    this.waitingSinceMs = null;
    return game;
  }

  private desync(tick: number): void {
    this.resyncs++;
    this.askForSnapshot(tick);
  }

  private lostPlace(_reason: string): void {
    this.resyncs++;
    this.askForSnapshot(null);
  }

  private askForSnapshot(_mismatchTick: number | null): void {
    this.buffer.clear();
    this.waitingSinceMs = this.elapsedMs;
    const game = this.session?.game;
    if (!game) return this.room.requestResync(0);
    // Section hashes of our state now (when the simulation offers them): the room holds the state
    // of the tick we are at until its next turn, so it can log which part differed.
    const sections = (game as Game & { sectionHashes?: () => Record<string, string> }).sectionHashes?.();
    this.room.requestResync(game.tick, sections);
  }
}

// One run in the page: the simulation, the clock that moves it, the sink its commands go to, the
// metric history the dashboard charts, the replay of the commands, and the alerts the player has
// been shown. Solo, the clock is a fixed-step loop and the sink applies commands at once; in a
// co-op room (see lockstep.ts) the clock plays the room's turns and the sink sends commands to the
// room. Either way every change to the game goes through `applyTurnCommands` and `runTick`; the
// board and panels only read.
import { applyCommands, Cashflow, Game, SOLO_ACTOR, type ActorId, type Command, type CommandOutcome, type Incident, type TurnCommand, type Verdict } from "../../shared/index.js";
import { FixedStepLoop, type Speed } from "./fixedStep.js";
import { MetricHistory } from "./metricHistory.js";
import { LocalSink, type CommandSink } from "./sinks.js";

export interface SessionEvents {
  /** After one or more ticks ran this frame. */
  ticked: (ticks: number) => void;
  /** A command was applied (the topology or settings may have changed). `mine`: this player sent it. */
  applied: (cmd: Command, by: ActorId, mine: boolean) => void;
  /** A command this player sent was refused after it left (by the room), with the validator's reason. */
  refused: (reason: string, cmd: Command | null) => void;
  /** An incident became known to the player (detected by monitoring or by users' complaints). */
  alert: (incident: Incident) => void;
  ended: () => void;
  speed: (speed: Speed) => void;
  /** The game was replaced by a snapshot of the same run (re-sync, reconnection). */
  restored: () => void;
}

type Listeners = { [K in keyof SessionEvents]: SessionEvents[K][] };

/** What moves time: solo a fixed-step loop, in a room the room's turns. */
export interface Clock {
  readonly speed: Speed;
  setSpeed(speed: Speed): void;
  /** Space: pause, or resume at the speed from before. */
  togglePause(): void;
  /** Real time passed (ms): plays what is due, returns the ticks stepped. */
  advance(elapsedMs: number): number;
  /** The game ended: solo stops its loop; a room's clock follows the room. */
  gameEnded(): void;
}

export class SoloClock implements Clock {
  readonly loop: FixedStepLoop;
  /** The speed Space resumes at: the last speed the game ran at (1× before it ever ran). */
  private resumeSpeed: Exclude<Speed, 0> = 1;
  constructor(runTick: () => boolean) {
    this.loop = new FixedStepLoop(runTick);
  }
  get speed(): Speed {
    return this.loop.speed;
  }
  setSpeed(speed: Speed): void {
    if (speed !== 0) this.resumeSpeed = speed;
    this.loop.speed = speed;
    this.loop.reset();
  }
  togglePause(): void {
    this.setSpeed(this.speed === 0 ? this.resumeSpeed : 0);
  }
  advance(elapsedMs: number): number {
    return this.loop.advance(elapsedMs);
  }
  gameEnded(): void {
    this.loop.speed = 0;
  }
}

export interface SessionOptions {
  /** Who this player is in the turns (SOLO_ACTOR alone). */
  me?: ActorId;
  clock?: (session: GameSession) => Clock;
  sink?: (session: GameSession) => CommandSink;
}

export class GameSession {
  readonly history = new MetricHistory();
  /** Revenue and costs per minute, for the dashboard's money chart. */
  readonly cashflow = new Cashflow();
  readonly me: ActorId;
  readonly clock: Clock;
  readonly sink: CommandSink;
  private announced = new Set<number>();
  private readonly listeners: Listeners = { ticked: [], applied: [], refused: [], alert: [], ended: [], speed: [], restored: [] };
  private endedAnnounced: boolean;

  constructor(public game: Game, opts: SessionOptions = {}) {
    this.me = opts.me ?? SOLO_ACTOR;
    this.clock = opts.clock ? opts.clock(this) : new SoloClock(() => this.runTick());
    this.sink = opts.sink ? opts.sink(this) : new LocalSink(this);
    this.endedAnnounced = game.state.ended !== null;
    this.markKnown();
    this.cashflow.record(game.state);
  }

  static start(scenarioId: string, seed: number): GameSession {
    return new GameSession(Game.create(scenarioId, seed));
  }

  get state() {
    return this.game.state;
  }

  /** The solo loop (tests and the benchmark drive it); null in a room. */
  get loop(): FixedStepLoop | null {
    return this.clock instanceof SoloClock ? this.clock.loop : null;
  }

  on<K extends keyof SessionEvents>(event: K, fn: SessionEvents[K]): () => void {
    (this.listeners[event] as SessionEvents[K][]).push(fn);
    return () => {
      const list = this.listeners[event] as SessionEvents[K][];
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    };
  }

  emit<K extends keyof SessionEvents>(event: K, ...args: Parameters<SessionEvents[K]>): void {
    for (const fn of this.listeners[event] as ((...a: Parameters<SessionEvents[K]>) => void)[]) fn(...args);
  }

  /** Real time passed (ms): runs the ticks that are due. Called once per animation frame. */
  frame(elapsedMs: number): number {
    const ran = this.clock.advance(elapsedMs);
    if (ran > 0) this.emit("ticked", ran);
    return ran;
  }

  /** One step now (what the clocks call). False once the game has ended. */
  runTick(): boolean {
    const state = this.game.state;
    if (state.ended) {
      this.announceEnd();
      return false;
    }
    const report = this.game.step();
    this.history.record(state, report);
    this.cashflow.record(state);
    this.announceIncidents();
    if (state.ended) this.announceEnd();
    return true;
  }

  /** Applies commands at the current tick (a solo action, or a room turn's commands); the game logs the accepted ones. */
  applyTurnCommands(cmds: TurnCommand[]): CommandOutcome[] {
    if (cmds.length === 0) return [];
    const tick = this.game.tick;
    const outcomes = applyCommands(this.game, { tick, cmds });
    let any = false;
    outcomes.forEach((o, i) => {
      if (!o.verdict.ok) return;
      any = true;
      this.emit("applied", cmds[i].cmd, o.by, o.by === this.me);
    });
    if (any) this.announceIncidents();
    return outcomes;
  }

  check(cmd: Command): Verdict {
    return this.sink.check(cmd);
  }

  /** A player's command: to the sink (applied at once solo, sent to the room in co-op). */
  apply(cmd: Command): Verdict {
    return this.sink.send(cmd);
  }

  setSpeed(speed: Speed): void {
    if (this.clock.speed === speed) return;
    this.clock.setSpeed(speed);
    this.emit("speed", speed);
  }

  get speed(): Speed {
    return this.clock.speed;
  }

  togglePause(): void {
    const before = this.clock.speed;
    this.clock.togglePause();
    if (this.clock.speed !== before) this.emit("speed", this.clock.speed);
  }

  /**
   * A dialog opened: solo, the game waits for the player (returns the release that resumes at the
   * speed from before, unless the player chose another speed meanwhile). A room's clock is shared,
   * so there it does nothing.
   */
  holdForDialog(): () => void {
    if (!(this.clock instanceof SoloClock) || this.speed === 0) return () => {};
    const before = this.speed;
    this.setSpeed(0);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.speed === 0 && !this.game.state.ended) this.setSpeed(before);
    };
  }

  /** Replaces the game with a snapshot of the same run (re-sync or reconnection). */
  replaceGame(game: Game): void {
    this.game = game;
    this.endedAnnounced = game.state.ended !== null;
    this.announced = new Set();
    this.markKnown();
    this.emit("restored");
  }

  /** Incidents the player knows of, newest first. */
  knownIncidents(): Incident[] {
    const tick = this.game.state.tick;
    return this.game.state.incidents.filter((i) => i.detectedAt <= tick).reverse();
  }

  /** What was already known when this game arrived is not news. */
  private markKnown(): void {
    for (const i of this.game.state.incidents) if (i.detectedAt <= this.game.state.tick) this.announced.add(i.id);
  }

  private announceIncidents(): void {
    const tick = this.game.state.tick;
    for (const i of this.game.state.incidents) {
      if (i.detectedAt <= tick && !this.announced.has(i.id)) {
        this.announced.add(i.id);
        this.emit("alert", i);
      }
    }
  }

  private announceEnd(): void {
    if (this.endedAnnounced) return;
    this.endedAnnounced = true;
    this.clock.gameEnded();
    this.emit("ended");
  }
}

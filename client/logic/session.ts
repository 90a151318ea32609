// One solo run in the page: the simulation, the fixed-step loop that drives it, the metric
// history the dashboard charts, the replay of the player's commands, and the alerts the player
// has been shown. Every change to the game goes through `apply`; the board and panels only read.
import { Game, ReplayRecorder, type Command, type Incident, type Verdict } from "../../shared/index.js";
import { FixedStepLoop, type Speed } from "./fixedStep.js";
import { MetricHistory } from "./metricHistory.js";

export interface SessionEvents {
  /** After one or more ticks ran this frame. */
  ticked: (ticks: number) => void;
  /** A command was applied (the topology or settings may have changed). */
  applied: (cmd: Command) => void;
  /** An incident became known to the player (detected by monitoring or by users' complaints). */
  alert: (incident: Incident) => void;
  ended: () => void;
  speed: (speed: Speed) => void;
}

type Listeners = { [K in keyof SessionEvents]: SessionEvents[K][] };

export class GameSession {
  readonly loop: FixedStepLoop;
  readonly history = new MetricHistory();
  readonly recorder: ReplayRecorder;
  private readonly announced = new Set<number>();
  private readonly listeners: Listeners = { ticked: [], applied: [], alert: [], ended: [], speed: [] };
  private endedAnnounced: boolean;

  constructor(readonly game: Game) {
    this.loop = new FixedStepLoop(() => this.runTick());
    this.recorder = new ReplayRecorder(game.state.scenario, game.state.seed);
    // A restored game: what was already known is not news.
    for (const i of game.state.incidents) if (i.detectedAt <= game.state.tick) this.announced.add(i.id);
    this.endedAnnounced = game.state.ended !== null;
  }

  static start(scenarioId: string, seed: number): GameSession {
    return new GameSession(Game.create(scenarioId, seed));
  }

  get state() {
    return this.game.state;
  }

  on<K extends keyof SessionEvents>(event: K, fn: SessionEvents[K]): () => void {
    (this.listeners[event] as SessionEvents[K][]).push(fn);
    return () => {
      const list = this.listeners[event] as SessionEvents[K][];
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    };
  }

  private emit<K extends keyof SessionEvents>(event: K, ...args: Parameters<SessionEvents[K]>): void {
    for (const fn of this.listeners[event] as ((...a: Parameters<SessionEvents[K]>) => void)[]) fn(...args);
  }

  /** Real time passed (ms): runs the ticks that are due. Called once per animation frame. */
  frame(elapsedMs: number): number {
    const ran = this.loop.advance(elapsedMs);
    if (ran > 0) this.emit("ticked", ran);
    return ran;
  }

  /** One tick now (also what the loop calls). False once the game has ended. */
  runTick(): boolean {
    const state = this.game.state;
    if (state.ended) {
      this.announceEnd();
      return false;
    }
    const report = this.game.step();
    this.history.record(state, report);
    this.announceIncidents();
    if (state.ended) this.announceEnd();
    return true;
  }

  check(cmd: Command): Verdict {
    return this.game.check(cmd);
  }

  apply(cmd: Command): Verdict {
    const tick = this.game.state.tick;
    const verdict = this.game.apply(cmd);
    if (verdict.ok) {
      this.recorder.record(tick, cmd);
      this.announceIncidents();
      this.emit("applied", cmd);
    }
    return verdict;
  }

  setSpeed(speed: Speed): void {
    if (this.loop.speed === speed) return;
    this.loop.speed = speed;
    this.loop.reset();
    this.emit("speed", speed);
  }

  get speed(): Speed {
    return this.loop.speed;
  }

  /** Incidents the player knows of, newest first. */
  knownIncidents(): Incident[] {
    const tick = this.game.state.tick;
    return this.game.state.incidents.filter((i) => i.detectedAt <= tick).reverse();
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
    this.loop.speed = 0;
    this.emit("ended");
  }
}

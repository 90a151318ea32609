// A running game: a scenario, its state, the last tick's report and the log of every command it
// accepted. The same class runs in the browser (solo), on the server (co-op, classroom) and in the
// replay verifier.
import { applyAndParse, checkCommand, type Command, type Verdict } from "./commands/index.js";
import { applyOverrides, isEmptyOverrides, parseOverrides, type OverridesInput, type ScenarioOverrides } from "./content/overrides.js";
import type { Scenario } from "./content/scenario.js";
import { findScenario, SCENARIO_IDS } from "./content/scenarios/index.js";
import type { Actor } from "./lockstep/roles.js";
import { SOLO_ACTOR, type ActorId } from "./lockstep/turn.js";
import type { GameState } from "./model/types.js";
import type { Replay } from "./replay.js";
import { lastReport } from "./sim/flow.js";
import { score } from "./sim/metrics.js";
import type { TickReport } from "./sim/report.js";
import { createState } from "./sim/state.js";
import { scheduleScenario } from "./sim/events.js";
import { step } from "./sim/step.js";
import { sectionHashes } from "./sections.js";
import { fromSnapshot, stateHash, toSnapshot } from "./snapshot.js";
import { REPLAY_FORMAT, SIM_VERSION } from "./version.js";

/** One accepted command, stamped with the tick it was applied at and who sent it. */
export interface LoggedCommand {
  tick: number;
  by: ActorId;
  seq: number;
  cmd: Command;
}

export class Game {
  /**
   * Every command this game accepted since tick 0, in order (carried through snapshots, so a
   * loaded game's replay still starts at the beginning). Not part of the hashed state.
   */
  readonly log: LoggedCommand[];

  private constructor(readonly scenario: Scenario, public state: GameState, log: LoggedCommand[] = []) {
    this.log = log;
  }

  /** A game on a catalogue scenario, optionally changed by a challenge's overrides (see content/overrides.ts). */
  static create(scenarioId: string, seed: number, overrides?: OverridesInput | ScenarioOverrides): Game {
    const base = findScenario(scenarioId);
    if (!base) throw new Error(`unknown scenario "${scenarioId}" (choose one of: ${SCENARIO_IDS.join(", ")})`);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error("the seed must be a whole number from 0 to 4294967295");
    const kept = keptOverrides(overrides);
    const scenario = applyOverrides(base, kept);
    const state = createState(scenario, seed, kept);
    if (state.launchedAt === 0) scheduleScenario(state, scenario);
    return new Game(scenario, state);
  }

  /** A game on a scenario object outside the catalogue (tests, tools). Its snapshots cannot be restored by id. */
  static withScenario(scenario: Scenario, seed: number): Game {
    const state = createState(scenario, seed);
    if (state.launchedAt === 0) scheduleScenario(state, scenario);
    return new Game(scenario, state);
  }

  static restore(snapshot: string): Game {
    const restored = fromSnapshot(snapshot);
    if (!restored.ok) throw new Error(restored.reason);
    const kept = keptOverrides(restored.state.overrides);
    return new Game(applyOverrides(findScenario(restored.state.scenario)!, kept), restored.state, restored.log);
  }

  /** A challenge's changes to the scenario, kept in the state (so snapshots carry them); undefined for a plain game. */
  get overrides(): ScenarioOverrides | undefined {
    return this.state.overrides;
  }

  get tick(): number {
    return this.state.tick;
  }

  step(): TickReport {
    return step(this.state, this.scenario);
  }

  run(ticks: number, onProgress?: (done: number) => void): void {
    for (let i = 0; i < ticks && !this.state.ended; i++) {
      step(this.state, this.scenario);
      if (onProgress && i % 1000 === 999) onProgress(i + 1);
    }
  }

  check(command: unknown, actor?: Actor): Verdict {
    return checkCommand(this.state, this.scenario, command, actor);
  }

  /** Checks and applies a command for `actor` (the solo player by default); an accepted one is logged. */
  apply(command: unknown, actor?: Actor, seq?: number): Verdict {
    const tick = this.state.tick;
    const { verdict, command: cmd } = applyAndParse(this.state, this.scenario, command, actor);
    if (cmd) this.log.push({ tick, by: actor?.id ?? SOLO_ACTOR, seq: seq ?? this.log.length, cmd });
    return verdict;
  }

  report(): TickReport {
    return lastReport(this.state);
  }

  hash(): string {
    return stateHash(this.state);
  }

  /** The hash of each section of the state, for naming where two games differ. */
  sectionHashes(): Record<string, string> {
    return sectionHashes(this.state);
  }

  snapshot(): string {
    return toSnapshot(this.state, this.log);
  }

  /** This run so far as a replay (format 2): every logged command with its player, and the result now. */
  toReplay(): Replay {
    const replay: Replay = {
      format: REPLAY_FORMAT, simVersion: SIM_VERSION, scenario: this.state.scenario, seed: this.state.seed, ticks: this.tick,
      commands: this.log.map((c) => ({ tick: c.tick, by: c.by, seq: c.seq, cmd: c.cmd })),
      result: { tick: this.tick, hash: this.hash(), score: score(this.state) },
    };
    if (this.overrides !== undefined) replay.overrides = this.overrides;
    return replay;
  }
}

/** Checked, canonical overrides, or undefined when there are none (a plain game). Throws with the reason. */
function keptOverrides(input: OverridesInput | ScenarioOverrides | undefined): ScenarioOverrides | undefined {
  if (input === undefined) return undefined;
  const parsed = parseOverrides(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return isEmptyOverrides(parsed.overrides) ? undefined : parsed.overrides;
}

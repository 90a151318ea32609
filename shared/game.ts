// A running game: a scenario, its state and the last tick's report. The same class runs in the
// browser (solo), on the server (co-op, classroom) and in the replay verifier.
import { applyCommand, checkCommand, type Verdict } from "./commands/index.js";
import { applyOverrides, isEmptyOverrides, parseOverrides, type OverridesInput, type ScenarioOverrides } from "./content/overrides.js";
import type { Scenario } from "./content/scenario.js";
import { findScenario, SCENARIO_IDS } from "./content/scenarios/index.js";
import type { Actor } from "./lockstep/roles.js";
import type { GameState } from "./model/types.js";
import { lastReport } from "./sim/flow.js";
import type { TickReport } from "./sim/report.js";
import { createState } from "./sim/state.js";
import { scheduleScenario } from "./sim/events.js";
import { step } from "./sim/step.js";
import { fromSnapshot, stateHash, toSnapshot } from "./snapshot.js";

export class Game {
  private constructor(readonly scenario: Scenario, public state: GameState) {}

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
    return new Game(applyOverrides(findScenario(restored.state.scenario)!, kept), restored.state);
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

  apply(command: unknown, actor?: Actor): Verdict {
    return applyCommand(this.state, this.scenario, command, actor);
  }

  report(): TickReport {
    return lastReport(this.state);
  }

  hash(): string {
    return stateHash(this.state);
  }

  snapshot(): string {
    return toSnapshot(this.state);
  }
}

/** Checked, canonical overrides, or undefined when there are none (a plain game). Throws with the reason. */
function keptOverrides(input: OverridesInput | ScenarioOverrides | undefined): ScenarioOverrides | undefined {
  if (input === undefined) return undefined;
  const parsed = parseOverrides(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return isEmptyOverrides(parsed.overrides) ? undefined : parsed.overrides;
}

// A replay is everything that decides a run: simulation version, scenario, seed and the commands
// by tick. Running it again anywhere gives the same hash and score.
import { z } from "zod";
import type { Command } from "./commands/schema.js";
import { parseOverrides, type ScenarioOverrides } from "./content/overrides.js";
import { SCENARIO_IDS } from "./content/scenarios/index.js";
import { Game } from "./game.js";
import { REPLAY_FORMAT, SIM_VERSION } from "./version.js";

export interface Replay {
  format: number;
  simVersion: number;
  scenario: string;
  seed: number;
  /** Ticks the run lasted. */
  ticks: number;
  commands: { tick: number; cmd: Command }[];
  /** A challenge's changes to the scenario; the run is replayed on the same derived scenario. */
  overrides?: ScenarioOverrides;
}

const ReplaySchema = z.object({
  format: z.literal(REPLAY_FORMAT),
  simVersion: z.number().int(),
  scenario: z.string().max(40),
  seed: z.number().int().min(0).max(0xffffffff),
  ticks: z.number().int().min(0).max(100_000_000),
  commands: z.array(z.object({ tick: z.number().int().min(0), cmd: z.unknown() })).max(1_000_000),
  overrides: z.unknown().optional(),
});

export type ParsedReplay = { ok: true; replay: Replay } | { ok: false; reason: string };

export function parseReplay(input: unknown): ParsedReplay {
  const parsed = ReplaySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `not a valid replay: ${issue.path.join(".") || "file"}: ${issue.message}` };
  }
  const r = parsed.data;
  if (r.simVersion !== SIM_VERSION) return { ok: false, reason: `the replay was recorded with simulation version ${r.simVersion}; this build runs version ${SIM_VERSION}` };
  if (!SCENARIO_IDS.includes(r.scenario as (typeof SCENARIO_IDS)[number])) return { ok: false, reason: `the replay names an unknown scenario "${r.scenario}"` };
  if (r.overrides !== undefined) {
    const overrides = parseOverrides(r.overrides);
    if (!overrides.ok) return { ok: false, reason: `the replay's ${overrides.reason}` };
    r.overrides = overrides.overrides;
  }
  for (let i = 1; i < r.commands.length; i++) {
    if (r.commands[i].tick < r.commands[i - 1].tick) return { ok: false, reason: `replay commands are out of order at entry ${i}` };
  }
  return { ok: true, replay: r as Replay };
}

export interface ReplayRun {
  game: Game;
  rejected: { tick: number; reason: string }[];
}

/** Runs a replay for `ticks` (default: the replay's own length). Commands are applied at the start of their tick. */
export function runReplay(replay: Replay, ticks = replay.ticks, onProgress?: (done: number) => void): ReplayRun {
  const game = Game.create(replay.scenario, replay.seed, replay.overrides);
  const rejected: ReplayRun["rejected"] = [];
  let next = 0;
  for (let t = 0; t < ticks && !game.state.ended; t++) {
    while (next < replay.commands.length && replay.commands[next].tick <= game.tick) {
      const entry = replay.commands[next++];
      const verdict = game.apply(entry.cmd);
      if (!verdict.ok) rejected.push({ tick: entry.tick, reason: verdict.reason });
    }
    game.step();
    if (onProgress && t % 1000 === 999) onProgress(t + 1);
  }
  return { game, rejected };
}

/** Records commands as they are applied, for saving a run as a replay. */
export class ReplayRecorder {
  readonly commands: Replay["commands"] = [];
  constructor(readonly scenario: string, readonly seed: number, readonly overrides?: ScenarioOverrides) {}
  record(tick: number, cmd: Command): void {
    this.commands.push({ tick, cmd });
  }
  toReplay(ticks: number): Replay {
    const replay: Replay = { format: REPLAY_FORMAT, simVersion: SIM_VERSION, scenario: this.scenario, seed: this.seed, ticks, commands: [...this.commands] };
    if (this.overrides) replay.overrides = this.overrides;
    return replay;
  }
}

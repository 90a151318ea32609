// A replay is everything that decides a run: simulation version, scenario, seed, any overrides
// and the commands by tick, each with the player who issued it. Running it again anywhere gives
// the same hash and score; format 2 files also carry the result the game claimed, to check.
//
// Format 1 (before co-op) had no actors and no result: its commands load as the solo player's.
import { z } from "zod";
import type { Command } from "./commands/schema.js";
import { parseOverrides, type ScenarioOverrides } from "./content/overrides.js";
import { SCENARIO_IDS } from "./content/scenarios/index.js";
import { Game } from "./game.js";
import { applyCommands, applyTurn, SOLO_ACTOR, type ActorId, type CommandOutcome, type TurnCommand } from "./lockstep/turn.js";
import { score } from "./sim/metrics.js";
import { REPLAY_FORMAT, REPLAYS_PLAYED_ALIKE, SIM_VERSION } from "./version.js";

export interface ReplayCommand {
  tick: number;
  /** Who issued it; absent (format 1) means the solo player. */
  by?: ActorId;
  seq?: number;
  cmd: Command;
}

/** What a run came to, as the game that recorded it saw it. */
export interface ReplayResult {
  tick: number;
  hash: string;
  score: number;
}

export interface Replay {
  format: number;
  simVersion: number;
  scenario: string;
  seed: number;
  /** Ticks the run lasted. */
  ticks: number;
  /** A challenge's changes to the scenario; the run is replayed on the same derived scenario. */
  overrides?: ScenarioOverrides;
  commands: ReplayCommand[];
  result?: ReplayResult;
}

const MAX_TICKS = 100_000_000;
const MAX_COMMANDS = 1_000_000;
const tick = z.number().int().min(0).max(MAX_TICKS);

const ReplayV1Schema = z.strictObject({
  format: z.literal(1),
  simVersion: z.number().int(),
  scenario: z.string().max(40),
  seed: z.number().int().min(0).max(0xffffffff),
  ticks: tick,
  commands: z.array(z.strictObject({ tick, cmd: z.unknown() })).max(MAX_COMMANDS),
});

const ReplayV2Schema = z.strictObject({
  format: z.literal(2),
  simVersion: z.number().int(),
  scenario: z.string().max(40),
  seed: z.number().int().min(0).max(0xffffffff),
  ticks: tick,
  overrides: z.unknown().optional(),
  commands: z.array(z.strictObject({
    tick,
    by: z.string().min(1).max(64).optional(),
    seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    cmd: z.unknown(),
  })).max(MAX_COMMANDS),
  result: z.strictObject({ tick, hash: z.string().regex(/^[0-9a-f]{8}$/), score: z.number().int() }).optional(),
});

export type ParsedReplay = { ok: true; replay: Replay } | { ok: false; reason: string };

/** Checks a replay file's shape (format 1 or 2) and version; commands are checked when run. */
export function parseReplay(input: unknown): ParsedReplay {
  const format = input && typeof input === "object" ? (input as { format?: unknown }).format : undefined;
  if (format !== 1 && format !== REPLAY_FORMAT) return { ok: false, reason: `not a valid replay: format: must be 1 or ${REPLAY_FORMAT}` };
  const parsed = format === 1 ? ReplayV1Schema.safeParse(input) : ReplayV2Schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `not a valid replay: ${issue.path.join(".") || "file"}: ${issue.message}` };
  }
  const r = parsed.data as Replay;
  if (!REPLAYS_PLAYED_ALIKE.includes(r.simVersion)) return { ok: false, reason: `the replay was recorded with simulation version ${r.simVersion}; this build runs version ${SIM_VERSION}` };
  if (!SCENARIO_IDS.includes(r.scenario as (typeof SCENARIO_IDS)[number])) return { ok: false, reason: `the replay names an unknown scenario "${r.scenario}"` };
  for (let i = 1; i < r.commands.length; i++) {
    if (r.commands[i].tick < r.commands[i - 1].tick) return { ok: false, reason: `replay commands are out of order at entry ${i}` };
  }
  if (r.overrides !== undefined) {
    const overrides = parseOverrides(r.overrides);
    if (!overrides.ok) return { ok: false, reason: `the replay's ${overrides.reason}` };
    r.overrides = overrides.overrides;
  }
  if (r.result && r.result.tick !== r.ticks) return { ok: false, reason: `the replay's result is for tick ${r.result.tick} but it lasts ${r.ticks} ticks` };
  return { ok: true, replay: r };
}

export interface ReplayRun {
  game: Game;
  rejected: { tick: number; by: ActorId; seq: number; reason: string }[];
}

/**
 * Runs a replay for `ticks` (default: the replay's own length) through `applyTurn`, one turn per
 * tick with that tick's commands and their players. Commands recorded at the final tick (applied
 * after the last step, while paused) are applied too when the run goes the replay's full length.
 */
export function runReplay(replay: Replay, ticks = replay.ticks, onProgress?: (done: number) => void): ReplayRun {
  const game = Game.create(replay.scenario, replay.seed, replay.overrides);
  const rejected: ReplayRun["rejected"] = [];
  let next = 0;
  const turnCommands = (): TurnCommand[] => {
    const cmds: TurnCommand[] = [];
    while (next < replay.commands.length && replay.commands[next].tick <= game.tick) {
      const entry = replay.commands[next];
      cmds.push({ by: entry.by ?? SOLO_ACTOR, seq: entry.seq ?? next, cmd: entry.cmd });
      next++;
    }
    return cmds;
  };
  // Indexed, not for…of: this runs every tick, and a verifier in a fresh process runs its first
  // few thousand ticks before V8 optimises it, where each for…of allocates an iterator.
  const note = (at: number, outcomes: CommandOutcome[]) => {
    for (let k = 0; k < outcomes.length; k++) {
      const o = outcomes[k];
      if (!o.verdict.ok) rejected.push({ tick: at, by: o.by, seq: o.seq, reason: o.verdict.reason });
    }
  };
  for (let t = 0; t < ticks && !game.state.ended; t++) {
    const at = game.tick;
    // Most ticks carry no command: a turn without commands is one step, so take it without
    // building the turn, its outcomes and its result (four objects a tick for the collector).
    if (next >= replay.commands.length || replay.commands[next].tick > at) game.step();
    else note(at, applyTurn(game, { tick: at, cmds: turnCommands() }).outcomes);
    if (onProgress && t % 1000 === 999) onProgress(t + 1);
  }
  if (ticks === replay.ticks && !game.state.ended) note(game.tick, applyCommands(game, { tick: game.tick, cmds: turnCommands() }));
  return { game, rejected };
}

/** The result to claim for a game now: its tick, hash and score. */
export function resultOf(game: Game): ReplayResult {
  return { tick: game.tick, hash: game.hash(), score: score(game.state) };
}

/** Why a run does not match the result its replay claims, or null when it does (or claims none). */
export function resultMismatch(replay: Replay, game: Game): string | null {
  const claimed = replay.result;
  if (!claimed) return null;
  const actual = resultOf(game);
  if (claimed.tick !== actual.tick) return `the replay claims tick ${claimed.tick} but ran to tick ${actual.tick}`;
  if (claimed.score !== actual.score) return `the replay claims a score of ${claimed.score} but re-simulates to ${actual.score}`;
  if (replay.simVersion === SIM_VERSION && claimed.hash !== actual.hash) return `the replay claims state hash ${claimed.hash} but re-simulates to ${actual.hash}`;
  return null;
}

/** Records commands as they are applied. Superseded by `game.toReplay()`, which also covers loaded games. */
export class ReplayRecorder {
  readonly commands: Replay["commands"] = [];
  constructor(readonly scenario: string, readonly seed: number) {}
  record(tick: number, cmd: Command, by: ActorId = SOLO_ACTOR): void {
    this.commands.push({ tick, by, cmd });
  }
  toReplay(ticks: number): Replay {
    return { format: REPLAY_FORMAT, simVersion: SIM_VERSION, scenario: this.scenario, seed: this.seed, ticks, commands: [...this.commands] };
  }
}

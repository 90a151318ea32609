// The strict replay verifier: re-simulates a submitted run and says whether it is a run this
// build would have played. The score that counts is always the re-simulated one. A replay is
// invalid when it is malformed, longer than its scenario allows, has any command the game
// rejects (or never reaches), or claims a result (tick, hash, score) other than the one it gives.
// No Node APIs here: the worker, the HTTP route and the command-line runner all call it.
import { applyOverrides, findScenario, parseReplay, resultMismatch, runReplay, score, TICKS_PER_MINUTE, type Game, type Replay, type Scenario } from "../../shared/index.js";

/** A replay file larger than this is refused before it is read (the command-line runner's cap). */
export const MAX_REPLAY_FILE_BYTES = 16 * 1024 * 1024;
/** Endless runs have no length of their own: six hours of play is the most a replay may claim. */
export const ENDLESS_MAX_TICKS = 6 * 60 * TICKS_PER_MINUTE;
/** Commands a replay may hold: a burst while paused at the start, then at most one per tick. */
export const COMMAND_ALLOWANCE = 1000;

export interface ReplayLimits {
  maxTicks: number;
  maxCommands: number;
}

/** How long a replay of this (overridden) scenario may be, and how many commands it may carry. */
export function replayLimits(scenario: Scenario): ReplayLimits {
  const maxTicks = scenario.durationTicks > 0 ? scenario.durationTicks : ENDLESS_MAX_TICKS;
  return { maxTicks, maxCommands: COMMAND_ALLOWANCE + maxTicks };
}

export type Verification =
  | { valid: true; score: number; hash: string; ticks: number; scenario: string; seed: number }
  | { valid: false; reason: string };

export interface CheckedReplay {
  replay: Replay;
  limits: ReplayLimits;
}

const invalid = (reason: string): { valid: false; reason: string } => ({ valid: false, reason });

/** Everything that can be said about a replay without running it. */
export function checkReplay(input: unknown): { ok: true; checked: CheckedReplay } | { ok: false; reason: string } {
  const parsed = parseReplay(input);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const replay = parsed.replay;
  const limits = replayLimits(applyOverrides(findScenario(replay.scenario)!, replay.overrides));
  if (replay.ticks > limits.maxTicks) return { ok: false, reason: `the replay runs ${replay.ticks} ticks; ${replay.scenario} lasts at most ${limits.maxTicks}` };
  if (replay.commands.length > limits.maxCommands) return { ok: false, reason: `the replay holds ${replay.commands.length} commands; at most ${limits.maxCommands} fit in ${replay.scenario}` };
  // Commands at the last tick are the ones applied while paused after the last step; later ones cannot be.
  const late = replay.commands.findIndex((c) => c.tick > replay.ticks);
  if (late >= 0) return { ok: false, reason: `command ${late} is at tick ${replay.commands[late].tick}, after the replay's end (${replay.ticks} ticks)` };
  return { ok: true, checked: { replay, limits } };
}

/** Re-simulates a checked replay and compares what it gives with what it claims. */
export function runChecked(checked: CheckedReplay, onProgress?: (done: number) => void): Verification {
  return replayChecked(checked, { onProgress }).verification;
}

/**
 * Re-simulates a checked replay, keeping the game (the command-line runner prints it). With
 * `ticks` shorter than the replay, only that part is played and judged: its commands must all be
 * accepted, but the claimed result (which is for the end) is not compared.
 */
export function replayChecked(
  { replay }: CheckedReplay,
  opts: { ticks?: number; onProgress?: (done: number) => void } = {},
): { game: Game; rejected: number; verification: Verification } {
  const full = opts.ticks === undefined || opts.ticks === replay.ticks;
  const run = runReplay(replay, opts.ticks ?? replay.ticks, opts.onProgress);
  const game = run.game;
  const judge = (): Verification => {
    if (run.rejected.length > 0) {
      const first = run.rejected[0];
      return invalid(`${run.rejected.length} command(s) rejected, the first at tick ${first.tick}: ${first.reason}`);
    }
    if (full) {
      // The game may end (goal reached, bankrupt) before the replay's last tick: commands after
      // that were never played. The game logs each command it accepted; none was rejected.
      const unplayed = replay.commands.length - game.log.length;
      if (unplayed > 0) return invalid(`${unplayed} command(s) come after the run ended at tick ${game.tick}`);
      const mismatch = resultMismatch(replay, game);
      if (mismatch) return invalid(mismatch);
    }
    return { valid: true, score: score(game.state), hash: game.hash(), ticks: game.tick, scenario: replay.scenario, seed: replay.seed };
  };
  return { game, rejected: run.rejected.length, verification: judge() };
}

/** Checks and re-simulates a replay (a parsed JSON value). */
export function verifyReplay(input: unknown, onProgress?: (done: number) => void): Verification {
  const checked = checkReplay(input);
  return checked.ok ? runChecked(checked.checked, onProgress) : invalid(checked.reason);
}

/** Verifies replay text: what a file or an HTTP body holds. */
export function verifyReplayText(text: string, onProgress?: (done: number) => void): Verification {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return invalid("the replay is not valid JSON");
  }
  return verifyReplay(data, onProgress);
}

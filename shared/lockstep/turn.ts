// A turn is everything that happens at one tick: the commands applied at its start, each stamped
// with who sent it, then one step of the simulation. Solo, the co-op room, the replay runner and
// the verifier all move time through `applyTurn`, so there is one way a game advances.
import type { Command, Verdict } from "../commands/schema.js";
import type { Game } from "../game.js";
import type { TickReport } from "../sim/report.js";

/** Who issued a command: a room's player id, or SOLO_ACTOR in a one-player game. */
export type ActorId = string;
export const SOLO_ACTOR: ActorId = "solo";

export interface TurnCommand {
  by: ActorId;
  /** The sender's own sequence number, echoed in `rejected` replies. */
  seq: number;
  cmd: Command;
}

export interface Turn {
  /** The tick these commands belong to: `game.tick` must equal it when the turn is applied. */
  tick: number;
  cmds: TurnCommand[];
}

export interface CommandOutcome {
  by: ActorId;
  seq: number;
  verdict: Verdict;
}

export interface TurnResult {
  report: TickReport;
  outcomes: CommandOutcome[];
}

/** Applies the turn's commands in order, then steps once. Throws if the turn is for another tick. */
export function applyTurn(game: Game, turn: Turn): TurnResult {
  const outcomes = applyCommands(game, turn);
  return { report: game.step(), outcomes };
}

/**
 * Applies a turn's commands without stepping: what a paused game does when a player builds. The
 * tick's remaining commands and its step may follow later; the result is the same as one turn.
 */
export function applyCommands(game: Game, turn: Turn): CommandOutcome[] {
  if (turn.tick !== game.tick) throw new Error(`turn for tick ${turn.tick} applied at tick ${game.tick}`);
  const outcomes: CommandOutcome[] = [];
  // Indexed: most turns carry no command, and an unoptimised for…of would still make an iterator.
  for (let k = 0; k < turn.cmds.length; k++) {
    const c = turn.cmds[k];
    outcomes.push({ by: c.by, seq: c.seq, verdict: game.apply(c.cmd, { id: c.by }, c.seq) });
  }
  return outcomes;
}

/** An empty turn for the game's current tick (time passing with nobody acting). */
export function emptyTurn(game: Game): Turn {
  return { tick: game.tick, cmds: [] };
}

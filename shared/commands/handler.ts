// A command handler: a rule check that says why not, and an action that runs only after the check
// passed. The check never changes the state, so the client can use it to grey out buttons.
import type { Scenario } from "../content/scenario.js";
import type { ActorId } from "../lockstep/turn.js";
import type { BuildRecord, GameState, Host } from "../model/types.js";
import { idsLeft, MAX_ENTITY_ID } from "../sim/ids.js";
import { hostById } from "../sim/topology.js";
import type { CommandOf, CommandType, Verdict } from "./schema.js";
import { OK, reject } from "./schema.js";
import { money as dollars } from "../money.js";

/** `by` is the id of the player issuing the command (SOLO_ACTOR in a one-player game). */
export interface Handler<T extends CommandType> {
  check(state: GameState, scenario: Scenario, cmd: CommandOf<T>, by: ActorId): Verdict;
  run(state: GameState, scenario: Scenario, cmd: CommandOf<T>, by: ActorId): void;
}

export type Handlers = { [T in CommandType]: Handler<T> };

/** Rejections quote prices the way the client shows them: the one formatter in ../money.ts. */
export { dollars };

export function needHost(state: GameState, id: number): Host | string {
  const host = hostById(state, id);
  return host ?? `there is no server with id ${id}`;
}

export function afford(state: GameState, cents: number, what: string): Verdict {
  return state.money >= cents ? OK : reject(`${what} costs ${dollars(cents)} and you have ${dollars(Math.max(0, state.money))}`);
}

/** Refuses to build anything new once the id counter is used up. */
export function needId(state: GameState): Verdict {
  return idsLeft(state) ? OK : reject(`this game has used all ${MAX_ENTITY_ID} ids for servers, links and incidents: nothing new can be built`);
}

/** Runs checks in order and returns the first failure. */
export function firstFailure(...checks: (() => Verdict)[]): Verdict {
  for (const c of checks) {
    const v = c();
    if (!v.ok) return v;
  }
  return OK;
}

export function spend(state: GameState, cents: number): void {
  state.money -= cents;
  state.totals.spent += cents;
}

/** This player's last undoable build, if any. */
export function lastBuildOf(state: GameState, by: ActorId): BuildRecord | undefined {
  return state.lastBuilds.find((b) => b.by === by);
}

/**
 * Remembers (or, with null, forgets) this player's last build. The list stays sorted by player id,
 * so the same builds give the same state whatever order the players joined in.
 */
export function remember(state: GameState, by: ActorId, build: Omit<BuildRecord, "by"> | null): void {
  const kept = state.lastBuilds.filter((b) => b.by !== by);
  if (build) {
    kept.push({ by, ...build });
    kept.sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  }
  state.lastBuilds = kept;
}

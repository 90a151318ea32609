// A command handler: a rule check that says why not, and an action that runs only after the check
// passed. The check never changes the state, so the client can use it to grey out buttons.
import type { Scenario } from "../content/scenario.js";
import type { GameState, Host } from "../model/types.js";
import { hostById } from "../sim/topology.js";
import type { CommandOf, CommandType, Verdict } from "./schema.js";
import { OK, reject } from "./schema.js";

export interface Handler<T extends CommandType> {
  check(state: GameState, scenario: Scenario, cmd: CommandOf<T>): Verdict;
  run(state: GameState, scenario: Scenario, cmd: CommandOf<T>): void;
}

export type Handlers = { [T in CommandType]: Handler<T> };

/** "$1,234" — written out rather than toLocaleString, whose output depends on the machine. */
export function dollars(cents: number): string {
  const whole = Math.floor(Math.abs(cents) / 100).toString();
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${cents < 0 ? "-" : ""}$${grouped}`;
}

export function needHost(state: GameState, id: number): Host | string {
  const host = hostById(state, id);
  return host ?? `there is no server with id ${id}`;
}

export function afford(state: GameState, cents: number, what: string): Verdict {
  return state.money >= cents ? OK : reject(`${what} costs ${dollars(cents)} and you have ${dollars(Math.max(0, state.money))}`);
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

export function remember(state: GameState, undo: GameState["lastBuild"]): void {
  state.lastBuild = undo;
}

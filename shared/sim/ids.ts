// Hosts, links, load-balancer pairs and incidents share one id counter. Commands name ids up to
// MAX_ENTITY_ID, so the counter never hands out a larger one: past it, building is refused with a
// reason (and new incidents are no longer recorded), instead of making things no command can name.
import type { GameState } from "../model/types.js";

/** The largest id a command accepts and the counter hands out (2^31 − 1). */
export const MAX_ENTITY_ID = 2147483647;

/** Whether the counter can still hand out an id. */
export function idsLeft(state: GameState): boolean {
  return state.nextId <= MAX_ENTITY_ID;
}

/** The next id. Callers check `idsLeft` first: commands in their rule check, incidents before opening. */
export function takeId(state: GameState): number {
  if (!idsLeft(state)) throw new Error("the id counter is exhausted");
  return state.nextId++;
}

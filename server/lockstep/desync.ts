// A client whose hash differed asks to `resync`. The room answers with a snapshot; this file
// decides what the server logs: one line naming the player, the tick and the sections that differ.
// The room's state does not change between turns, so the client's sections at the tick of the
// last turn can be compared with the room's current state.
import type { GameState } from "../../shared/index.js";
import { diffSections, sectionHashes } from "./sectionHashes.js";

export interface ResyncRequest {
  tick?: number;
  sections?: Record<string, string>;
}

/** The line to log for a resync request, or null when the client only lost its place (no sections). */
export function describeDesync(state: GameState, who: string, request: ResyncRequest): string | null {
  if (!request.sections) return null;
  if (request.tick !== state.tick) {
    return `desync: ${who} at tick ${request.tick ?? "?"} (room at ${state.tick}): sections not compared, the room has moved on`;
  }
  const differing = diffSections(sectionHashes(state), request.sections);
  const what = differing.length ? `differs in ${differing.join(", ")}` : "no section differs (the state hashes matched by now)";
  return `desync: ${who} at tick ${state.tick} ${what}`;
}

// Who is in the room: names, colours, the host. Names are cleaned once here and only ever sent as
// text; the host passes to the longest-present connected player when the host leaves.
import { cleanName, PLAYER_COLOURS } from "../../shared/protocol.js";
import { PlayerState, type CoopState } from "./CoopState.js";

export function addPlayer(state: CoopState, sessionId: string, rawName: unknown, wantedColour?: string): PlayerState {
  const player = new PlayerState();
  player.name = cleanName(rawName) || freeDefaultName(state);
  player.colour = pickColour(state, wantedColour);
  player.isHost = hostId(state) === null;
  state.players.set(sessionId, player);
  return player;
}

export function hostId(state: CoopState): string | null {
  for (const [id, p] of state.players) if (p.isHost) return id;
  return null;
}

/** Removes a player; returns the new host's id when the host role moved. */
export function removePlayer(state: CoopState, sessionId: string): string | null {
  const wasHost = state.players.get(sessionId)?.isHost ?? false;
  state.players.delete(sessionId);
  return wasHost ? passHost(state) : null;
}

/** Gives the host role to the first connected player (in join order), if the host is gone. */
export function passHost(state: CoopState): string | null {
  const current = hostId(state);
  if (current && state.players.get(current)!.connected) return null;
  for (const [id, p] of state.players) {
    if (p.connected) {
      if (current) state.players.get(current)!.isHost = false;
      p.isHost = true;
      return id;
    }
  }
  return null;
}

function freeDefaultName(state: CoopState): string {
  const taken = new Set([...state.players.values()].map((p) => p.name));
  for (let n = state.players.size + 1; ; n++) if (!taken.has(`Player ${n}`)) return `Player ${n}`;
}

function pickColour(state: CoopState, wanted?: string): string {
  const used = new Set([...state.players.values()].map((p) => p.colour));
  if (wanted && (PLAYER_COLOURS as readonly string[]).includes(wanted) && !used.has(wanted)) return wanted;
  return PLAYER_COLOURS.find((c) => !used.has(c)) ?? PLAYER_COLOURS[state.players.size % PLAYER_COLOURS.length];
}

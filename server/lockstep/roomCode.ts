// Short room codes a player can read aloud or type ("KXQMA"). The code is the Colyseus roomId, so
// `client.joinById(code)` joins. Uniqueness among live rooms is claimed through the presence
// (an atomic counter per code), which also holds across processes with Redis presence.
import type { Presence } from "@colyseus/core";
import { ROOM_CODE_LENGTH, ROOM_CODE_LETTERS } from "../../shared/protocol.js";

const CLAIMS = "nines:coop-codes";

export function randomRoomCode(random: () => number = Math.random): string {
  let code = "";
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_LETTERS[Math.floor(random() * ROOM_CODE_LETTERS.length)];
  return code;
}

/** A code no live room holds, now held by the caller until `releaseRoomCode`. */
export async function claimRoomCode(presence: Presence, random: () => number = Math.random): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const code = randomRoomCode(random);
    // The first claimant sees 1; anyone else sees more and tries another code.
    if ((await presence.hincrby(CLAIMS, code, 1)) === 1) return code;
  }
  throw new Error("could not find a free room code; try again");
}

export async function releaseRoomCode(presence: Presence, code: string): Promise<void> {
  await presence.hdel(CLAIMS, code);
}

/** Whether text looks like a room code (before asking the matchmaker). */
export function isRoomCode(text: string): boolean {
  return text.length === ROOM_CODE_LENGTH && [...text].every((c) => ROOM_CODE_LETTERS.includes(c));
}

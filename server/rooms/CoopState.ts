// The room's Colyseus Schema state: metadata only (who is here, the phase, the clock's settings).
// The game itself never goes through Schema: every client runs it from a snapshot and the turns.
import { MapSchema, Schema, type } from "@colyseus/schema";

export type Phase = "lobby" | "playing" | "ended";

export class PlayerState extends Schema {
  @type("string") name = "";
  @type("string") colour = "";
  /** "" when the player holds no role (or roles are off). */
  @type("string") role = "";
  @type("boolean") connected = true;
  @type("boolean") ready = false;
  @type("boolean") isHost = false;
  @type("number") cursorX = 0;
  @type("number") cursorY = 0;
}

export class CoopState extends Schema {
  /** Keyed by session id, which is also each player's actor id in turns. */
  @type({ map: PlayerState }) players = new MapSchema<PlayerState>();
  @type("string") phase: Phase = "lobby";
  @type("string") scenario = "";
  @type("number") seed = 0;
  @type("number") speed = 1;
  /** The game tick, refreshed once a second (for display; clients follow the turns themselves). */
  @type("number") tick = 0;
  @type("boolean") paused = false;
  @type("boolean") hostOnlyPause = false;
  @type("boolean") rolesEnabled = false;
  /** The short code to share; also the room's id, so `joinById(code)` joins. */
  @type("string") code = "";
}

// The co-op wire protocol: every message a client may send is parsed here with a strict zod
// schema (unknown fields are refused, only own properties count), and every message the server
// sends has its type here. The room, the browser client and the tests share this one file.
import { z } from "zod";
import type { TurnCommand } from "./lockstep/turn.js";
import { ROLES, type Role } from "./lockstep/roles.js";

/** Bump when a message changes shape. A client speaking another version is refused at join. */
export const PROTOCOL_VERSION = 1;
export const ROOM_NAME = "coop";
/** Largest client message the room reads, in bytes of JSON; anything bigger is `rejected`. */
export const MAX_MESSAGE_BYTES = 8 * 1024;
/** Ticks between `hash` messages. */
export const HASH_EVERY_TICKS = 10;
/** The room sends ten turn messages a second whatever the speed; each may cover several ticks. */
export const TURN_MESSAGES_PER_SECOND = 10;
export const MAX_PLAYERS = 8;
export const NAME_MAX = 24;
/** Per-player command rate: a steady rate with a small burst (token bucket). */
export const COMMAND_RATE_PER_SECOND = 20;
export const COMMAND_BURST = 10;
/** How long a dropped player's seat is kept. */
export const RECONNECT_SECONDS = 60;

export const PLAYER_COLOURS = ["#4cc9f0", "#f72585", "#ffd166", "#06d6a0", "#b388ff", "#ff8c42", "#a3e635", "#f4f4f5"] as const;

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const speed = z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)]);
const boardPoint = { x: z.number().finite().min(-100_000).max(100_000), y: z.number().finite().min(-100_000).max(100_000) };

/** Join options (`client.joinOrCreate("coop", options)`). Quick play when `scenario` is given. */
export const JoinOptionsSchema = z.object({
  name: z.string().max(200),
  scenario: z.string().max(40).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** The client's simulation and protocol versions; a mismatch is refused with a clear message. */
  simVersion: z.number().int().optional(),
  protocol: z.number().int().optional(),
  colour: z.string().max(16).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** Client → server messages, by type. `cmd`'s command is checked by the simulation's own schema. */
export const ClientMessages = {
  cmd: strict({ seq: z.number().int().min(0).max(2_147_483_647), cmd: z.unknown() }),
  cursor: strict(boardPoint),
  ping: strict(boardPoint),
  ready: strict({ ready: z.boolean() }),
  /** Host only, in the lobby. */
  setup: strict({ scenario: z.string().max(40), seed: z.number().int().min(0).max(0xffffffff).optional() }),
  start: strict({}),
  speed: strict({ speed }),
  pause: strict({ paused: z.boolean() }),
  /** Host only: switch roles on or off, give a player a role, limit pausing to the host. */
  roles: strict({ enabled: z.boolean() }),
  assignRole: strict({ player: z.string().max(64), role: z.enum(ROLES).nullable() }),
  hostOnlyPause: strict({ enabled: z.boolean() }),
  /** Host only, after the end: the same players play on. */
  playAgain: strict({ scenario: z.string().max(40), seed: z.number().int().min(0).max(0xffffffff).optional() }),
  /** A client whose hash differed, or that lost its place, asks for a fresh snapshot. */
  resync: strict({
    tick: z.number().int().min(0).optional(),
    /** The client's per-section hashes at `tick`, so the server can log which section differed. */
    sections: z.record(z.string().max(32), z.string().max(16)).optional(),
  }),
} as const;
export type ClientMessageType = keyof typeof ClientMessages;
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof ClientMessages)[T]>;

/** Server → client messages. */
export interface TurnMessage {
  /**
   * The first tick this message covers: it equals the receiving client's `game.tick` before it is
   * applied (a client that sees another value has lost its place and asks to `resync`).
   */
  tick: number;
  /**
   * How many ticks it steps (1 at 1×, up to 8 at 8×). 0 while the room is paused: the message then
   * only carries commands for `tick`, applied without stepping (building while paused), exactly as
   * if they had arrived with the turn that later steps `tick`.
   */
  ticks: number;
  /** Commands of the covered ticks, in order, each applied at the start of its own tick. */
  cmds: (TurnCommand & { tick: number })[];
}
export interface HashMessage { tick: number; hash: string }
export interface RejectedMessage { seq: number; reason: string; type?: string }
/** The whole game at a tick: sent to a joiner, a reconnecting client, or one that desynced. */
export interface SnapshotMessage { tick: number; snapshot: string; reason: "join" | "resync" | "new-game" }
export interface PingMessage { by: string; x: number; y: number }
/** Room-level happenings for the action feed that are not commands ("alice paused"). */
export interface NoticeMessage { kind: "paused" | "resumed" | "speed" | "joined" | "left" | "reconnected" | "roles" | "new-game" | "desync"; by: string; text: string }

export type ServerMessageType = "turn" | "hash" | "rejected" | "snapshot" | "ping" | "notice";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses one client message strictly. Anything not a plain object of its own properties is refused. */
export function parseClientMessage<T extends ClientMessageType>(type: T, input: unknown): Parsed<ClientMessage<T>> {
  if (input === null || typeof input !== "object" || Array.isArray(input) || Object.getPrototypeOf(input) !== Object.prototype) {
    return { ok: false, reason: `a "${type}" message must be a plain object` };
  }
  const r = ClientMessages[type].safeParse(input);
  if (r.success) return { ok: true, value: r.data as ClientMessage<T> };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, reason: `malformed "${type}" message: ${where}${issue ? issue.message : "invalid"}` };
}

export function isClientMessageType(type: unknown): type is ClientMessageType {
  return typeof type === "string" && Object.prototype.hasOwnProperty.call(ClientMessages, type);
}

/** A display name as every room shows it: trimmed, control characters removed, at most NAME_MAX. */
export function cleanName(raw: unknown): string {
  const text = typeof raw === "string" ? raw : "";
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, "").trim().replace(/\s+/g, " ");
  return [...clean].slice(0, NAME_MAX).join("").trim();
}

export type { Role };

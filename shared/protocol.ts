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
/** Cursor updates a player may send per second (more are dropped quietly: a cursor is lossy). */
export const CURSOR_RATE_PER_SECOND = 15;
/** Pings a player may send per second, with a small burst; more are `rejected`. */
export const PING_RATE_PER_SECOND = 2;
export const PING_BURST = 4;
/** Snapshots a player may ask for with `resync`: one every few seconds, a small burst. */
export const RESYNC_EVERY_SECONDS = 2;
export const RESYNC_BURST = 3;
/** Room codes: this many capital letters, leaving out those easily misread (B, I, L, O, S, Z). */
export const ROOM_CODE_LENGTH = 5;
export const ROOM_CODE_LETTERS = "ACDEFGHJKMNPQRTUVWXY";

export const PLAYER_COLOURS = ["#4cc9f0", "#f72585", "#ffd166", "#06d6a0", "#b388ff", "#ff8c42", "#a3e635", "#f4f4f5"] as const;

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const speed = z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)]);
const boardPoint = { x: z.number().finite().min(-100_000).max(100_000), y: z.number().finite().min(-100_000).max(100_000) };

/** Join options (`client.joinOrCreate("coop", options)`). Quick play when `scenario` is given. */
export const JoinOptionsSchema = z.object({
  /** Cleaned by `cleanName`; missing or empty → "Player N". */
  name: z.string().max(200).optional(),
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
  /** Host only: switch roles on or off, give a player a role, limit pausing and speed to the host. */
  roles: strict({ enabled: z.boolean() }),
  assignRole: strict({ player: z.string().max(64), role: z.enum(ROLES).nullable() }),
  hostOnlyPause: strict({ enabled: z.boolean() }),
  /** Host only, after the end: the same players play on. */
  playAgain: strict({ scenario: z.string().max(40), seed: z.number().int().min(0).max(0xffffffff).optional() }),
  /** A client whose hash differed, or that lost its place, asks for a fresh snapshot. */
  resync: strict({
    /** The client's tick when it asks: its `game.tick` after the last turn it applied. */
    tick: z.number().int().min(0).optional(),
    /**
     * The client's per-section hashes of its state at `tick` (not at the hash's tick), so the server,
     * which holds that same state until its next turn, can log which section differs.
     */
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
/**
 * The state hash when `game.tick` reached `tick` (a multiple of HASH_EVERY_TICKS), after that
 * step and before the commands of `tick` are applied. Sent right after the turn that reached it,
 * so a client records its own hash as it steps past the tick and compares when this arrives.
 */
export interface HashMessage { tick: number; hash: string }
/** A refusal, to the sender only. `seq` is the command's seq, or -1 when the message had none. */
export interface RejectedMessage { seq: number; reason: string; type?: string }
/**
 * The whole game at a tick: sent to a joiner or a reconnecting player ("join"), a client that asked
 * to `resync`, and everyone when a game starts ("new-game", from the lobby or after play again).
 * The turns that follow start at `tick`.
 */
export interface SnapshotMessage { tick: number; snapshot: string; reason: "join" | "resync" | "new-game" }
/** `by` is the pinging player's session id (a key of `state.players`). */
export interface PingMessage { by: string; x: number; y: number }
/** Room-level happenings for the action feed that are not commands ("alice paused"). `by` is a session id, or "" for the room. */
export interface NoticeMessage { kind: NoticeKind; by: string; text: string }
export type NoticeKind = "paused" | "resumed" | "speed" | "joined" | "left" | "reconnected" | "roles" | "new-game" | "desync" | "host" | "ended";

export type ServerMessageType = "turn" | "hash" | "rejected" | "snapshot" | "ping" | "notice";

/** Why a join is refused when the client runs other simulation or protocol code. Null when it matches. */
export function versionMismatch(client: { simVersion?: number; protocol?: number }, room: { simVersion: number; protocol: number }): string | null {
  if (client.simVersion !== undefined && client.simVersion !== room.simVersion) {
    return `This page runs simulation version ${client.simVersion} but the room runs ${room.simVersion}: reload the page.`;
  }
  if (client.protocol !== undefined && client.protocol !== room.protocol) {
    return `This page speaks room protocol ${client.protocol} but the room speaks ${room.protocol}: reload the page.`;
  }
  return null;
}

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

// Whether a player's `cmd` message may join the next turn. In order: the message's shape (the
// protocol), the command's shape (the simulation's schema, strictly: unknown fields refused, only
// plain own data), the phase, the rate limit, then the sender's role and the game's rules, which
// `game.check` both apply. Nothing here throws: every refusal is a reason for `rejected`.
import { parseCommand, type Command, type Game, type Role } from "../../shared/index.js";
import { COMMAND_RATE_PER_SECOND, parseClientMessage } from "../../shared/protocol.js";
import type { TokenBucket } from "./rateLimiter.js";

export type Intake = { ok: true; seq: number; cmd: Command } | { ok: false; seq: number; reason: string };

export interface IntakeContext {
  /** The running game, or null in the lobby. */
  game: Game | null;
  ended: boolean;
  actor: { id: string; role: Role | null };
  bucket: TokenBucket;
}

export function takeCommand(message: unknown, ctx: IntakeContext): Intake {
  const parsed = parseClientMessage("cmd", message);
  if (!parsed.ok) return { ok: false, seq: readableSeq(message), reason: parsed.reason };
  const { seq } = parsed.value;
  const shape = strictCommand(parsed.value.cmd);
  if (!shape.ok) return { ok: false, seq, reason: shape.reason };
  if (!ctx.game) return { ok: false, seq, reason: "the game has not started yet" };
  if (ctx.ended || ctx.game.state.ended) return { ok: false, seq, reason: "the game is over" };
  if (!ctx.bucket.take()) return { ok: false, seq, reason: `too many commands: slow down (at most ${COMMAND_RATE_PER_SECOND} a second)` };
  const verdict = ctx.game.check(shape.command, ctx.actor);
  if (!verdict.ok) return { ok: false, seq, reason: verdict.reason };
  return { ok: true, seq, cmd: shape.command };
}

/** The seq of a malformed message when it can be read, so the client can match the refusal; else -1. */
export function readableSeq(message: unknown): number {
  if (message === null || typeof message !== "object" || Object.getPrototypeOf(message) !== Object.prototype) return -1;
  if (!Object.prototype.hasOwnProperty.call(message, "seq")) return -1;
  const seq = (message as { seq: unknown }).seq;
  return typeof seq === "number" && Number.isInteger(seq) && seq >= 0 && seq <= 2_147_483_647 ? seq : -1;
}

/**
 * The simulation's schema drops unknown keys and reads inherited ones; on the wire both are
 * refused. The command must be plain data (objects of own properties, arrays, text, finite
 * numbers, booleans), and every key it carries must be one the schema kept.
 */
export function strictCommand(input: unknown): { ok: true; command: Command } | { ok: false; reason: string } {
  const plain = plainDataProblem(input, "cmd", 0);
  if (plain) return { ok: false, reason: `malformed command: ${plain}` };
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  const extra = unknownKey(input, parsed.command, "cmd");
  if (extra) return { ok: false, reason: `malformed command: unknown field ${extra}` };
  return { ok: true, command: parsed.command };
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function plainDataProblem(v: unknown, path: string, depth: number): string | null {
  if (depth > 4) return `${path} is nested too deeply`;
  if (v === null || typeof v === "string" || typeof v === "boolean") return null;
  if (typeof v === "number") return Number.isFinite(v) ? null : `${path} is not a finite number`;
  if (typeof v !== "object") return `${path} is not data`;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return `${path} is not a plain array`;
    for (let i = 0; i < v.length; i++) {
      const p = plainDataProblem(v[i], `${path}.${i}`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return `${path} is not a plain object`;
  for (const key of Reflect.ownKeys(v)) {
    if (typeof key !== "string" || FORBIDDEN_KEYS.has(key)) return `${path} has a forbidden key`;
    const p = plainDataProblem((v as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (p) return p;
  }
  return null;
}

function unknownKey(input: unknown, kept: unknown, path: string): string | null {
  if (Array.isArray(input) && Array.isArray(kept)) {
    for (let i = 0; i < input.length; i++) {
      const k = unknownKey(input[i], kept[i], `${path}.${i}`);
      if (k) return k;
    }
    return null;
  }
  if (input && typeof input === "object" && kept && typeof kept === "object") {
    for (const key of Object.keys(input)) {
      if (!Object.prototype.hasOwnProperty.call(kept, key)) return `${path}.${key}`;
      const k = unknownKey((input as Record<string, unknown>)[key], (kept as Record<string, unknown>)[key], `${path}.${key}`);
      if (k) return k;
    }
  }
  return null;
}

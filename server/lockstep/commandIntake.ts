// Whether a player's `cmd` message may join the next turn. In order: the message's shape (the
// protocol), the command's shape (the simulation's strict schema: unknown fields refused, only
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

/** The command's shape: the simulation's own strict schema (unknown fields and non-plain data refused). */
export function strictCommand(input: unknown): { ok: true; command: Command } | { ok: false; reason: string } {
  return parseCommand(input);
}

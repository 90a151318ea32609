// Reads a room message off the socket before Colyseus does. Colyseus 0.16 disconnects a client
// whose message bytes do not decode; here an unreadable or oversized message becomes a refusal
// instead, and an oversized one is refused before it is decoded at all. Everything else
// (joining, leaving) passes through to Colyseus unchanged.
import { Protocol } from "@colyseus/core";
import { unpack } from "@colyseus/msgpackr"; // Colyseus's own MessagePack codec (comes with @colyseus/core)
import { decode } from "@colyseus/schema";
import { MAX_MESSAGE_BYTES } from "../../shared/protocol.js";

export type Incoming =
  | { kind: "pass" }
  | { kind: "message"; type: string | number; message: unknown }
  | { kind: "refused"; type: string; reason: string };

export function readIncoming(buffer: Buffer): Incoming {
  const code = buffer[0];
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_DATA_BYTES) return { kind: "pass" };
  const it = { offset: 1 };
  let type: string | number;
  try {
    type = decode.stringCheck(buffer, it) ? decode.string(buffer, it) : decode.number(buffer, it);
  } catch {
    return { kind: "refused", type: "", reason: "the message could not be read" };
  }
  const label = String(type).slice(0, 40);
  if (code === Protocol.ROOM_DATA_BYTES) return { kind: "refused", type: label, reason: "raw byte messages are not accepted" };
  const size = buffer.byteLength - it.offset;
  if (size > MAX_MESSAGE_BYTES) return { kind: "refused", type: label, reason: `the message is too large (${size} bytes; at most ${MAX_MESSAGE_BYTES})` };
  try {
    const message = size > 0 ? unpack(buffer.subarray(it.offset)) : undefined;
    return { kind: "message", type, message };
  } catch {
    return { kind: "refused", type: label, reason: "the message could not be read (not MessagePack)" };
  }
}

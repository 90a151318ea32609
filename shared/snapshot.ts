// The whole state as text, and back. Restoring gives a state with the identical hash, so a save
// file, a late joiner and a re-synced client all continue exactly where the snapshot was taken.
// The game's command log travels beside the state (not inside it: it is not hashed), so a loaded
// game can still write a replay from tick 0.
import { z } from "zod";
import { parseCommand, type Command } from "./commands/schema.js";
import { findScenario } from "./content/scenarios/index.js";
import { hashHex } from "./hash.js";
import { migrateOpenPorts } from "./migrate-firewalls.js";
import { stateProblem } from "./state-schema.js";
import { contentUsers } from "./sim/complaints.js";
import type { GameState } from "./model/types.js";
import { SIM_VERSION } from "./version.js";

export const SNAPSHOT_FORMAT = 1;

/** One accepted command in a snapshot's log (the same shape as Game's `LoggedCommand`). */
export interface SnapshotLogEntry {
  tick: number;
  by: string;
  seq: number;
  cmd: Command;
}

export function stateHash(state: GameState): string {
  return hashHex(state);
}

export function toSnapshot(state: GameState, log: readonly SnapshotLogEntry[] = []): string {
  return JSON.stringify({ format: SNAPSHOT_FORMAT, simVersion: SIM_VERSION, hash: stateHash(state), state, log });
}

export type Restored = { ok: true; state: GameState; log: SnapshotLogEntry[] } | { ok: false; reason: string };

const LogSchema = z.array(z.strictObject({
  tick: z.number().int().min(0),
  by: z.string().min(1).max(64),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  cmd: z.unknown(),
})).max(1_000_000);

export function fromSnapshot(text: string): Restored {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the save file is not valid JSON" };
  }
  if (!data || typeof data !== "object") return { ok: false, reason: "the save file is not a Nines snapshot" };
  const d = data as { format?: unknown; simVersion?: unknown; hash?: unknown; state?: unknown; log?: unknown };
  if (d.format !== SNAPSHOT_FORMAT) return { ok: false, reason: "the save file is not a Nines snapshot (unknown format)" };
  if (d.simVersion !== SIM_VERSION) return { ok: false, reason: `the save file was made by simulation version ${String(d.simVersion)}; this game runs version ${SIM_VERSION}` };
  const state = d.state as GameState;
  if (!state || typeof state !== "object" || !Array.isArray(state.hosts) || typeof state.tick !== "number") return { ok: false, reason: "the save file has no game state" };
  if (!findScenario(state.scenario)) return { ok: false, reason: `the save file is for an unknown scenario "${String(state.scenario).slice(0, 40)}"` };
  if (stateHash(state) !== d.hash) return { ok: false, reason: "the save file is damaged: its contents do not match its checksum" };
  migrateOpenPorts(state);
  // Saves from before users' complaints were tracked: their users start content.
  if (state.users === undefined) state.users = contentUsers();
  const problem = stateProblem(state);
  if (problem) return { ok: false, reason: `the save file's game state is damaged: ${problem}` };
  const log = readLog(d.log ?? [], state.tick);
  if (typeof log === "string") return { ok: false, reason: `the save file's command log is damaged: ${log}` };
  return { ok: true, state, log };
}

function readLog(input: unknown, tick: number): SnapshotLogEntry[] | string {
  const parsed = LogSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue.path.join(".") || "log"}: ${issue.message}`;
  }
  const log: SnapshotLogEntry[] = [];
  for (let i = 0; i < parsed.data.length; i++) {
    const e = parsed.data[i];
    if (e.tick > tick) return `entry ${i} is for tick ${e.tick}, after the saved tick ${tick}`;
    if (i > 0 && e.tick < log[i - 1].tick) return `entries are out of order at ${i}`;
    const cmd = parseCommand(e.cmd);
    if (!cmd.ok) return `entry ${i}: ${cmd.reason}`;
    log.push({ tick: e.tick, by: e.by, seq: e.seq, cmd: cmd.command });
  }
  return log;
}

// The whole state as text, and back. Restoring gives a state with the identical hash, so a save
// file, a late joiner and a re-synced client all continue exactly where the snapshot was taken.
import { findScenario } from "./content/scenarios/index.js";
import { hashHex } from "./hash.js";
import type { GameState } from "./model/types.js";
import { SIM_VERSION } from "./version.js";

export const SNAPSHOT_FORMAT = 1;

export function stateHash(state: GameState): string {
  return hashHex(state);
}

export function toSnapshot(state: GameState): string {
  return JSON.stringify({ format: SNAPSHOT_FORMAT, simVersion: SIM_VERSION, hash: stateHash(state), state });
}

export type Restored = { ok: true; state: GameState } | { ok: false; reason: string };

export function fromSnapshot(text: string): Restored {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the save file is not valid JSON" };
  }
  if (!data || typeof data !== "object") return { ok: false, reason: "the save file is not a Nines snapshot" };
  const d = data as { format?: unknown; simVersion?: unknown; hash?: unknown; state?: unknown };
  if (d.format !== SNAPSHOT_FORMAT) return { ok: false, reason: "the save file is not a Nines snapshot (unknown format)" };
  if (d.simVersion !== SIM_VERSION) return { ok: false, reason: `the save file was made by simulation version ${String(d.simVersion)}; this game runs version ${SIM_VERSION}` };
  const state = d.state as GameState;
  if (!state || typeof state !== "object" || !Array.isArray(state.hosts) || typeof state.tick !== "number") return { ok: false, reason: "the save file has no game state" };
  if (!findScenario(state.scenario)) return { ok: false, reason: `the save file is for an unknown scenario "${String(state.scenario).slice(0, 40)}"` };
  if (stateHash(state) !== d.hash) return { ok: false, reason: "the save file is damaged: its contents do not match its checksum" };
  return { ok: true, state };
}

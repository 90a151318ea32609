// Save slots in browser storage. A slot keeps the simulation's own snapshot text (the same text a
// downloaded save file holds, so either can be restored), where the player put the servers on
// the board (not part of the simulation), and a little to show in the list.
import { findScenario, Game, slaPermyriad } from "../../shared/index.js";
import type { Point } from "./boardLayout.js";
import { positionsFromJson, positionsInFile, positionsToJson, type Positions, type PositionsJson } from "./savedLayout.js";
import { readJson, type KeyValueStore } from "./storage.js";

export const SLOT_IDS = ["auto", "slot-1", "slot-2", "slot-3"] as const;
export type SlotId = (typeof SLOT_IDS)[number];
const PREFIX = "nines.save.";

export interface SlotMeta {
  slot: SlotId;
  scenario: string;
  title: string;
  tick: number;
  money: number;
  slaPermyriad: number;
  /** Milliseconds since 1970, from the caller's clock (the simulation has none). */
  savedAt: number;
}

interface StoredSlot extends SlotMeta {
  format: 1;
  snapshot: string;
  /** Dragged servers (absent in saves from before positions were kept). */
  positions?: PositionsJson;
}

/** A restored game and the board positions saved with it. */
export type Loaded = { ok: true; game: Game; positions: Map<number, Point> } | { ok: false; reason: string };

export function slotLabel(slot: SlotId): string {
  return slot === "auto" ? "Autosave" : `Slot ${slot.slice(5)}`;
}

export function writeSlot(store: KeyValueStore, slot: SlotId, game: Game, now: number, positions: Positions = new Map()): { ok: true } | { ok: false; reason: string } {
  const s = game.state;
  const entry: StoredSlot = {
    format: 1, slot, scenario: s.scenario, title: game.scenario.title, tick: s.tick, money: s.money,
    slaPermyriad: slaPermyriad(s), savedAt: now, snapshot: game.snapshot(), positions: positionsToJson(positions),
  };
  try {
    store.setItem(PREFIX + slot, JSON.stringify(entry));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: `the browser refused to store the save (${e instanceof Error ? e.message : "storage full?"}); download it instead` };
  }
}

export function listSlots(store: KeyValueStore): (SlotMeta | null)[] {
  return SLOT_IDS.map((slot) => {
    const entry = readJson<StoredSlot>(store, PREFIX + slot);
    if (!entry || entry.format !== 1 || typeof entry.snapshot !== "string") return null;
    const { snapshot: _drop, format: _f, positions: _p, ...meta } = entry;
    return { ...meta, slot };
  });
}

export function readSlot(store: KeyValueStore, slot: SlotId): Loaded {
  const entry = readJson<StoredSlot>(store, PREFIX + slot);
  if (!entry || typeof entry.snapshot !== "string") return { ok: false, reason: `${slotLabel(slot)} is empty` };
  const restored = restoreText(entry.snapshot);
  return restored.ok ? { ...restored, positions: positionsFromJson(entry.positions) } : restored;
}

export function deleteSlot(store: KeyValueStore, slot: SlotId): void {
  store.removeItem(PREFIX + slot);
}

/** Restores a save file's text (with its board positions, if any); a bad file gives the simulation's readable reason. */
export function restoreText(text: string): Loaded {
  try {
    return { ok: true, game: Game.restore(text), positions: positionsInFile(text) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** A file name that says what is inside: "nines-simple-stack-3m20s.json". */
export function saveFileName(game: Game): string {
  const secs = Math.floor(game.state.tick / 10);
  const scenario = findScenario(game.state.scenario)?.id ?? "game";
  return `nines-${scenario}-${Math.floor(secs / 60)}m${(secs % 60).toString().padStart(2, "0")}s.json`;
}

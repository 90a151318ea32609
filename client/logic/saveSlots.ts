// Save slots in browser storage. A slot keeps the simulation's own snapshot text (the same text a
// downloaded save file holds, so either can be restored) plus a little to show in the list.
import { findScenario, Game, slaPermyriad } from "../../shared/index.js";
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
}

export function slotLabel(slot: SlotId): string {
  return slot === "auto" ? "Autosave" : `Slot ${slot.slice(5)}`;
}

export function writeSlot(store: KeyValueStore, slot: SlotId, game: Game, now: number): { ok: true } | { ok: false; reason: string } {
  const s = game.state;
  const entry: StoredSlot = {
    format: 1, slot, scenario: s.scenario, title: game.scenario.title, tick: s.tick, money: s.money,
    slaPermyriad: slaPermyriad(s), savedAt: now, snapshot: game.snapshot(),
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
    const { snapshot: _drop, format: _f, ...meta } = entry;
    return { ...meta, slot };
  });
}

export function readSlot(store: KeyValueStore, slot: SlotId): { ok: true; game: Game } | { ok: false; reason: string } {
  const entry = readJson<StoredSlot>(store, PREFIX + slot);
  if (!entry || typeof entry.snapshot !== "string") return { ok: false, reason: `${slotLabel(slot)} is empty` };
  return restoreText(entry.snapshot);
}

export function deleteSlot(store: KeyValueStore, slot: SlotId): void {
  store.removeItem(PREFIX + slot);
}

/** Restores a save file's text; a bad file gives the simulation's readable reason. */
export function restoreText(text: string): { ok: true; game: Game } | { ok: false; reason: string } {
  try {
    return { ok: true, game: Game.restore(text) };
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

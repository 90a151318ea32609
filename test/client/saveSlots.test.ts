import { describe, expect, it } from "vitest";
import { Game } from "../../shared/index.js";
import { deleteSlot, listSlots, readSlot, restoreText, saveFileName, writeSlot } from "../../client/logic/saveSlots.js";
import { fileWithPositions, positionsFromJson, positionsToJson } from "../../client/logic/savedLayout.js";
import { MemoryStore } from "../../client/logic/storage.js";
import { loadSettings, saveSettings } from "../../client/logic/settings.js";
import { isBetter, loadProgress, recordResult } from "../../client/logic/progress.js";

function playedGame(): Game {
  const game = Game.create("simple-stack", 42);
  game.apply({ type: "buyHost", tier: "medium", public: true });
  for (let i = 0; i < 25; i++) game.step();
  return game;
}

describe("save slots", () => {
  it("saves, lists and restores a game with the same hash", () => {
    const store = new MemoryStore();
    const game = playedGame();
    expect(writeSlot(store, "slot-2", game, 1_700_000_000_000)).toEqual({ ok: true });
    const slots = listSlots(store);
    expect(slots[0]).toBeNull();
    expect(slots[2]).toMatchObject({ slot: "slot-2", scenario: "simple-stack", tick: 25, savedAt: 1_700_000_000_000 });
    const back = readSlot(store, "slot-2");
    expect(back.ok && back.game.hash()).toBe(game.hash());
    deleteSlot(store, "slot-2");
    expect(listSlots(store)[2]).toBeNull();
  });

  it("says why an empty slot or a bad file cannot load", () => {
    const store = new MemoryStore();
    expect(readSlot(store, "auto")).toEqual({ ok: false, reason: "Autosave is empty" });
    const bad = restoreText("{not json");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/JSON/);
    const tampered = JSON.parse(playedGame().snapshot());
    tampered.state.money = 99_999_999;
    const t = restoreText(JSON.stringify(tampered));
    expect(t.ok).toBe(false);
  });

  it("ignores a damaged slot entry instead of crashing the list", () => {
    const store = new MemoryStore();
    store.setItem("nines.save.slot-1", "{broken");
    expect(listSlots(store)[1]).toBeNull();
  });

  it("keeps dragged servers with the save, outside the simulation state", () => {
    const store = new MemoryStore();
    const game = playedGame();
    const id = game.state.hosts[0].id;
    const positions = new Map([[id, { x: 812.4, y: -40 }]]);
    writeSlot(store, "slot-1", game, 1, positions);
    const back = readSlot(store, "slot-1");
    expect(back.ok && back.game.hash()).toBe(game.hash());
    expect(back.ok && [...back.positions]).toEqual([[id, { x: 812, y: -40 }]]);
    // The downloaded file is still a plain snapshot to the simulation, with the board beside it.
    const file = fileWithPositions(game.snapshot(), positions);
    const restored = restoreText(file);
    expect(restored.ok && restored.game.hash()).toBe(game.hash());
    expect(restored.ok && restored.positions.get(id)).toEqual({ x: 812, y: -40 });
    expect(JSON.parse(file).state.board).toBeUndefined();
    // Old saves and plain snapshots load with no positions.
    const plain = restoreText(game.snapshot());
    expect(plain.ok && plain.positions.size).toBe(0);
  });

  it("drops malformed positions instead of refusing the save", () => {
    expect([...positionsFromJson({ "3": [1, 2], "x": [1, 2], "4": [NaN, 1], "5": "far", "6": [1e12, 0], "-1": [0, 0] })]).toEqual([[3, { x: 1, y: 2 }]]);
    expect(positionsFromJson(null).size).toBe(0);
    expect(positionsFromJson([1, 2]).size).toBe(0);
    expect(positionsToJson(new Map([[7, { x: 1.6, y: 2.2 }]]))).toEqual({ "7": [2, 2] });
  });

  it("names the download after the chapter and the time played", () => {
    expect(saveFileName(playedGame())).toBe("nines-simple-stack-0m02s.json");
  });
});

describe("settings and progress", () => {
  it("keeps settings, defaulting reduced motion to the system preference", () => {
    const store = new MemoryStore();
    expect(loadSettings(store, true)).toEqual({ sound: true, reducedMotion: true, tutorial: true, pauseOnIncident: false });
    saveSettings(store, { sound: false, reducedMotion: false, tutorial: false, pauseOnIncident: true });
    expect(loadSettings(store, true)).toEqual({ sound: false, reducedMotion: false, tutorial: false, pauseOnIncident: true });
  });

  it("keeps the best result per chapter: a win beats a loss, then the score", () => {
    const store = new MemoryStore();
    const lost = { outcome: "lost" as const, score: 900, slaPermyriad: 8000, nines: 1, ticks: 100 };
    const won = { outcome: "won" as const, score: 500, slaPermyriad: 9500, nines: 2, ticks: 6000 };
    expect(recordResult(store, "simple-stack", lost)).toBe(true);
    expect(recordResult(store, "simple-stack", won)).toBe(true);
    expect(recordResult(store, "simple-stack", { ...lost, score: 5000 })).toBe(false);
    expect(loadProgress(store)["simple-stack"]).toEqual(won);
    expect(isBetter({ ...won, score: 501 }, won)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { fromSnapshot, Game, parseReplay, REPLAY_FORMAT, runReplay, SIM_VERSION } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";

describe("replays", () => {
  const good = { format: REPLAY_FORMAT, simVersion: SIM_VERSION, scenario: "simple-stack", seed: 42, ticks: 100, commands: [] };

  it("accepts a well-formed replay", () => {
    expect(parseReplay(good).ok).toBe(true);
  });

  const bad: [string, unknown, RegExp][] = [
    ["not an object", "hello", /not a valid replay/],
    ["wrong format", { ...good, format: 99 }, /format/],
    ["another simulation version", { ...good, simVersion: SIM_VERSION + 1 }, /simulation version/],
    ["unknown scenario", { ...good, scenario: "mars" }, /unknown scenario "mars"/],
    ["negative seed", { ...good, seed: -1 }, /seed/],
    ["commands out of order", { ...good, commands: [{ tick: 5, cmd: { type: "undo" } }, { tick: 2, cmd: { type: "undo" } }] }, /out of order/],
    ["commands not a list", { ...good, commands: "all of them" }, /commands/],
  ];
  for (const [what, input, reason] of bad) {
    it(`rejects ${what}`, () => {
      const r = parseReplay(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    });
  }

  it("reports commands that the rules reject instead of failing the whole run", () => {
    const r = parseReplay({ ...good, commands: [{ tick: 0, cmd: { type: "sellHost", host: 77 } }, { tick: 1, cmd: { type: "nonsense" } }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const run = runReplay(r.replay);
    expect(run.rejected.map((x) => x.tick)).toEqual([0, 1]);
    expect(run.game.hash()).toBe(runReplay({ ...r.replay, commands: [] }).game.hash());
  });
});

describe("snapshots", () => {
  const { game } = play("distributed", 5, 1200);
  const text = game.snapshot();

  it("round-trips", () => {
    expect(Game.restore(text).hash()).toBe(game.hash());
  });

  it("refuses a damaged, foreign or truncated file with a clear reason", () => {
    const edited = JSON.parse(text);
    edited.state.money += 100000;
    expect(fromSnapshot(JSON.stringify(edited))).toEqual({ ok: false, reason: "the save file is damaged: its contents do not match its checksum" });
    expect(fromSnapshot(text.slice(0, text.length / 2))).toEqual({ ok: false, reason: "the save file is not valid JSON" });
    expect(fromSnapshot("{}")).toEqual({ ok: false, reason: "the save file is not a Nines snapshot (unknown format)" });
    const old = JSON.parse(text);
    old.simVersion = 0;
    expect(fromSnapshot(JSON.stringify(old)).ok).toBe(false);
    expect(() => Game.restore("not json")).toThrow(/not valid JSON/);
  });
});

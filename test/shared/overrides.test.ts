// Challenge settings are part of the game: money, length and allowed components change the run,
// and snapshots and replays of an overridden game rebuild the same scenario.
import { describe, expect, it } from "vitest";
import { applyOverrides, findScenario, Game, parseOverrides, parseReplay, runReplay, type Command } from "../../shared/index.js";

describe("challenge overrides", () => {
  it("change the starting money, the length and what may be installed", () => {
    const plain = Game.create("simple-stack", 7);
    const game = Game.create("simple-stack", 7, { budget: 123_400, durationMinutes: 2, allowedComponents: ["web", "app"] });
    expect(plain.state.money).toBe(findScenario("simple-stack")!.money);
    expect(game.state.money).toBe(123_400);
    expect(game.scenario.durationTicks).toBe(1200);
    expect(game.state.overrides).toEqual({ budget: 123_400, durationTicks: 1200, allowedComponents: ["web", "app"] });

    expect(game.apply({ type: "buyHost", tier: "medium", public: true, name: "web-01" }).ok).toBe(true);
    const host = game.state.hosts[0].id;
    for (let i = 0; i < 60; i++) game.step();
    expect(game.apply({ type: "install", host, service: "web" }).ok).toBe(true);
    expect(game.apply({ type: "install", host, service: "db" })).toMatchObject({ ok: false, reason: expect.stringMatching(/not allowed in this challenge/) });

    game.run(2000);
    expect(game.state.ended?.tick).toBe(1199);
  });

  it("leave a plain game's state without an overrides key (its hash does not change)", () => {
    expect("overrides" in Game.create("distributed", 3).state).toBe(false);
    expect(Game.create("distributed", 3, {}).hash()).toBe(Game.create("distributed", 3).hash());
  });

  it("are refused with a reason when malformed", () => {
    expect(() => Game.create("simple-stack", 1, { durationMinutes: 0 })).toThrow(/durationMinutes/);
    expect(() => Game.create("simple-stack", 1, { budget: -5 })).toThrow(/budget/);
    expect(() => Game.create("simple-stack", 1, { allowedComponents: ["teleporter"] } as never)).toThrow(/allowedComponents/);
    expect(() => Game.create("simple-stack", 1, { durationMinutes: 2, durationTicks: 1200 })).toThrow(/not both/);
    expect(parseOverrides({ colour: "red" })).toMatchObject({ ok: false, reason: expect.stringMatching(/colour|unrecognized/i) });
  });

  it("endless gets an end when the challenge gives it a length", () => {
    const endless = applyOverrides(findScenario("endless")!, { durationTicks: 600 });
    expect(endless.durationTicks).toBe(600);
    expect(findScenario("endless")!.durationTicks).toBe(0);
  });

  it("survive a snapshot: the restored game rebuilds the same scenario and continues to the same hash", () => {
    const a = Game.create("distributed", 11, { budget: 900_000, durationMinutes: 3, allowedComponents: ["web", "app", "db", "lb"] });
    a.run(300);
    const b = Game.restore(a.snapshot());
    expect(b.scenario.durationTicks).toBe(1800);
    expect(b.scenario.allowed.services).toEqual(["lb", "web", "app", "db"]);
    a.run(700);
    b.run(700);
    expect(b.hash()).toBe(a.hash());
  });

  it("travel with a replay: running it on the overridden scenario gives the played hash", () => {
    const overrides = { budget: 800_000, durationMinutes: 2 };
    const game = Game.create("simple-stack", 5, overrides);
    const plan: Record<number, Command[]> = {
      0: [{ type: "buyHost", tier: "medium", public: true, name: "web-01" }],
      60: [{ type: "install", host: 1, service: "web" }, { type: "install", host: 1, service: "app" }, { type: "install", host: 1, service: "db" }],
      150: [{ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 }],
    };
    for (let t = 0; t < 1000; t++) {
      for (const cmd of plan[t] ?? []) expect(game.apply(cmd).ok).toBe(true);
      game.step();
    }
    const text = JSON.stringify(game.toReplay());
    const parsed = parseReplay(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.replay.overrides).toEqual({ budget: 800_000, durationTicks: 1200 });
    const run = runReplay(parsed.replay);
    expect(run.rejected).toEqual([]);
    expect(run.game.hash()).toBe(game.hash());
    // The same commands on the plain scenario are a different run.
    expect(runReplay({ ...parsed.replay, overrides: undefined }).game.hash()).not.toBe(game.hash());
  });
});

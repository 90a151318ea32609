// The id counter and the command schema agree on the largest id: every id the game hands out can
// be named by a command, and past the limit building is refused with a reason.
import { describe, expect, it } from "vitest";
import { MAX_ENTITY_ID, parseCommand } from "../../shared/index.js";
import { openIncident } from "../../shared/sim/incidents.js";
import { buy, hostOf, newGame } from "./helpers.js";

describe("ids", () => {
  it("commands accept every id up to the counter's limit, and none past it", () => {
    expect(MAX_ENTITY_ID).toBe(2 ** 31 - 1);
    expect(parseCommand({ type: "sellHost", host: MAX_ENTITY_ID }).ok).toBe(true);
    expect(parseCommand({ type: "sellHost", host: 1_000_001 }).ok).toBe(true);
    const past = parseCommand({ type: "sellHost", host: MAX_ENTITY_ID + 1 });
    expect(past.ok).toBe(false);
    expect(past.ok ? "" : past.reason).toMatch(/host:/);
  });

  it("a host with the last id can still be named by commands", () => {
    const game = newGame();
    game.state.nextId = MAX_ENTITY_ID;
    expect(game.apply({ type: "buyHost", tier: "small", public: true, name: "last" }).ok).toBe(true);
    const host = hostOf(game, "last");
    expect(host.id).toBe(MAX_ENTITY_ID);
    expect(game.apply({ type: "install", host: host.id, service: "web" }).ok).toBe(true);
  });

  it("past the limit, building is refused with a reason and nothing changes", () => {
    const game = newGame();
    const a = buy(game, "web-01", ["web"], { public: true });
    const b = buy(game, "app-01", ["app"]);
    game.state.nextId = MAX_ENTITY_ID + 1;
    const before = game.hash();
    for (const cmd of [
      { type: "buyHost", tier: "small", public: true, name: "one-more" },
      { type: "connect", from: a, to: b },
    ] as const) {
      const v = game.apply(cmd);
      expect(v.ok).toBe(false);
      expect(v.ok ? "" : v.reason).toMatch(/used all 2147483647 ids/);
    }
    expect(game.hash()).toBe(before);
    // Incidents stop being recorded rather than taking an id no command could name.
    expect(openIncident(game.state, { kind: "overload", host: hostOf(game, "web-01"), severity: "warning" })).toBeNull();
    expect(game.state.nextId).toBe(MAX_ENTITY_ID + 1);
  });
});

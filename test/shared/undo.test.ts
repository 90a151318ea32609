// Undo is per player: each player's undo reverses only their own last build.
import { describe, expect, it } from "vitest";
import { HOST_TIERS, SERVICES } from "../../shared/index.js";
import { newGame } from "./helpers.js";

const alice = { id: "alice" };
const bob = { id: "bob" };

describe("per-player undo", () => {
  it("each player's undo reverses their own last build, not the other's", () => {
    const game = newGame();
    const start = game.state.money;
    expect(game.apply({ type: "buyHost", tier: "small", public: true, name: "alice-01" }, alice).ok).toBe(true);
    expect(game.apply({ type: "buyHost", tier: "medium", public: true, name: "bob-01" }, bob).ok).toBe(true);
    expect(game.state.lastBuilds.map((b) => b.by)).toEqual(["alice", "bob"]);

    expect(game.apply({ type: "undo" }, alice).ok).toBe(true);
    expect(game.state.hosts.map((h) => h.name)).toEqual(["bob-01"]);
    expect(game.state.money).toBe(start - HOST_TIERS.medium.price);

    // Alice has nothing left to undo; Bob's build is still his to undo.
    const again = game.apply({ type: "undo" }, alice);
    expect(again).toEqual({ ok: false, reason: "you have no build action to undo" });
    expect(game.apply({ type: "undo" }, bob).ok).toBe(true);
    expect(game.state.hosts).toHaveLength(0);
    expect(game.state.money).toBe(start);
    expect(game.state.lastBuilds).toEqual([]);
  });

  it("records stay sorted by player id whatever order the players built in", () => {
    const game = newGame();
    game.apply({ type: "buyHost", tier: "small", public: true, name: "z-01" }, { id: "zed" });
    game.apply({ type: "buyHost", tier: "small", public: true, name: "a-01" }, { id: "amy" });
    expect(game.state.lastBuilds.map((b) => b.by)).toEqual(["amy", "zed"]);
  });

  it("a player cannot undo a build another player has since taken apart", () => {
    const game = newGame();
    game.apply({ type: "buyHost", tier: "small", public: true, name: "web-01" }, alice);
    const id = game.state.hosts[0].id;
    game.apply({ type: "install", host: id, service: "web" }, alice);
    expect(game.apply({ type: "remove", host: id, service: "web" }, bob).ok).toBe(true);
    const money = game.state.money;
    const verdict = game.apply({ type: "undo" }, alice);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.reason).toMatch(/changed since/);
    expect(game.state.money).toBe(money);
    expect(SERVICES.web.price).toBeGreaterThan(0);
  });

  it("without an actor, commands are the solo player's", () => {
    const game = newGame();
    game.apply({ type: "buyHost", tier: "small", public: true, name: "web-01" });
    expect(game.state.lastBuilds.map((b) => b.by)).toEqual(["solo"]);
    expect(game.apply({ type: "undo" }, alice).ok).toBe(false);
    expect(game.apply({ type: "undo" }).ok).toBe(true);
  });
});

// Revenue against costs, minute by minute: the figures of a small run worked out by hand.
import { describe, expect, it } from "vitest";
import { Cashflow, Game } from "../../shared/index.js";
import { must, newGame } from "./helpers.js";

describe("cashflow by minute", () => {
  it("adds up a hand-worked run: the purchases and upkeep of minute 0, then 30 req/s at half a cent each", () => {
    const game = newGame();
    game.state.growthPermille = 200; // quiet endless mode's 150 req/s × 0.2 = 30 req/s, all served
    const flow = new Cashflow();
    flow.record(game.state);
    must(game, { type: "buyHost", tier: "medium", public: true, name: "web-01" });
    const id = game.state.hosts[0].id;
    for (const service of ["web", "app", "db"] as const) must(game, { type: "install", host: id, service });
    const step = (n: number) => { for (let i = 0; i < n; i++) { game.step(); flow.record(game.state); } };
    step(100);
    must(game, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    step(1100);
    // Minute 0: a medium server ($600) with Nginx ($30), the application ($50) and MySQL ($80),
    // plus 60 seconds of upkeep at 16 + 1 + 2 + 3 = 22 cents; traffic from tick 100 on: 500 ticks
    // of 3 requests = 1,500 requests at 0.5 cent = $7.50.
    // Minute 1: 600 ticks × 3 = 1,800 requests = $9.00, and upkeep alone: $13.20.
    expect(flow.minutes).toEqual([
      { minute: 0, revenue: 750, costs: 76_000 + 1_320 },
      { minute: 1, revenue: 900, costs: 1_320 },
    ]);
    expect(game.state.totals.served).toBe(3_300);
    expect(flow.complete(game.state)).toHaveLength(2);
    step(1);
    expect(flow.complete(game.state)).toHaveLength(2); // minute 2 has begun but is not over
  });

  it("starts over for an earlier moment or another run, and leaves a jump of minutes blank", () => {
    const flow = new Cashflow();
    const game = Game.create("scale-up", 1);
    flow.record(game.state);
    for (let i = 0; i < 700; i++) { game.step(); flow.record(game.state); }
    expect(flow.minutes.map((m) => m.minute)).toEqual([0, 1]);
    const fresh = Game.create("scale-up", 1);
    flow.record(fresh.state);
    expect(flow.minutes).toEqual([]);
    fresh.run(1500);
    flow.record(fresh.state);
    expect(flow.minutes).toEqual([]);
    fresh.step();
    flow.record(fresh.state);
    expect(flow.minutes).toEqual([{ minute: 2, revenue: expect.any(Number), costs: expect.any(Number) }]);
  });
});

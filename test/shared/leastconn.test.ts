// Least connections follows what each server holds now (its queue plus the work handed to it this
// tick) per unit of capacity, not last tick's spare CPU: a saturated server stops getting new work.
import { describe, expect, it } from "vitest";
import { hostOf, newGame, requestsByHost, run, setDemand, webFarm } from "./helpers.js";

describe("least connections", () => {
  it("a server with a long queue gets no new requests until the others hold as much", () => {
    const game = newGame();
    webFarm(game, 2, { algorithm: "leastconn" });
    setDemand(game, 200);
    run(game, 50);
    // web-01 is stuck behind a long queue (as after a stall): its connections pile up.
    hostOf(game, "web-01").backlog = 50_000;
    const r = requestsByHost(game, game.step());
    expect(r["web-01"]).toBe(0);
    expect(r["web-02"]).toBeGreaterThan(0);
  });

  it("idle servers share by capacity: a large one takes more than a small one", () => {
    const game = newGame();
    webFarm(game, 2, { algorithm: "leastconn" }, ["small", "large"]);
    setDemand(game, 300);
    const sum = run(game, 100);
    expect(sum.errors + sum.dropped).toBe(0);
    const r = requestsByHost(game, game.step());
    expect(r["web-02"]).toBeGreaterThan(r["web-01"] * 2);
    expect(r["web-01"]).toBeGreaterThan(0);
  });
});

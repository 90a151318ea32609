// `balance source` as HAProxy 2.6 does it by default (map-based): source mod the number of usable
// backends. Measured with 16 clients: 8/8, 6/5/5, 4/4/4/4, 3/3/3/3/4 (shared/reference).
import { describe, expect, it } from "vitest";
import { BUCKET_WEIGHTS, CLIENT_BUCKETS, sourceBackend } from "../../shared/index.js";
import { buy, idOf, must, newGame, requestsByHost, run, setDemand, webFarm } from "./helpers.js";

function spread(backends: number): number[] {
  const counts = new Array<number>(backends).fill(0);
  for (let b = 0; b < CLIENT_BUCKETS; b++) counts[sourceBackend(b, backends)]++;
  return counts;
}

describe("balance source (map-based)", () => {
  it("spreads 16 client buckets over 2 to 5 backends as evenly as HAProxy did", () => {
    expect(spread(2)).toEqual([8, 8]);
    expect(spread(3).sort()).toEqual([5, 5, 6]);
    expect(spread(4)).toEqual([4, 4, 4, 4]);
    expect(spread(5).sort()).toEqual([3, 3, 3, 3, 4]);
  });

  it("adding a backend remaps most clients (the modulus changes)", () => {
    let moved = 0;
    for (let b = 0; b < CLIENT_BUCKETS; b++) if (sourceBackend(b, 2) !== sourceBackend(b, 3)) moved++;
    // Map-based: 2→3 moved 42 of 64 clients in the measurement; here 10 of 16 buckets.
    expect(moved).toBe(10);
  });

  it("with two backends both servers carry traffic and nothing is dropped; each bucket stays put", () => {
    const game = newGame();
    webFarm(game, 2, { algorithm: "source" });
    setDemand(game, 300);
    const sum = run(game, 100);
    expect(sum.dropped + sum.errors).toBe(0);
    const r = requestsByHost(game, game.step());
    const total = r["web-01"] + r["web-02"];
    const even = BUCKET_WEIGHTS.filter((_, b) => b % 2 === 0).reduce((a, w) => a + w, 0) / BUCKET_WEIGHTS.reduce((a, w) => a + w, 0);
    expect(r["web-01"] / total).toBeCloseTo(even, 2);
    expect(r["web-02"] / total).toBeGreaterThan(0.4);
  });

  it("a third backend takes a third of the buckets, and shares move to match", () => {
    const game = newGame();
    const farm = webFarm(game, 2, { algorithm: "source" });
    setDemand(game, 300);
    run(game, 50);
    const id = buy(game, "web-03", ["web", "app"]);
    must(game, { type: "connect", from: farm.lb, to: id });
    must(game, { type: "connect", from: id, to: farm.db });
    run(game, 10);
    const r = requestsByHost(game, game.step());
    const total = r["web-01"] + r["web-02"] + r["web-03"];
    const share = (k: number) => BUCKET_WEIGHTS.filter((_, b) => b % 3 === k).reduce((a, w) => a + w, 0) / BUCKET_WEIGHTS.reduce((a, w) => a + w, 0);
    expect(r["web-03"] / total).toBeCloseTo(share(2), 2);
    expect(r["web-01"] / total).toBeCloseTo(share(0), 2);
    expect(idOf(game, "web-03")).toBe(id);
  });
});

import { describe, expect, it } from "vitest";
import { hostOf, must, newGame, requestsByHost, run, setDemand, webFarm } from "./helpers.js";

describe("load-balancer algorithms", () => {
  it("round robin gives every backend the same share, whatever its size", () => {
    const game = newGame();
    webFarm(game, 3, { algorithm: "roundrobin" }, ["small", "medium", "large"]);
    setDemand(game, 300);
    run(game, 100);
    const r = requestsByHost(game, game.step());
    expect(r["web-01"]).toBeGreaterThan(0);
    expect(r["web-02"]).toBeCloseTo(r["web-01"], 6);
    expect(r["web-03"]).toBeCloseTo(r["web-01"], 6);
  });

  it("round robin overloads the small server while least connections spares it", () => {
    const heavy = (algorithm: "roundrobin" | "leastconn") => {
      const game = newGame();
      webFarm(game, 3, { algorithm }, ["small", "medium", "large"]);
      setDemand(game, 700);
      run(game, 200);
      return run(game, 300);
    };
    const rr = heavy("roundrobin");
    const lc = heavy("leastconn");
    expect(rr.reasons.get("queue-full") ?? 0).toBeGreaterThan(100);
    expect(lc.reasons.get("queue-full") ?? 0).toBeLessThan((rr.reasons.get("queue-full") ?? 0) / 10);
    expect(lc.served).toBeGreaterThan(rr.served);
  });

  it("least connections sends more to the server with more spare CPU", () => {
    const game = newGame();
    webFarm(game, 2, { algorithm: "leastconn" }, ["small", "large"]);
    setDemand(game, 300);
    run(game, 100);
    const r = requestsByHost(game, game.step());
    expect(r["web-02"]).toBeGreaterThan(r["web-01"] * 3);
  });

  it("source hash keeps each client bucket on one backend (sticky); shares follow the buckets' traffic", () => {
    const game = newGame();
    webFarm(game, 3, { algorithm: "source" });
    setDemand(game, 300);
    run(game, 100);
    const a = requestsByHost(game, game.step());
    const b = requestsByHost(game, game.step());
    const shares = ["web-01", "web-02", "web-03"].map((n) => a[n] / (a["web-01"] + a["web-02"] + a["web-03"]));
    // Same buckets, same backends: the proportions do not move from tick to tick.
    for (const n of ["web-01", "web-02", "web-03"]) expect(b[n] / a[n]).toBeCloseTo((b["web-01"] + b["web-02"] + b["web-03"]) / (a["web-01"] + a["web-02"] + a["web-03"]), 6);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.05);
  });

  it("a per-client rate limit drops most of a flood and spares real users", () => {
    const flood = (rateLimit: number) => {
      const game = newGame();
      const farm = webFarm(game, 3, { algorithm: "roundrobin" });
      must(game, { type: "configureLb", host: farm.lb, rateLimit });
      setDemand(game, 300);
      game.state.effects.push({ kind: "ddos", until: 1e9, size: 20000, queue: [] });
      run(game, 50);
      let attackIn = 0, attackBlocked = 0;
      const sum = run(game, 200, (r) => { attackIn += r.demand[3]; attackBlocked += r.errors[3] + r.dropped[3]; });
      return { sum, blockedShare: attackBlocked / attackIn };
    };
    const open = flood(0);
    const limited = flood(20);
    expect(open.sum.dropped).toBeGreaterThan(0);
    expect(limited.blockedShare).toBeGreaterThan(0.9);
    expect(limited.sum.served / limited.sum.demand).toBeGreaterThan(0.99);
    expect(limited.sum.served).toBeGreaterThan(open.sum.served);
  });
});

describe("health checks", () => {
  const failBackend = (healthCheck: boolean, checkInterval = 50) => {
    const game = newGame();
    const farm = webFarm(game, 2, { algorithm: "roundrobin", healthCheck, checkInterval });
    setDemand(game, 200);
    run(game, 100);
    // Fail it right after a check so the detection delay is the whole interval.
    while (game.state.tick % checkInterval !== 1) game.step();
    hostOf(game, "web-01").status = "down";
    const errorsByTick: number[] = [];
    run(game, 200, (r) => errorsByTick.push(r.errors[0] + r.errors[1] + r.errors[2]));
    return { errorsByTick, farm };
  };

  it("route around a dead backend after `fall` (3) failed checks", () => {
    const { errorsByTick } = failBackend(true, 50);
    const lastError = errorsByTick.map((e, i) => (e > 0 ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    expect(errorsByTick[0]).toBeGreaterThan(0);
    expect(lastError).toBeGreaterThanOrEqual(140);
    expect(lastError).toBeLessThan(151);
  });

  it("without them, users keep hitting the dead backend", () => {
    const { errorsByTick } = failBackend(false, 50);
    expect(errorsByTick.slice(150).every((e) => e > 0)).toBe(true);
  });

  it("a shorter interval notices sooner", () => {
    const slow = failBackend(true, 100).errorsByTick.filter((e) => e > 0).length;
    const fast = failBackend(true, 10).errorsByTick.filter((e) => e > 0).length;
    expect(fast).toBeLessThan(slow);
    expect(fast).toBeLessThanOrEqual(30);
  });
});

import { describe, expect, it } from "vitest";
import { CERT_WARNING_TICKS } from "../../shared/index.js";
import { NOT_TOLD } from "../../shared/sim/incidents.js";
import { fire } from "../../shared/sim/events.js";
import { buy, hostOf, must, newGame, run, setDemand, webFarm } from "./helpers.js";

describe("DNS", () => {
  it("no record, no traffic: the site launches when www first gets an A record", () => {
    const game = newGame();
    buy(game, "web-01", ["web", "app", "db"], { public: true });
    setDemand(game, 100);
    expect(run(game, 50).demand).toBe(0);
    must(game, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 50 });
    run(game, 60);
    const live = run(game, 50);
    expect(live.demand).toBeGreaterThan(0);
    expect(live.served).toBe(live.demand);
  });

  it("a changed record reaches users only as their caches expire (TTL)", () => {
    const moveShare = (ttl: number) => {
      const game = newGame();
      const farm = webFarm(game, 2);
      const oldIp = hostOf(game, "lb-01").publicIp!;
      const lb2 = buy(game, "lb-02", ["lb"], { public: true, tier: "large" });
      for (const w of farm.webs) must(game, { type: "connect", from: lb2, to: w });
      must(game, { type: "setDns", recordType: "A", values: [oldIp], ttl });
      setDemand(game, 200);
      run(game, ttl * 2 + 10);
      must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "lb-02").publicIp!], ttl });
      const shares: number[] = [];
      const i2 = game.state.hosts.findIndex((h) => h.name === "lb-02");
      run(game, ttl + 5, (r) => shares.push(r.entryFlow[i2 * 4] / (r.demand[0] || 1)));
      return shares;
    };
    const slow = moveShare(300);
    expect(slow[0]).toBeLessThan(0.2);
    // Gradual: at half the TTL some clients have moved and some have not.
    expect(slow[150]).toBeGreaterThan(0.2);
    expect(slow[150]).toBeLessThan(0.95);
    expect(new Set(slow.map((x) => x.toFixed(3))).size).toBeGreaterThan(8);
    expect(slow[slow.length - 1]).toBeCloseTo(1, 5);
    const fast = moveShare(50);
    expect(fast[fast.length - 1]).toBeCloseTo(1, 5);
    expect(fast.length).toBeLessThan(slow.length);
  });

  it("a CNAME to the apex resolves through the apex A record", () => {
    const game = newGame();
    buy(game, "web-01", ["web", "app", "db"], { public: true });
    must(game, { type: "setDns", recordType: "CNAME", values: ["foobar.com"], ttl: 50, apex: ["8.8.8.8"] });
    setDemand(game, 100);
    run(game, 60);
    const sum = run(game, 50);
    expect(sum.demand).toBeGreaterThan(0);
    expect(sum.served).toBe(sum.demand);
  });
});

describe("monitoring", () => {
  it("a failure on a monitored host is known at once; elsewhere only when users complain (sim/complaints.ts)", () => {
    for (const monitored of [true, false]) {
      const game = newGame();
      const farm = webFarm(game, 2, { healthCheck: true });
      if (monitored) for (const w of farm.webs) must(game, { type: "install", host: w, service: "monitor" });
      run(game, 30);
      fire(game.state, { kind: "host-failure", target: "web-01", duration: 0, size: 0 });
      const incident = game.state.incidents.find((i) => i.kind === "host-failure")!;
      expect(incident.detectedAt).toBe(monitored ? incident.tick : NOT_TOLD);
    }
  });

  it("only monitoring warns before a certificate expires", () => {
    for (const monitored of [true, false]) {
      const game = newGame();
      const farm = webFarm(game, 1);
      if (monitored) must(game, { type: "install", host: farm.lb, service: "monitor" });
      must(game, { type: "buyCert", host: farm.lb });
      hostOf(game, "lb-01").cert!.expiresAt = game.state.tick + CERT_WARNING_TICKS + 50;
      run(game, 100);
      expect(game.state.incidents.some((i) => i.kind === "cert-expiring")).toBe(monitored);
    }
  });
});

import { describe, expect, it } from "vitest";
import { failuresHidden, Game } from "../../shared/index.js";
import { buildBenchGame, parseBenchParams } from "../../bench/benchBoard.js";
import { computeLanes, laneRate } from "../../client/logic/trafficLanes.js";
import { desiredRate, TrafficDots, type DotOptions } from "../../client/logic/trafficDots.js";

function chapterOneLive(): Game {
  const game = Game.create("simple-stack", 5);
  game.apply({ type: "buyHost", tier: "medium", public: true });
  const host = game.state.hosts[0].id;
  for (const service of ["web", "app", "db"] as const) game.apply({ type: "install", host, service });
  for (let i = 0; i < 100; i++) game.step();
  game.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
  for (let i = 0; i < 20; i++) game.step();
  return game;
}

describe("traffic lanes", () => {
  it("shows users' requests entering the public server", () => {
    const game = chapterOneLive();
    const lanes = computeLanes(game.state, game.report());
    expect(lanes).toHaveLength(1);
    expect(lanes[0]).toMatchObject({ key: `e${game.state.hosts[0].id}`, fromId: 0, failedShare: 0 });
    expect(laneRate(lanes[0])).toBeGreaterThan(0);
  });

  it("hides the failures of an unmonitored server until users complain, then shows them", () => {
    const game = chapterOneLive();
    const host = game.state.hosts[0];
    host.status = "down"; // test only: break it directly, with no incident yet
    game.step();
    const before = computeLanes(game.state, game.report());
    expect(before[0].failedShare).toBe(0); // looks like ordinary traffic
    expect(laneRate(before[0])).toBeGreaterThan(0);
    expect(failuresHidden(game.state, host)).toBe(true);
    game.state.incidents.push({ id: 999, kind: "host-failure", tick: game.state.tick, detectedAt: game.state.tick, resolvedAt: -1, hostId: host.id, severity: "critical", params: {} });
    const after = computeLanes(game.state, game.report());
    expect(after[0].failedShare).toBe(1);
    expect(failuresHidden(game.state, host)).toBe(false);
  });

  it("hides an unmonitored server's overflowing queue until the overload is reported", () => {
    const game = chapterOneLive();
    const host = game.state.hosts[0];
    host.saturatedTicks = 10;
    expect(failuresHidden(game.state, host)).toBe(true);
    game.state.incidents.push({ id: 998, kind: "overload", tick: game.state.tick, detectedAt: game.state.tick + 300, resolvedAt: -1, hostId: host.id, severity: "warning", params: {} });
    expect(failuresHidden(game.state, host)).toBe(true); // opened, but nobody has complained yet
    game.state.incidents[game.state.incidents.length - 1].detectedAt = game.state.tick;
    expect(failuresHidden(game.state, host)).toBe(false);
  });

  it("shows a monitored server's failures at once", () => {
    const game = Game.create("endless", 5);
    game.apply({ type: "buyHost", tier: "medium", public: true });
    const host = game.state.hosts[0];
    for (const service of ["web", "app", "db", "monitor"] as const) game.apply({ type: "install", host: host.id, service });
    for (let i = 0; i < 100; i++) game.step();
    game.apply({ type: "setDns", recordType: "A", values: [host.publicIp!], ttl: 300 });
    for (let i = 0; i < 20; i++) game.step();
    host.services.find((x) => x.kind === "app")!.status = "down"; // test only
    game.step();
    expect(failuresHidden(game.state, host)).toBe(false);
    expect(computeLanes(game.state, game.report())[0].failedShare).toBeGreaterThan(0);
  });
});

describe("request dots", () => {
  const lanesAt = (rps: number) => [{ key: "e1", fromId: 0, toId: 1, perSecond: [rps * 0.5, rps * 0.4, rps * 0.1, 0] as [number, number, number, number], failedShare: 0.25 }];
  const options: DotOptions = { capacity: 300, maxSpawnPerSecond: 200, travelSeconds: 1 };

  it("asks for more dots on busier lanes, but only logarithmically", () => {
    expect(desiredRate(0)).toBe(0);
    expect(desiredRate(1000)).toBeGreaterThan(desiredRate(10));
    expect(desiredRate(1_000_000)).toBeLessThan(20);
  });

  it("never uses more than its pool, whatever the traffic", () => {
    for (const rps of [100, 1_000_000, 1e9]) {
      const dots = new TrafficDots(options);
      const lanes = Array.from({ length: 400 }, (_, i) => ({ ...lanesAt(rps)[0], key: `l${i}`, toId: i + 1 }));
      for (let f = 0; f < 600; f++) dots.update(1 / 60, 8, lanes, () => true);
      expect(dots.pool).toHaveLength(300);
      expect(dots.active).toBeLessThanOrEqual(300);
    }
  });

  it("freezes while paused and drops dots of sold hosts", () => {
    const dots = new TrafficDots(options);
    for (let f = 0; f < 60; f++) dots.update(1 / 60, 1, lanesAt(100), () => true);
    const before = dots.pool.map((d) => d.t);
    dots.update(1 / 60, 0, lanesAt(100), () => true);
    expect(dots.pool.map((d) => d.t)).toEqual(before);
    dots.update(1 / 60, 1, [], (id) => id !== 1);
    expect(dots.active).toBe(0);
  });

  it("sends some dots back as failures in proportion to the failed share", () => {
    const dots = new TrafficDots({ capacity: 2000, maxSpawnPerSecond: 1000, travelSeconds: 10 });
    for (let f = 0; f < 600; f++) dots.update(1 / 60, 1, lanesAt(1000), () => true);
    const active = dots.pool.filter((d) => d.active);
    const failing = active.filter((d) => d.failAt >= 0).length / active.length;
    expect(failing).toBeGreaterThan(0.1);
    expect(failing).toBeLessThan(0.4);
  });
});

describe("bench board", () => {
  it("reads the page hook", () => {
    expect(parseBenchParams("?bench=200&rps=1000000")).toEqual({ hosts: 200, rps: 1_000_000, seed: 7 });
    expect(parseBenchParams("?foo=1")).toBeNull();
  });

  it("builds the board through commands and reaches the traffic asked for", () => {
    const game = buildBenchGame({ hosts: 60, rps: 100_000, seed: 1 });
    expect(game.state.hosts).toHaveLength(60);
    expect(game.state.hosts.filter((h) => h.status === "up").length).toBeGreaterThan(55);
    const perSecond = (game.report().demand[0] + game.report().demand[1] + game.report().demand[2]) * 10;
    expect(perSecond).toBeGreaterThan(30_000);
  });
});

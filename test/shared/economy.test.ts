import { describe, expect, it } from "vitest";
import { endText, Game, HOST_TIERS, incidentText, SERVICES, upkeepPerSecond } from "../../shared/index.js";
import { buy, must, newGame, run, setDemand, webFarm } from "./helpers.js";

describe("economy", () => {
  it("buying costs the catalogue price, and undo refunds it in full", () => {
    const game = Game.create("endless", 1);
    const start = game.state.money;
    must(game, { type: "buyHost", tier: "medium", public: true, name: "web-01" });
    expect(game.state.money).toBe(start - HOST_TIERS.medium.price);
    must(game, { type: "undo" });
    expect(game.state.money).toBe(start);
    expect(game.state.hosts).toHaveLength(0);
  });

  it("upkeep is charged every second; revenue comes from requests served", () => {
    const game = newGame();
    buy(game, "web-01", ["web", "app", "db"], { public: true });
    expect(upkeepPerSecond(game.state)).toBe(HOST_TIERS.medium.upkeepPerSecond + SERVICES.web.upkeepPerSecond + SERVICES.app.upkeepPerSecond + SERVICES.db.upkeepPerSecond);
    const idle = game.state.money;
    run(game, 100);
    expect(game.state.money).toBe(idle - 10 * upkeepPerSecond(game.state));
    must(game, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 50 });
    setDemand(game, 200);
    run(game, 60);
    const before = game.state.money;
    const revenueBefore = game.state.totals.revenue;
    const sum = run(game, 100);
    expect(sum.served).toBeGreaterThan(0);
    expect(game.state.totals.revenue - revenueBefore).toBeGreaterThan(0);
    expect(game.state.money - before).toBe(game.state.totals.revenue - revenueBefore - 10 * upkeepPerSecond(game.state));
  });

  it("an outage costs reputation and a lower reputation brings fewer users", () => {
    const game = newGame();
    const farm = webFarm(game, 1);
    setDemand(game, 500);
    run(game, 100);
    const healthy = run(game, 100).demand;
    must(game, { type: "disconnect", from: farm.lb, to: farm.webs[0] });
    run(game, 600);
    expect(game.state.reputation).toBeLessThan(9000);
    must(game, { type: "connect", from: farm.lb, to: farm.webs[0] });
    expect(run(game, 100).demand).toBeLessThan(healthy * 0.97);
  });

  it("running out of money ends the game", () => {
    const game = newGame();
    buy(game, "web-01", ["web", "app", "db"], { public: true });
    game.state.money = 50;
    run(game, 30);
    expect(game.state.ended?.outcome).toBe("lost");
    expect(game.state.ended?.why).toBe("bankrupt");
    expect(endText(game.state.ended!, game.scenario)).toMatch(/Bankrupt/);
    expect(game.apply({ type: "buyHost", tier: "small", public: true })).toEqual({ ok: false, reason: "the game is over" });
  });

  it("a chapter ends when its time is up and judges the goal", () => {
    const game = Game.create("simple-stack", 1);
    game.run(6000);
    expect(game.state.ended?.outcome).toBe("lost");
    expect(game.state.ended?.why).toBe("never-launched");
    expect(endText(game.state.ended!, game.scenario)).toMatch(/never went live/);
  });
});

describe("deploys", () => {
  it("all at once takes the site down; rolling behind health checks does not", () => {
    const errors = (strategy: "all-at-once" | "rolling") => {
      const game = newGame();
      webFarm(game, 3, { healthCheck: true, checkInterval: 10 });
      setDemand(game, 200);
      run(game, 60);
      must(game, { type: "deploy", strategy });
      const sum = run(game, 400);
      expect(game.state.codeVersion).toBe(2);
      return sum.errors;
    };
    const allAtOnce = errors("all-at-once");
    const rolling = errors("rolling");
    expect(allAtOnce).toBeGreaterThan(500);
    expect(rolling).toBeLessThan(allAtOnce / 5);
  });
});

describe("nines", () => {
  it("counts the nines of uptime, never more than the run is long enough to show", async () => {
    const { nines } = await import("../../shared/index.js");
    const at = (ticks: number, upTicks: number) => nines({ totals: { ticks, upTicks } } as never);
    expect(at(0, 0)).toBe(0);
    expect(at(60, 60)).toBe(1);
    expect(at(6000, 6000)).toBe(3);
    expect(at(6000, 5994)).toBe(3);
    expect(at(6000, 5993)).toBe(2);
    expect(at(1_000_000, 999_990)).toBe(5);
    expect(at(6000, 5000)).toBe(0);
  });
});

describe("overload", () => {
  it("a sustained full queue becomes an incident naming the host, closed when it drains", async () => {
    const { buy, must, newGame, run, setDemand } = await import("./helpers.js");
    const game = newGame();
    buy(game, "web-01", ["web", "app", "db"], { public: true, tier: "small" });
    must(game, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 50 });
    setDemand(game, 50);
    run(game, 200);
    expect(game.state.incidents.some((i) => i.kind === "overload")).toBe(false);
    setDemand(game, 400);
    run(game, 200);
    const incident = game.state.incidents.find((i) => i.kind === "overload")!;
    expect(incidentText(incident).title).toMatch(/web-01 is at capacity/);
    expect(incident.resolvedAt).toBe(-1);
    setDemand(game, 20);
    run(game, 300);
    expect(incident.resolvedAt).toBeGreaterThan(incident.tick);
  });
});

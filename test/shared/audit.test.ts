import { describe, expect, it } from "vitest";
import { audit } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";
import { buy, must, newGame, webFarm } from "./helpers.js";

const finding = (game: ReturnType<typeof newGame>, id: string) => audit(game.state).find((f) => f.id === id)!;

describe("architecture audit", () => {
  it("one server doing everything is a single point of failure with its problems named", () => {
    const game = newGame();
    buy(game, "web-01", ["web", "app", "db"], { public: true });
    must(game, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    expect(finding(game, "no-spof-host").ok).toBe(false);
    expect(finding(game, "no-spof-host").detail).toMatch(/web-01/);
    expect(finding(game, "firewalls").ok).toBe(false);
    expect(finding(game, "https").ok).toBe(false);
    expect(finding(game, "db-private").ok).toBe(false);
    expect(finding(game, "ssh-open").ok).toBe(false);
  });

  it("a lone load balancer is still a single point of failure; a pair is not", () => {
    const game = newGame();
    const farm = webFarm(game, 2);
    expect(finding(game, "no-spof-lb").ok).toBe(false);
    expect(finding(game, "no-spof-host").detail).toMatch(/lb-01/);
    const lb2 = buy(game, "lb-02", ["lb"], { public: true });
    for (const w of farm.webs) must(game, { type: "connect", from: lb2, to: w });
    must(game, { type: "createLbPair", a: farm.lb, b: lb2, mode: "active-passive" });
    must(game, { type: "setDns", recordType: "A", values: [game.state.pairs[0].vip!], ttl: 300 });
    expect(finding(game, "no-spof-lb").ok).toBe(true);
    // The database is still alone.
    expect(finding(game, "no-spof-host").detail).toMatch(/db-01/);
  });

  it("the scripted chapter-4 design passes what chapter 4 asks, and notes TLS ending at the load balancer", () => {
    const { game } = play("scale-up", 42, 9000);
    const f = (id: string) => audit(game.state).find((x) => x.id === id)!;
    expect(f("no-spof-lb").ok).toBe(true);
    expect(f("tiers-split").ok).toBe(true);
    expect(f("end-to-end-tls").ok).toBe(false);
    expect(f("one-primary").ok).toBe(false);
  });
});

describe("goal progress", () => {
  it("reports the share served against the goal and each required check", async () => {
    const { goalProgress } = await import("../../shared/index.js");
    const { game } = play("secured", 42, 3600);
    const p = goalProgress(game.state, game.scenario);
    expect(p.minSlaPermyriad).toBe(9700);
    expect(p.slaOk).toBe(p.slaPermyriad >= 9700);
    expect(p.checks.map((c) => c.id)).toEqual(["firewalls", "https", "monitoring", "db-private"]);
    expect(p.checks.every((c) => c.ok)).toBe(true);
    expect(p.ticksLeft).toBe(7200 - 3600);
    expect(p.timePermille).toBe(500);
  });
});

import { describe, expect, it } from "vitest";
import { Game } from "../../shared/index.js";
import { layoutBoard } from "../../client/logic/boardLayout.js";
import { pairBrackets, pairFacts, pairLabel, pairMissingStep, pairMissingSteps } from "../../client/logic/pairView.js";

function pairedGame(mode: "active-passive" | "active-active" = "active-passive"): Game {
  const game = Game.create("scale-up", 5);
  const lb = game.state.hosts.find((h) => h.name === "lb-01")!;
  expect(game.apply({ type: "buyHost", tier: "small", public: true }).ok).toBe(true);
  const second = game.state.hosts[game.state.hosts.length - 1];
  expect(game.apply({ type: "install", host: second.id, service: "lb" }).ok).toBe(true);
  game.run(100);
  const v = game.apply({ type: "createLbPair", a: lb.id, b: second.id, mode });
  expect(v).toMatchObject({ ok: true });
  return game;
}

describe("a load-balancer pair on the board", () => {
  it("is drawn as one bracket around both members, labelled with its virtual IP", () => {
    const game = pairedGame();
    const pair = game.state.pairs[0];
    const layout = layoutBoard(game.state);
    const [b] = pairBrackets(game.state, layout);
    expect(b.label).toContain(`virtual IP ${pair.vip}`);
    for (const id of pair.members) {
      const p = layout.hosts.get(id)!;
      expect(p.x).toBeGreaterThan(b.x);
      expect(p.x).toBeLessThan(b.x + b.w);
      expect(p.y).toBeGreaterThan(b.y);
      expect(p.y).toBeLessThan(b.y + b.h);
    }
  });

  it("says the missing step, pointing www at the virtual IP, until DNS does", () => {
    const game = pairedGame();
    const pair = game.state.pairs[0];
    expect(pairMissingStep(game.state, pair)).toMatch(`Point www at the virtual IP ${pair.vip}`);
    expect(pairMissingSteps(game.state)).toHaveLength(1);
    expect(game.apply({ type: "setDns", recordType: "A", values: [pair.vip!], ttl: 60 }).ok).toBe(true);
    expect(pairMissingStep(game.state, pair)).toBeNull();
    expect(pairMissingSteps(game.state)).toEqual([]);
  });
});

describe("the pair's numbers, by mode", () => {
  it("active-passive: the standby idles, and the failover takes keepalived's 3.6 s (2.6 s if only HAProxy stops), failing requests meanwhile", () => {
    const game = pairedGame("active-passive");
    const pair = game.state.pairs[0];
    expect(pairLabel(game.state, pair)).toContain("standby idle · failover 3.6 s");
    const facts = pairFacts(game.state, pair).join(" ");
    expect(facts).toContain("at most half of its capacity");
    expect(facts).toContain("3.6 s later");
    expect(facts).toContain("2.6 s if only HAProxy stops");
    expect(facts).toContain(`every request to ${pair.vip} fails`);
    pair.failoverAt = game.state.tick + 25;
    expect(pairLabel(game.state, pair)).toContain("moving: 2.5 s left");
  });

  it("active-active: both carry a share of the requests, and a dead one costs its users a connect timeout until DNS drops it", () => {
    const game = pairedGame("active-active");
    const pair = game.state.pairs[0];
    const ips = pair.members.map((id) => game.state.hosts.find((h) => h.id === id)!.publicIp!);
    expect(game.apply({ type: "setDns", recordType: "A", values: ips, ttl: 60 }).ok).toBe(true);
    game.run(400);
    const label = pairLabel(game.state, pair, game.report());
    // Buckets 0, 2, 4, … try the first address first: 52.8 % of users.
    expect(label).toContain("active-active · 53 % / 47 % of requests");
    const facts = pairFacts(game.state, pair).join(" ");
    expect(facts).toMatch(/first address for 53 % of users, .* for 47 %/);
    expect(facts).toContain("3 s connect timeout");
    expect(facts).toContain("25 % of them give up");
    expect(facts).toContain("TTL 6 s");
  });
});

import { describe, expect, it } from "vitest";
import { Game } from "../../shared/index.js";
import { layoutBoard } from "../../client/logic/boardLayout.js";
import { pairBrackets, pairMissingStep, pairMissingSteps } from "../../client/logic/pairView.js";

function pairedGame(): Game {
  const game = Game.create("scale-up", 5);
  const lb = game.state.hosts.find((h) => h.name === "lb-01")!;
  expect(game.apply({ type: "buyHost", tier: "small", public: true }).ok).toBe(true);
  const second = game.state.hosts[game.state.hosts.length - 1];
  expect(game.apply({ type: "install", host: second.id, service: "lb" }).ok).toBe(true);
  game.run(100);
  const v = game.apply({ type: "createLbPair", a: lb.id, b: second.id, mode: "active-passive" });
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

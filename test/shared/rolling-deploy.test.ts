// A rolling deploy behind a load balancer with health checks: each server is drained, deployed,
// waits until the checks mark it up, then the next; no request fails when the others can carry
// the load, and the deploy lasts until the last server is back.
import { describe, expect, it } from "vitest";
import { COSTS } from "../../shared/index.js";
import { must, newGame, run, setDemand, webFarm } from "./helpers.js";

describe("rolling deploy with drain", () => {
  it("drains one server at a time, fails nothing, refuses a second deploy, ends when the last is up", () => {
    const game = newGame();
    const farm = webFarm(game, 3, { healthCheck: true, checkInterval: 10 });
    setDemand(game, 200);
    run(game, 60);
    must(game, { type: "deploy", strategy: "rolling" });
    const second = game.apply({ type: "deploy", strategy: "rolling" });
    expect(second.ok).toBe(false);
    const lb = () => game.state.hosts.find((h) => h.id === farm.lb)!.services.find((s) => s.kind === "lb")!;
    let maxDrained = 0, endedAt = -1, lastBackAt = -1;
    const sum = run(game, 900, (_r, g) => {
      const l = lb() as { drained: number[]; markedDown: number[] };
      maxDrained = Math.max(maxDrained, l.drained.length);
      const deploying = g.state.hosts.some((h) => h.services.some((s) => s.note?.code === "deploying"));
      if (deploying || l.markedDown.length) lastBackAt = g.state.tick;
      if (endedAt < 0 && !g.state.effects.some((e) => e.kind === "deploy")) endedAt = g.state.tick;
    });
    expect(sum.errors + sum.dropped).toBe(0);
    expect(maxDrained).toBe(1);
    expect(game.state.hosts.filter((h) => h.services.some((s) => s.kind === "app" && (s as { codeVersion: number }).codeVersion === 2))).toHaveLength(3);
    // Three restarts back to back, each followed by the checks' verdict.
    expect(endedAt).toBeGreaterThan(lastBackAt);
    expect(endedAt - (game.state.tick - 900)).toBeGreaterThanOrEqual(3 * COSTS.deployTicks);
  });
});

// Health checks with HAProxy's semantics (shared/reference/haproxy-2.6-measured.md): a dead server
// is marked down after `fall` failed checks and keeps its share until then (those requests fail),
// unless `option redispatch` sends them to a live server; it comes back after `rise` passed checks.
import { describe, expect, it } from "vitest";
import { haproxyFiles } from "../../shared/export/haproxy.js";
import { hostOf, must, newGame, requestsByHost, run, setDemand, webFarm } from "./helpers.js";

const INTER = 10;

function killOne(opts: { fall?: number; rise?: number; redispatch?: boolean } = {}) {
  const game = newGame();
  const farm = webFarm(game, 2, { algorithm: "roundrobin", healthCheck: true, checkInterval: INTER });
  must(game, { type: "configureLb", host: farm.lb, ...opts });
  setDemand(game, 200);
  run(game, 60);
  // Kill it right after a check, so detection takes whole intervals.
  while (game.state.tick % INTER !== 1) game.step();
  hostOf(game, "web-01").status = "down";
  const failed: number[] = [];
  const share: number[] = [];
  run(game, 60, (r) => {
    failed.push(r.errors[0] + r.errors[1] + r.errors[2]);
    share.push((r.errors[0] + r.errors[1] + r.errors[2]) / (r.demand[0] + r.demand[1] + r.demand[2]));
  });
  return { game, farm, failed, share };
}

const lastFailure = (failed: number[]) => failed.reduce((last, e, i) => (e > 0 ? i : last), -1);

describe("health checks: inter, fall, rise", () => {
  it("with the default fall 3 a dead server keeps its share for three checks: half the requests fail", () => {
    const { failed, share, game } = killOne();
    expect(game.state.hosts.find((h) => h.name === "lb-01")!.services.find((s) => s.kind === "lb")).toMatchObject({ fall: 3, rise: 2, redispatch: false });
    const last = lastFailure(failed);
    expect(last).toBeGreaterThanOrEqual(2 * INTER);
    expect(last).toBeLessThan(3 * INTER);
    // Round robin over two: about half of what users send goes to the dead one.
    expect(share[5]).toBeGreaterThan(0.4);
    expect(share[5]).toBeLessThan(0.6);
    expect(failed.slice(last + 1).every((e) => e === 0)).toBe(true);
  });

  it("fall 1 marks it down at the first failed check", () => {
    const last = lastFailure(killOne({ fall: 1 }).failed);
    expect(last).toBeGreaterThanOrEqual(0);
    expect(last).toBeLessThan(INTER);
  });

  it("option redispatch sends the dead server's share to the live one: nothing fails", () => {
    const { failed, game } = killOne({ redispatch: true });
    expect(failed.every((e) => e === 0)).toBe(true);
    const r = requestsByHost(game, game.step());
    expect(r["web-02"]).toBeGreaterThan(0);
  });

  it("a repaired server gets traffic again only after `rise` passed checks", () => {
    for (const rise of [1, 3]) {
      const { game } = killOne({ rise });
      hostOf(game, "web-01").status = "up";
      while (game.state.tick % INTER !== 1) game.step();
      let firstTraffic = -1;
      run(game, 50, (r, g) => {
        const got = requestsByHost(g, r)["web-01"];
        if (firstTraffic < 0 && got > 0) firstTraffic = g.state.tick;
      });
      const since = firstTraffic - (game.state.tick - 50);
      expect(since).toBeGreaterThan((rise - 1) * INTER);
      expect(since).toBeLessThanOrEqual(rise * INTER);
    }
  });

  it("a bad fall or rise is refused, and the config exports them with option redispatch", () => {
    const { game, farm } = killOne({ fall: 2, rise: 5, redispatch: true });
    expect(game.apply({ type: "configureLb", host: farm.lb, fall: 0 } as never).ok).toBe(false);
    expect(game.apply({ type: "configureLb", host: farm.lb, rise: 11 } as never).ok).toBe(false);
    const cfg = haproxyFiles(game.state)[0].content;
    expect(cfg).toContain(" check inter 1000 fall 2 rise 5");
    expect(cfg).toContain("option redispatch");
  });
});

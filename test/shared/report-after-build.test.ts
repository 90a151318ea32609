// The report a paused player sees stays the last tick's report after a build: buying a server
// must not make the dashboard read "every request is answered".
import { describe, expect, it } from "vitest";
import { applyCommands, decodeReasonKey, SOLO_ACTOR } from "../../shared/index.js";
import { buy, hostOf, must, newGame, run, setDemand } from "./helpers.js";

function overloadedSite() {
  const game = newGame();
  const web = buy(game, "web-01", ["web", "app", "db"], { public: true, tier: "small" });
  must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!], ttl: 50 });
  setDemand(game, 2000);
  run(game, 200);
  return { game, web };
}

const failedOf = (r: { errors: number[]; dropped: number[] }) => r.errors.slice(0, 3).reduce((a, b) => a + b, 0) + r.dropped.slice(0, 3).reduce((a, b) => a + b, 0);

describe("the report after a command", () => {
  it("buying a server keeps the last tick's demand, failures and per-host figures", () => {
    const { game, web } = overloadedSite();
    const before = game.report();
    const seen = { tick: before.tick, demand: [...before.demand], failed: failedOf(before), reasons: [...before.reasons].length, util: before.hostUtil[0], requests: before.hostRequests[0] };
    expect(seen.demand[1]).toBeGreaterThan(0);
    expect(seen.failed).toBeGreaterThan(0);

    const outcomes = applyCommands(game, { tick: game.tick, cmds: [{ by: SOLO_ACTOR, seq: 1, cmd: { type: "buyHost", tier: "small", public: false, name: "web-02" } }] });
    expect(outcomes[0].verdict.ok).toBe(true);

    const after = game.report();
    expect(after.tick).toBe(seen.tick);
    expect(after.demand).toEqual(seen.demand);
    expect(failedOf(after)).toBe(seen.failed);
    expect([...after.reasons].length).toBe(seen.reasons);
    // The old host keeps its figures at its (unchanged) index; the new one starts at zero.
    expect(game.state.hosts[0].id).toBe(web);
    expect(after.hostUtil[0]).toBe(seen.util);
    expect(after.hostRequests[0]).toBe(seen.requests);
    expect(after.hostRequests).toHaveLength(2);
    expect(after.hostRequests[1]).toBe(0);
  });

  it("selling a server moves the others' figures and failure reasons to their new indexes", () => {
    const game = newGame();
    buy(game, "spare", [], { tier: "small" });
    buy(game, "web-01", ["web", "app", "db"], { public: true, tier: "small" });
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!], ttl: 50 });
    setDemand(game, 2000);
    run(game, 200);
    const r = game.report();
    const util = r.hostUtil[1];
    const failedAtWeb = [...r.reasons].filter(([k]) => decodeReasonKey(k).hostIndex === 1).reduce((a, [, n]) => a + n, 0);
    expect(util).toBeGreaterThan(0);
    expect(failedAtWeb).toBeGreaterThan(0);

    must(game, { type: "sellHost", host: hostOf(game, "spare").id });
    expect(game.state.hosts.map((h) => h.name)).toEqual(["web-01"]);
    const after = game.report();
    expect(after.hostUtil[0]).toBe(util);
    expect([...after.reasons].filter(([k]) => decodeReasonKey(k).hostIndex === 0).reduce((a, [, n]) => a + n, 0)).toBe(failedAtWeb);
    expect(failedOf(after)).toBe(failedOf(r));
  });

  it("the next step reports the new board", () => {
    const { game } = overloadedSite();
    must(game, { type: "buyHost", tier: "small", public: false, name: "web-02" });
    const next = game.step();
    expect(next.tick).toBe(game.tick - 1);
    expect(next.hostRequests).toHaveLength(2);
  });
});

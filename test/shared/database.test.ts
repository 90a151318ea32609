import { describe, expect, it } from "vitest";
import { findService } from "../../shared/index.js";
import { buy, hostOf, must, newGame, run, setDemand, webFarm } from "./helpers.js";
import { fire } from "../../shared/sim/events.js";

function replicated(mode: "async" | "semisync") {
  const game = newGame();
  const farm = webFarm(game, 2, { healthCheck: true });
  const replica = buy(game, "db-02", ["db"], { tier: "large" });
  for (const w of farm.webs) must(game, { type: "connect", from: w, to: replica });
  must(game, { type: "connect", from: replica, to: farm.db });
  if (mode === "semisync") must(game, { type: "setReplication", mode });
  setDemand(game, 600);
  return { game, farm, replica };
}

describe("primary and replica", () => {
  it("a second database installs as a replica and takes reads, never writes", () => {
    const { game } = replicated("async");
    run(game, 100);
    expect(findService(hostOf(game, "db-02"), "db")!.role).toBe("replica");
    const r = game.step();
    const i = game.state.hosts.findIndex((h) => h.name === "db-02");
    const p = game.state.hosts.findIndex((h) => h.name === "db-01");
    // Reads (40 % of traffic) go to the replica, writes (10 %) to the primary.
    expect(r.hostRequests[p]).toBeGreaterThan(0);
    expect(r.hostRequests[i] / r.hostRequests[p]).toBeGreaterThan(3);
    expect(r.hostRequests[i] / r.hostRequests[p]).toBeLessThan(5);
  });

  it("primary down: writes fail, reads go on", () => {
    const { game } = replicated("async");
    run(game, 100);
    fire(game.state, { kind: "primary-crash", target: "@primary", duration: 0, size: 0 });
    const sum = run(game, 50);
    expect(sum.reasons.get("db-down") ?? 0).toBeGreaterThan(0);
    // About one request in ten is a write; the rest are still served.
    expect(sum.served / sum.demand).toBeGreaterThan(0.85);
    expect(sum.served / sum.demand).toBeLessThan(0.95);
  });

  it("promoting a replica restores writes; async replication loses the writes inside the lag, semi-sync none", () => {
    const lost = (mode: "async" | "semisync") => {
      const { game, replica } = replicated(mode);
      run(game, 100);
      fire(game.state, { kind: "primary-crash", target: "@primary", duration: 0, size: 0 });
      run(game, 10);
      must(game, { type: "promoteReplica", host: replica });
      const after = run(game, 50);
      expect(after.errors).toBe(0);
      expect(findService(hostOf(game, "db-02"), "db")!.role).toBe("primary");
      return game.state.totals.lostWrites;
    };
    expect(lost("async")).toBeGreaterThan(0);
    expect(lost("semisync")).toBe(0);
  });

  it("a primary that comes back keeps its writes: nothing is lost unless a replica is promoted", () => {
    const { game, farm, replica } = replicated("async");
    run(game, 100);
    fire(game.state, { kind: "host-failure", target: "db-01", duration: 0, size: 0 });
    expect(game.state.unreplicatedWrites).toBeGreaterThan(0);
    must(game, { type: "repairHost", host: farm.db });
    run(game, 200);
    expect(game.state.unreplicatedWrites).toBe(0);
    must(game, { type: "promoteReplica", host: replica });
    expect(game.state.totals.lostWrites).toBe(0);
  });

  it("semi-sync makes writes slower and leaves reads alone", () => {
    const latency = (mode: "async" | "semisync") => {
      const { game } = replicated(mode);
      run(game, 100);
      const r = game.step();
      return { read: r.meanMs[1], write: r.meanMs[2] };
    };
    const a = latency("async");
    const s = latency("semisync");
    expect(s.write - a.write).toBeGreaterThan(9);
    expect(s.read).toBeCloseTo(a.read, 6);
  });

  it("a full disk stops writes until the logs are purged", () => {
    const { game, farm } = replicated("async");
    run(game, 100);
    findService(hostOf(game, "db-01"), "db")!.diskPermille = 1000;
    expect(run(game, 20).reasons.get("disk-full") ?? 0).toBeGreaterThan(0);
    must(game, { type: "purgeDisk", host: farm.db });
    expect(run(game, 20).reasons.get("disk-full") ?? 0).toBe(0);
  });
});

// Two A records: a client whose first address is dead waits for a connect timeout before it tries
// the next one, and some of its users give up meanwhile (shared/sim/hops/dns.ts).
import { describe, expect, it } from "vitest";
import { BUCKET_WEIGHTS, CONNECT_TIMEOUT_MS, GIVE_UP_PERMILLE } from "../../shared/index.js";
import { buy, hostOf, must, newGame, run, setDemand } from "./helpers.js";

/** Two public web+app servers sharing one database, both in www's A record (web-01's address first). */
function twoRecords(ttl = 50) {
  const game = newGame();
  const db = buy(game, "db-01", ["db"], { tier: "large" });
  for (const name of ["web-01", "web-02"]) {
    const id = buy(game, name, ["web", "app"], { public: true, tier: "large" });
    must(game, { type: "connect", from: id, to: db });
  }
  must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!, hostOf(game, "web-02").publicIp!], ttl });
  setDemand(game, 1000);
  run(game, ttl + 20);
  return game;
}

/** Share of legitimate traffic from the client buckets whose first try is the record's first address (buckets 0, 2, 4, …). */
const firstAddressShare = BUCKET_WEIGHTS.filter((_, b) => b % 2 === 0).reduce((a, w) => a + w, 0) / 1000;

describe("DNS with two A records: a dead first address costs a connect timeout", () => {
  it("users whose first address is a dead server wait the timeout; a share of them give up", () => {
    const game = twoRecords();
    hostOf(game, "web-01").status = "down";
    const sum = run(game, 50);
    // The old game retried after 300 ms and lost nothing.
    expect(sum.errors + sum.dropped).toBeGreaterThan(0);
    expect([...sum.reasons.keys()]).toEqual(["connect-timeout"]);
    const expected = firstAddressShare * (GIVE_UP_PERMILLE / 1000);
    expect(sum.reasons.get("connect-timeout")! / sum.demand).toBeCloseTo(expected, 2);
    // Those who waited were served, the timeout later: it shows in the p95.
    expect(sum.p95).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS);
    expect(sum.served / sum.demand).toBeCloseTo(1 - expected, 2);
  });

  it("the give-up is named after the address that did not answer", () => {
    const game = twoRecords();
    hostOf(game, "web-01").status = "down";
    const r = game.step();
    const webIndex = game.state.hosts.findIndex((h) => h.name === "web-01");
    expect(r.hostErrors[webIndex]).toBeGreaterThan(0);
    expect(r.entryFailed[webIndex]).toBeCloseTo(r.hostErrors[webIndex], 6);
  });

  it("a live server that refuses the connection (Nginx stopped) costs one round trip, not a timeout", () => {
    const game = twoRecords();
    const web = hostOf(game, "web-01");
    web.services.find((s) => s.kind === "web")!.status = "down";
    const sum = run(game, 50);
    expect(sum.errors + sum.dropped).toBe(0);
    expect(sum.p95).toBeLessThan(1000);
  });

  it("taking the dead address out of DNS ends the cost once the caches expire", () => {
    const ttl = 50;
    const game = twoRecords(ttl);
    hostOf(game, "web-01").status = "down";
    run(game, 10);
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-02").publicIp!], ttl });
    run(game, ttl + 1);
    const after = run(game, 50);
    expect(after.errors + after.dropped).toBe(0);
    expect(after.p95).toBeLessThan(1000);
  });

  it("with one record there is no next address: every request to the dead server fails as before", () => {
    const game = twoRecords();
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!], ttl: 50 });
    run(game, 60);
    hostOf(game, "web-01").status = "down";
    const sum = run(game, 20);
    expect(sum.served).toBe(0);
    expect([...sum.reasons.keys()]).toEqual(["host-down"]);
  });
});

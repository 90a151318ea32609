// A load-balancer pair, active-passive (one virtual IP, keepalived moves it) against active-active
// (both addresses in DNS): what each uses, how long a failover takes, and what clients see meanwhile.
import { describe, expect, it } from "vitest";
import { BUCKET_WEIGHTS, CONNECT_TIMEOUT_MS, GIVE_UP_PERMILLE, TIER_LB, TIERS, type Game, type TickReport } from "../../shared/index.js";
import { masterDownTicks, scriptFaultTicks } from "../../shared/sim/vrrp.js";
import { buy, hostOf, must, newGame, run, setDemand, webFarm } from "./helpers.js";

const TTL = 50;

function pair(mode: "active-passive" | "active-active"): Game {
  const game = newGame();
  const farm = webFarm(game, 2, { healthCheck: true, checkInterval: 10 });
  const lb2 = buy(game, "lb-02", ["lb"], { public: true, tier: "large" });
  for (const w of farm.webs) must(game, { type: "connect", from: lb2, to: w });
  must(game, { type: "configureLb", host: lb2, algorithm: "roundrobin", healthCheck: true, checkInterval: 10 });
  must(game, { type: "createLbPair", a: farm.lb, b: lb2, mode });
  const values = mode === "active-passive" ? [game.state.pairs[0].vip!] : [hostOf(game, "lb-01").publicIp!, hostOf(game, "lb-02").publicIp!];
  must(game, { type: "setDns", recordType: "A", values, ttl: TTL });
  setDemand(game, 400);
  run(game, TTL * 2 + 10);
  return game;
}

/** Requests each balancer took at its HAProxy this tick, as a share of the legitimate demand. */
function lbShares(game: Game, r: TickReport): [number, number] {
  const demand = r.demand[0] + r.demand[1] + r.demand[2];
  const at = (name: string) => r.serviceRequests[game.state.hosts.findIndex((h) => h.name === name) * TIERS + TIER_LB] / demand;
  return [at("lb-01"), at("lb-02")];
}

/** Ticks in a row, from now, in which legitimate requests failed; then steps a little more. */
function failingTicks(game: Game): { ticks: number; reasons: Set<string> } {
  const reasons = new Set<string>();
  let ticks = 0;
  for (;;) {
    const sum = run(game, 1);
    if (sum.errors + sum.dropped === 0) break;
    for (const k of sum.reasons.keys()) reasons.add(k);
    ticks++;
    if (ticks > 500) break;
  }
  return { ticks, reasons };
}

/** Share of legitimate traffic from the client buckets whose first try is the record's first address. */
const firstAddressShare = BUCKET_WEIGHTS.filter((_, b) => b % 2 === 0).reduce((a, w) => a + w, 0) / 1000;

describe("load-balancer pairs differ in numbers", () => {
  it("capacity: active-passive leaves the standby idle; active-active splits the traffic by the clients' first address", () => {
    const passive = pair("active-passive");
    const [held, standby] = lbShares(passive, passive.step());
    expect(held).toBeCloseTo(1, 6);
    expect(standby).toBe(0);
    expect(hostOf(passive, "lb-02").utilPermille).toBe(0);

    const active = pair("active-active");
    const [a, b] = lbShares(active, active.step());
    expect(a).toBeCloseTo(firstAddressShare, 6);
    expect(b).toBeCloseTo(1 - firstAddressShare, 6);
    expect(hostOf(active, "lb-02").utilPermille).toBeGreaterThan(0);
  });

  it("active-passive, the active server dies: every request to the virtual IP fails until keepalived moves it (3 adverts + skew = 3.6 s)", () => {
    const game = pair("active-passive");
    expect(masterDownTicks()).toBe(36);
    hostOf(game, "lb-01").status = "down";
    const { ticks, reasons } = failingTicks(game);
    expect(ticks).toBe(masterDownTicks());
    expect([...reasons]).toEqual(["vip-moving"]);
    const after = run(game, 20);
    expect(after.served).toBe(after.demand);
    expect(lbShares(game, game.step())[1]).toBeCloseTo(1, 6);
    expect(game.state.incidents.some((i) => i.kind === "failover")).toBe(true);
  });

  it("active-passive, HAProxy dies on a live server: keepalived's check script moves the address sooner (2 checks + skew = 2.6 s)", () => {
    const game = pair("active-passive");
    expect(scriptFaultTicks()).toBe(26);
    hostOf(game, "lb-01").services.find((s) => s.kind === "lb")!.status = "down";
    const { ticks } = failingTicks(game);
    expect(ticks).toBe(scriptFaultTicks());
  });

  it("active-active, one balancer dies: its clients wait a connect timeout, a quarter of them give up, until DNS drops it", () => {
    const game = pair("active-active");
    hostOf(game, "lb-01").status = "down";
    const during = run(game, 100);
    expect([...during.reasons.keys()]).toEqual(["connect-timeout"]);
    expect(during.reasons.get("connect-timeout")! / during.demand).toBeCloseTo((firstAddressShare * GIVE_UP_PERMILLE) / 1000, 3);
    expect(during.p95).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS);
    // Nothing moves by itself: the cost lasts as long as the record names the dead balancer.
    const still = run(game, 100);
    expect(still.errors).toBeGreaterThan(0);
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "lb-02").publicIp!], ttl: TTL });
    run(game, TTL + 1);
    const after = run(game, 50);
    expect(after.errors + after.dropped).toBe(0);
    expect(after.p95).toBeLessThan(1000);
  });

  it("the two modes lose different amounts to the same failure", () => {
    const lost = (mode: "active-passive" | "active-active") => {
      const game = pair(mode);
      hostOf(game, "lb-01").status = "down";
      const sum = run(game, 200);
      // Unrounded: whole requests per tick would round a 13 % share of 40 requests unevenly.
      return [...sum.reasons.values()].reduce((a, b) => a + b, 0) / sum.demand;
    };
    const passive = lost("active-passive");
    const active = lost("active-active");
    // Active-passive: everything for 3.6 s of 20 s, then nothing. Active-active: 13 % for all 20 s.
    expect(passive).toBeCloseTo(masterDownTicks() / 200, 2);
    expect(active).toBeCloseTo((firstAddressShare * GIVE_UP_PERMILLE) / 1000, 2);
  });
});

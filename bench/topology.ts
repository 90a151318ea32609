// Builds large boards for benchmarks through real player commands: load balancers in front,
// web+application servers behind them, a primary with replicas. Used by the simulation benchmark
// and by tests that need a big, busy topology. The board runs a bench-only scenario (the endless
// rules with demand pinned: no growth, no daily cycle, nothing random), so a measured tick does
// the same work as the next one instead of collapsing under compounding traffic.
import { endless } from "../shared/content/scenarios/endless.js";
import type { Scenario } from "../shared/content/scenario.js";
import { Game } from "../shared/index.js";

export interface BigBoard {
  game: Game;
  hosts: number;
  links: number;
}

function must(game: Game, cmd: unknown): void {
  const v = game.apply(cmd);
  if (!v.ok) throw new Error(`bench topology: ${JSON.stringify(cmd)} rejected: ${v.reason}`);
}

/** The endless rules with a fixed demand of `rps` legitimate requests per second and a flood from launch on. */
export function benchScenario(rps: number, ddosRps: number): Scenario {
  const forever = 1_000_000_000;
  return {
    ...endless,
    money: 1_000_000_000_00,
    traffic: { ...endless.traffic, baseRps: rps, growthPerMinute: 0, dailySwing: 0 },
    events: ddosRps > 0 ? [{ at: 0, kind: "ddos", target: "@lb", duration: forever, size: ddosRps }] : [],
    // Nothing random: a failure, a breach (reputation, hence demand) or chaos would move the load.
    random: { hostFailure: 0, processCrash: 0, sshCompromise: 0, dbBreach: 0, eavesdrop: 0, chaosEvery: 0 },
  };
}

/** About `hosts` servers with heavy legitimate traffic (~`loadPercent` of the tightest tier's capacity), and a DDoS. */
export function buildBigBoard(hosts: number, seed = 1, loadPercent = 80, ddosRps = 0): BigBoard {
  const lbCount = Math.min(8, Math.max(1, Math.floor(hosts / 50)));
  const dbCount = Math.max(2, Math.floor(hosts / 10));
  const webCount = hosts - lbCount - dbCount;
  // Demand as the wanted share of the tightest tier: web+application servers, load balancers, or
  // the one primary that takes every write (10 % of requests, 400 milli units each on a large host).
  const perRequestWork = 0.5 * 100 + 0.4 * 330 + 0.1 * 430;
  const capacityRps = Math.min((webCount * 10000 * 10) / perRequestWork, (lbCount * 40000 * 10) / 20, (40000 * 10) / (0.1 * 400));
  const game = Game.withScenario(benchScenario(Math.floor((capacityRps * loadPercent) / 100), ddosRps), seed);
  const idOf = (name: string) => game.state.hosts.find((h) => h.name === name)!.id;
  for (let i = 0; i < lbCount; i++) must(game, { type: "buyHost", tier: "large", public: true, name: `lb-${i + 1}` });
  for (let i = 0; i < webCount; i++) must(game, { type: "buyHost", tier: "medium", public: false, name: `web-${i + 1}` });
  for (let i = 0; i < dbCount; i++) must(game, { type: "buyHost", tier: "large", public: false, name: `db-${i + 1}` });
  for (let i = 0; i < 60; i++) game.step();
  for (let i = 0; i < lbCount; i++) {
    const id = idOf(`lb-${i + 1}`);
    must(game, { type: "install", host: id, service: "lb" });
    must(game, { type: "install", host: id, service: "monitor" });
  }
  for (let i = 0; i < webCount; i++) {
    const id = idOf(`web-${i + 1}`);
    for (const service of ["web", "app", "monitor"]) must(game, { type: "install", host: id, service });
  }
  for (let i = 0; i < dbCount; i++) must(game, { type: "install", host: idOf(`db-${i + 1}`), service: "db" });
  // No `balance source` here: today's source hash piles client buckets onto a few backends (issue 9),
  // which would make the board drop requests, lose reputation and so drift off its pinned demand.
  for (let i = 0; i < lbCount; i++) {
    const lb = idOf(`lb-${i + 1}`);
    must(game, { type: "configureLb", host: lb, algorithm: i % 2 === 0 ? "leastconn" : "roundrobin", healthCheck: true, checkInterval: 20, rateLimit: 20 });
  }
  for (let w = 0; w < webCount; w++) {
    const web = idOf(`web-${w + 1}`);
    must(game, { type: "connect", from: idOf(`lb-${(w % lbCount) + 1}`), to: web });
    must(game, { type: "connect", from: web, to: idOf("db-1") });
    must(game, { type: "connect", from: web, to: idOf(`db-${2 + (w % (dbCount - 1))}`) });
  }
  const ips = game.state.hosts.filter((h) => h.name.startsWith("lb-")).map((h) => h.publicIp!);
  // Installing takes a while: launch (the DNS record) only once every service runs.
  for (let i = 0; i < 120; i++) game.step();
  must(game, { type: "setDns", recordType: "A", values: ips, ttl: 50 });
  return { game, hosts: game.state.hosts.length, links: game.state.links.length };
}

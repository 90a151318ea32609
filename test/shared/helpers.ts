// Builders for simulation tests: real games driven by real commands, stepped tick by tick.
import { findScenario, Game, REASONS, type Command, type Scenario, type TickReport } from "../../shared/index.js";

/** Endless mode with nothing random and nothing scripted: only what the test does happens. */
export const QUIET: Scenario = {
  ...findScenario("endless")!,
  events: [],
  traffic: { ...findScenario("endless")!.traffic, growthPerMinute: 0, dailySwing: 0 },
  random: { hostFailure: 0, processCrash: 0, sshCompromise: 0, dbBreach: 0, eavesdrop: 0, chaosEvery: 0 },
};

export function newGame(scenario: Scenario | string = QUIET, seed = 1): Game {
  const game = typeof scenario === "string" ? Game.create(scenario, seed) : Game.withScenario(scenario, seed);
  game.state.money = 100_000_000_00; // tests are about mechanics, not budgets
  return game;
}

export function must(game: Game, cmd: Command): void {
  const v = game.apply(cmd);
  if (!v.ok) throw new Error(`${JSON.stringify(cmd)} was rejected: ${v.reason}`);
}

export function idOf(game: Game, name: string): number {
  const host = game.state.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`no host ${name}`);
  return host.id;
}

export function hostOf(game: Game, name: string) {
  return game.state.hosts[game.state.hosts.findIndex((h) => h.name === name)];
}

/** Steps until nothing is provisioning or installing. */
export function settle(game: Game, max = 500): void {
  for (let i = 0; i < max; i++) {
    const busy = game.state.hosts.some((h) => h.status === "starting" || h.services.some((s) => s.status === "starting"));
    if (!busy) return;
    game.step();
  }
  throw new Error("hosts never finished starting");
}

export function buy(game: Game, name: string, services: ("web" | "app" | "db" | "lb" | "firewall" | "monitor")[], opts: { tier?: "small" | "medium" | "large"; public?: boolean } = {}): number {
  must(game, { type: "buyHost", tier: opts.tier ?? "medium", public: opts.public ?? false, name });
  const id = idOf(game, name);
  settle(game);
  for (const service of services) must(game, { type: "install", host: id, service });
  settle(game);
  return id;
}

/** Runs `ticks` ticks and adds up the reports. */
export function run(game: Game, ticks: number, each?: (r: TickReport, game: Game) => void) {
  const sum = { demand: 0, served: 0, errors: 0, dropped: 0, reasons: new Map<string, number>(), p95: 0 };
  for (let i = 0; i < ticks; i++) {
    const r = game.step();
    for (let c = 0; c < 3; c++) {
      sum.demand += r.demand[c];
      sum.served += r.served[c];
      sum.errors += r.errors[c];
      sum.dropped += r.dropped[c];
    }
    sum.p95 = Math.max(sum.p95, r.p95Ms);
    for (const [key, count] of r.reasons) {
      const code = REASONS[Math.floor(key / 65536)].code;
      sum.reasons.set(code, (sum.reasons.get(code) ?? 0) + count);
    }
    each?.(r, game);
  }
  return sum;
}

/** Sets legitimate demand to about `rps` requests per second (before the daily cycle). */
export function setDemand(game: Game, rps: number): void {
  game.state.growthPermille = Math.max(1, Math.round((rps / game.scenario.traffic.baseRps) * 1000));
}

/** A load balancer in front of `backends` web+app servers sharing one primary database. */
export function webFarm(game: Game, backends: number, lb: { algorithm?: "roundrobin" | "leastconn" | "source"; healthCheck?: boolean; checkInterval?: number } = {}, tiers: ("small" | "medium" | "large")[] = []) {
  const db = buy(game, "db-01", ["db"], { tier: "large" });
  const lbId = buy(game, "lb-01", ["lb"], { public: true, tier: "large" });
  const webs: number[] = [];
  for (let i = 0; i < backends; i++) {
    const id = buy(game, `web-0${i + 1}`, ["web", "app"], { tier: tiers[i] ?? "medium" });
    must(game, { type: "connect", from: lbId, to: id });
    must(game, { type: "connect", from: id, to: db });
    webs.push(id);
  }
  must(game, { type: "configureLb", host: lbId, algorithm: lb.algorithm ?? "roundrobin", healthCheck: lb.healthCheck ?? false, checkInterval: lb.checkInterval ?? 20 });
  must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "lb-01").publicIp!], ttl: 50 });
  return { db, lb: lbId, webs };
}

/** Requests each host handled in one tick, by name. */
export function requestsByHost(game: Game, r: TickReport): Record<string, number> {
  const out: Record<string, number> = {};
  game.state.hosts.forEach((h, i) => (out[h.name] = r.hostRequests[i]));
  return out;
}

// The benchmark board: a big endless-mode site built with the same commands a player would use,
// then pushed to the requested traffic. It lives with the benchmark, never in the product: only
// here is the state touched directly (money, growth) to reach the numbers quickly, so the bench
// page (bench/page/) is the only page that can show such a board.
import { Game, TICKS_PER_SECOND, findScenario, type Command } from "../shared/index.js";

export interface BenchParams {
  hosts: number;
  rps: number;
  seed: number;
}

/** Reads the bench page's `?bench=200&rps=1000000[&seed=7]`; null without `bench`. */
export function parseBenchParams(search: string): BenchParams | null {
  const q = new URLSearchParams(search);
  if (!q.has("bench")) return null;
  const hosts = clampInt(q.get("bench"), 200, 3, 1000);
  const rps = clampInt(q.get("rps"), 100, 1, 100_000_000);
  const seed = clampInt(q.get("seed"), 7, 0, 0xffffffff);
  return { hosts, rps, seed };
}

function clampInt(text: string | null, fallback: number, min: number, max: number): number {
  const n = Number(text);
  return Number.isFinite(n) && text !== null && text !== "" ? Math.max(min, Math.min(max, Math.floor(n))) : fallback;
}

/** Builds the board; throws if the simulation rejects a command (the bench must not lie). */
export function buildBenchGame(p: BenchParams): Game {
  const game = Game.create("endless", p.seed);
  game.state.money = 1_000_000_000; // bench only: enough to buy hundreds of servers
  const run = (cmd: Command) => {
    const v = game.apply(cmd);
    if (!v.ok) throw new Error(`bench board: ${cmd.type} rejected: ${v.reason}`);
  };
  const lbCount = Math.min(4, Math.max(1, Math.floor(p.hosts / 50)));
  const dbCount = Math.max(1, Math.floor((p.hosts - lbCount) / 3));
  const webCount = Math.max(1, p.hosts - lbCount - dbCount);
  const ids = () => game.state.hosts[game.state.hosts.length - 1].id;
  const lbs: number[] = [];
  const webs: number[] = [];
  const dbs: number[] = [];
  for (let i = 0; i < lbCount; i++) {
    run({ type: "buyHost", tier: "large", public: true, name: `lb-${pad(i + 1)}` });
    lbs.push(ids());
    run({ type: "install", host: ids(), service: "lb" });
  }
  for (let i = 0; i < webCount; i++) {
    run({ type: "buyHost", tier: "large", public: false, name: `web-${pad(i + 1)}` });
    webs.push(ids());
    run({ type: "install", host: ids(), service: "web" });
    run({ type: "install", host: ids(), service: "app" });
  }
  for (let i = 0; i < dbCount; i++) {
    run({ type: "buyHost", tier: "large", public: false, name: `db-${pad(i + 1)}` });
    dbs.push(ids());
    run({ type: "install", host: ids(), service: "db" });
    run({ type: "install", host: ids(), service: "monitor" });
  }
  webs.forEach((w, i) => {
    run({ type: "connect", from: lbs[i % lbs.length], to: w });
    run({ type: "connect", from: w, to: dbs[0] });
    if (dbs.length > 1) run({ type: "connect", from: w, to: dbs[1 + (i % (dbs.length - 1))] });
  });
  for (const lb of lbs) run({ type: "configureLb", host: lb, healthCheck: true, algorithm: "leastconn" });
  const ips = game.state.hosts.filter((h) => h.publicIp).map((h) => h.publicIp!);
  run({ type: "setDns", recordType: "A", values: ips.slice(0, 4), ttl: 50 });
  // Let the machines boot and the services install before the traffic arrives.
  for (let t = 0; t < 120 && !game.state.ended; t++) game.step();
  const base = findScenario("endless")!.traffic.baseRps;
  game.state.growthPermille = Math.max(1, Math.round((p.rps * 1000) / base)); // bench only
  for (let t = 0; t < 2 * TICKS_PER_SECOND && !game.state.ended; t++) game.step();
  return game;
}

function pad(n: number): string {
  return n.toString().padStart(3, "0");
}

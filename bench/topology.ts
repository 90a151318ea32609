// Builds large boards for benchmarks through real player commands: load balancers in front,
// web+application servers behind them, a primary with replicas. Used by the simulation benchmark
// and by tests that need a big, busy topology.
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

/** About `hosts` servers with heavy legitimate traffic (~`loadPercent` of capacity), a DDoS and an SSH brute force. */
export function buildBigBoard(hosts: number, seed = 1, loadPercent = 80, ddosRps = 0): BigBoard {
  const game = Game.create("endless", seed);
  game.state.money = 1_000_000_000_00;
  const lbCount = Math.min(8, Math.max(1, Math.floor(hosts / 50)));
  const dbCount = Math.max(2, Math.floor(hosts / 10));
  const webCount = hosts - lbCount - dbCount;
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
  for (let i = 0; i < lbCount; i++) {
    const lb = idOf(`lb-${i + 1}`);
    must(game, { type: "configureLb", host: lb, algorithm: i % 3 === 0 ? "leastconn" : i % 3 === 1 ? "roundrobin" : "source", healthCheck: true, checkInterval: 20, rateLimit: 20 });
  }
  for (let w = 0; w < webCount; w++) {
    const web = idOf(`web-${w + 1}`);
    must(game, { type: "connect", from: idOf(`lb-${(w % lbCount) + 1}`), to: web });
    must(game, { type: "connect", from: web, to: idOf("db-1") });
    must(game, { type: "connect", from: web, to: idOf(`db-${2 + (w % (dbCount - 1))}`) });
  }
  const ips = game.state.hosts.filter((h) => h.name.startsWith("lb-")).map((h) => h.publicIp!);
  must(game, { type: "setDns", recordType: "A", values: ips, ttl: 50 });
  for (let i = 0; i < 120; i++) game.step();
  // Scale demand to the wanted share of the tighter of web/app and load-balancer capacity.
  const perRequestWork = 0.5 * 100 + 0.4 * 330 + 0.1 * 430;
  const capacityRps = Math.min((webCount * 10000 * 10) / perRequestWork, (lbCount * 40000 * 10) / 20);
  const baseRps = game.scenario.traffic.baseRps;
  game.state.growthPermille = Math.max(1000, Math.floor(((capacityRps * loadPercent) / 100 / baseRps) * 1000));
  if (ddosRps > 0) game.state.effects.push({ kind: "ddos", until: 1_000_000_000, size: ddosRps, queue: [] });
  game.state.effects.push({ kind: "ssh-bruteforce", until: 1_000_000_000, size: 0, queue: [] });
  return { game, hosts: game.state.hosts.length, links: game.state.links.length };
}

// Writes examples/*.json: the curriculum's four designs as save files, built through real game
// commands (so they stay valid when the simulation changes: run `npm run make-examples` again).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Game, type Command } from "../shared/index.js";

type Service = "web" | "app" | "db" | "lb" | "firewall" | "monitor";

class Builder {
  readonly game: Game;
  constructor(scenario: string) {
    this.game = Game.create(scenario, 42);
  }
  id(name: string): number {
    const h = this.game.state.hosts.find((x) => x.name === name);
    if (!h) throw new Error(`no host ${name}`);
    return h.id;
  }
  ip(name: string): string {
    return this.game.state.hosts.find((x) => x.name === name)!.publicIp!;
  }
  do(...cmds: Command[]): this {
    for (const cmd of cmds) {
      const v = this.game.apply(cmd);
      if (!v.ok) throw new Error(`${this.game.scenario.id}: ${JSON.stringify(cmd)} was rejected: ${v.reason}`);
    }
    return this;
  }
  buy(name: string, tier: "small" | "medium" | "large", isPublic: boolean): this {
    return this.do({ type: "buyHost", tier, public: isPublic, name }).settle();
  }
  install(name: string, ...services: Service[]): this {
    return this.do(...services.map((service): Command => ({ type: "install", host: this.id(name), service }))).settle();
  }
  link(...pairs: [string, string][]): this {
    return this.do(...pairs.map(([a, b]): Command => ({ type: "connect", from: this.id(a), to: this.id(b) })));
  }
  settle(): this {
    for (let i = 0; i < 500; i++) {
      const s = this.game.state;
      if (!s.hosts.some((h) => h.status === "starting" || h.services.some((x) => x.status === "starting"))) return this;
      this.game.step();
    }
    throw new Error("hosts never finished starting");
  }
  /** Lets traffic run so the save carries real numbers. */
  run(ticks: number): this {
    this.game.run(ticks);
    return this;
  }
}

export function simpleStack(): Game {
  const b = new Builder("simple-stack");
  // A server that runs the whole stack is named server-NN (shared/sim/naming.ts).
  b.buy("server-01", "medium", true).install("server-01", "web", "app", "db");
  b.do({ type: "setDns", recordType: "A", values: [b.ip("server-01")], ttl: 300 });
  return b.run(300).game;
}

export function distributed(): Game {
  const b = new Builder("distributed");
  b.buy("lb-01", "small", true).buy("server-02", "medium", false);
  b.install("lb-01", "lb").install("server-02", "web", "app", "db");
  b.link(["lb-01", "server-01"], ["lb-01", "server-02"], ["server-02", "server-01"]);
  b.do({ type: "configureLb", host: b.id("lb-01"), algorithm: "roundrobin", healthCheck: true, checkInterval: 20 });
  b.do({ type: "setDns", recordType: "A", values: [b.ip("lb-01")], ttl: 300 });
  return b.run(300).game;
}

export function secured(): Game {
  const b = new Builder("secured");
  for (const h of b.game.state.hosts.map((x) => x.name)) b.install(h, "firewall", "monitor");
  b.do({ type: "buyCert", host: b.id("lb-01") });
  // Users reach only the load balancer (80/443 from anywhere); each web server answers only the
  // load balancer; MySQL answers the application servers and the other database (its starting
  // rules); SSH is closed everywhere.
  b.do({ type: "setFirewall", host: b.id("lb-01"), openPorts: [80, 443] });
  for (const n of ["web-01", "web-02"]) {
    b.do({ type: "setFirewall", host: b.id(n), openPorts: [] });
    b.do({ type: "addFirewallRule", host: b.id(n), port: 80, from: { kind: "host", host: b.id("lb-01") } });
  }
  return b.run(300).game;
}

export function scaleUp(): Game {
  const b = new Builder("scale-up");
  b.buy("lb-02", "large", true).buy("app-01", "large", false).buy("app-02", "large", false);
  b.install("lb-02", "lb", "firewall", "monitor").install("app-01", "app", "firewall", "monitor").install("app-02", "app", "firewall", "monitor");
  b.link(["lb-02", "web-01"], ["lb-02", "web-02"], ["app-01", "db-01"], ["app-01", "db-02"], ["app-02", "db-01"], ["app-02", "db-02"]);
  b.link(...["web-01", "web-02"].flatMap((w): [string, string][] => [[w, "app-01"], [w, "app-02"]]));
  for (const n of ["lb-01", "lb-02"]) b.do({ type: "configureLb", host: b.id(n), algorithm: "leastconn", healthCheck: true, checkInterval: 10, rateLimit: 20 });
  b.do({ type: "buyCert", host: b.id("lb-02") }, { type: "setFirewall", host: b.id("lb-02"), openPorts: [80, 443] }, { type: "setReplication", mode: "semisync" });
  b.do({ type: "createLbPair", a: b.id("lb-01"), b: b.id("lb-02"), mode: "active-passive" });
  b.do({ type: "remove", host: b.id("web-01"), service: "app" }, { type: "remove", host: b.id("web-02"), service: "app" });
  b.do({ type: "setDns", recordType: "A", values: [b.game.state.pairs[0].vip!], ttl: 300 });
  return b.settle().run(300).game;
}

export const EXAMPLES: Record<string, () => Game> = { "simple-stack": simpleStack, distributed, secured, "scale-up": scaleUp };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "examples");
  mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(EXAMPLES)) {
    writeFileSync(join(dir, `${name}.json`), make().snapshot() + "\n");
    process.stdout.write(`examples/${name}.json\n`);
  }
}

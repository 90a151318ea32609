// The audit is computed from the design: each finding on a board built by real commands that has
// it, and on one that does not; a check about something the board lacks is not shown at all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { audit, auditFindings, auditPasses, findScenario, Game } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";
import { buy, hostOf, idOf, must, newGame, run, setDemand, settle, webFarm } from "./helpers.js";

const check = (game: Game, id: string) => audit(game.state, game.scenario).find((f) => f.id === id);
const failing = (game: Game, id: string) => {
  const f = check(game, id);
  expect(f, `${id} should be shown`).toBeDefined();
  expect(f!.ok, `${id}: ${f!.message}`).toBe(false);
  return f!;
};
const passing = (game: Game, id: string) => {
  const f = check(game, id);
  expect(f, `${id} should be shown`).toBeDefined();
  expect(f!.ok, `${id}: ${f!.message}`).toBe(true);
  return f!;
};

/** One public server running everything, in DNS. */
function oneBox(game = newGame()) {
  const id = buy(game, "web-01", ["web", "app", "db"], { public: true });
  must(game, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
  return id;
}

/** An active-passive pair of load balancers in front of the farm, the virtual IP in DNS. */
function pairUp(game: Game, farm: ReturnType<typeof webFarm>) {
  const lb2 = buy(game, "lb-02", ["lb"], { public: true, tier: "large" });
  for (const w of farm.webs) must(game, { type: "connect", from: lb2, to: w });
  must(game, { type: "configureLb", host: lb2, healthCheck: true });
  must(game, { type: "createLbPair", a: farm.lb, b: lb2, mode: "active-passive" });
  must(game, { type: "setDns", recordType: "A", values: [game.state.pairs[0].vip!], ttl: 300 });
  return lb2;
}

function replicaOf(game: Game, name = "db-02", link = true) {
  const id = buy(game, name, ["db"], { tier: "large" });
  if (link) for (const h of game.state.hosts) if (h.services.some((s) => s.kind === "app")) must(game, { type: "connect", from: h.id, to: id });
  return id;
}

describe("the audit on nothing", () => {
  it("an empty board has no findings and no passes", () => {
    const game = newGame();
    expect(audit(game.state, game.scenario)).toEqual([]);
    const fresh = Game.create("endless", 7);
    expect(audit(fresh.state, fresh.scenario)).toEqual([]);
  });

  it("a server nobody can reach yet is not judged on reachability, databases or load balancers", () => {
    const game = newGame();
    buy(game, "web-01", ["web"], { public: true });
    const ids = audit(game.state, game.scenario).map((f) => f.id);
    for (const id of ["site-reachable", "no-spof-host", "no-spof-lb", "no-spof-db", "one-primary", "db-private", "https", "n-plus-one"]) expect(ids).not.toContain(id);
  });

  it("a load balancer not in DNS is not 'in a cluster', it is not judged at all", () => {
    const game = newGame();
    oneBox(game);
    buy(game, "lb-01", ["lb"], { public: true });
    expect(check(game, "no-spof-lb")).toBeUndefined();
  });
});


describe("single points of failure, from the graph", () => {
  it("one server: losing it stops every request", () => {
    const game = newGame();
    oneBox(game);
    const f = failing(game, "no-spof-host");
    expect(f.kind).toBe("spof");
    expect(f.subjects).toEqual(["web-01"]);
    expect(f.message).toMatch(/Losing web-01 \(the MySQL primary\) stops every request/);
  });

  it("a farm names the lone load balancer, the database and the links that carry everything", () => {
    const game = newGame();
    webFarm(game, 2);
    const f = failing(game, "no-spof-host");
    expect(f.subjects).toContain("lb-01");
    expect(f.subjects).toContain("db-01");
    expect(f.subjects).not.toContain("web-01");
    expect(f.message).toMatch(/Losing db-01 \(the MySQL primary\) stops page reads and writes/);
  });

  it("a design with two of everything on the static path has none", () => {
    const game = newGame();
    const a = buy(game, "web-01", ["web"], { public: true });
    const b = buy(game, "web-02", ["web"], { public: true });
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!, hostOf(game, "web-02").publicIp!], ttl: 300 });
    expect(a && b).toBeTruthy();
    // Reads and writes have no way through at all: that is its own finding, not a SPOF.
    expect(failing(game, "site-reachable").message).toMatch(/page reads and writes cannot get/);
    passing(game, "no-spof-host");
  });

  it("a link counts: one web server wired to the database by a single link", () => {
    const game = newGame();
    const db = buy(game, "db-01", ["db"]);
    const w1 = buy(game, "web-01", ["web", "app"], { public: true });
    const w2 = buy(game, "web-02", ["web", "app"], { public: true });
    must(game, { type: "connect", from: w1, to: db });
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!, hostOf(game, "web-02").publicIp!], ttl: 300 });
    // web-02 reaches no database: only web-01's link carries reads and writes.
    const f = failing(game, "no-spof-host");
    expect(f.subjects).toContain("web-01");
    must(game, { type: "connect", from: w2, to: db });
    expect(check(game, "no-spof-host")!.subjects).not.toContain("web-01");
    expect(check(game, "no-spof-host")!.subjects).toEqual(["db-01"]);
  });

  it("every request has a way through, or the audit says which class has none", () => {
    const game = newGame();
    buy(game, "web-01", ["web"], { public: true });
    must(game, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    failing(game, "site-reachable");
    must(game, { type: "install", host: idOf(game, "web-01"), service: "app" });
    must(game, { type: "install", host: idOf(game, "web-01"), service: "db" });
    settle(game);
    passing(game, "site-reachable");
  });
});

describe("load balancers in a cluster", () => {
  it("a lone load balancer fails; a pair that serves www passes; two in DNS without a pair is a warning", () => {
    const game = newGame();
    const farm = webFarm(game, 2, { healthCheck: true });
    expect(failing(game, "no-spof-lb").subjects).toEqual(["lb-01"]);
    const lb2 = pairUp(game, farm);
    passing(game, "no-spof-lb");
    expect(check(game, "no-spof-host")!.subjects).toEqual(["db-01"]);
    must(game, { type: "removeLbPair", pair: game.state.pairs[0].id });
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "lb-01").publicIp!, hostOf(game, "lb-02").publicIp!], ttl: 300 });
    const f = failing(game, "no-spof-lb");
    expect(f.severity).toBe("warning");
    expect(lb2).toBeGreaterThan(0);
  });
});

describe("health checks", () => {
  it("a backend set without health checks fails; with them it passes; one backend is not judged", () => {
    const game = newGame();
    const farm = webFarm(game, 2, { healthCheck: false });
    expect(failing(game, "health-checks").subjects).toEqual(["lb-01"]);
    must(game, { type: "configureLb", host: farm.lb, healthCheck: true });
    passing(game, "health-checks");
    const single = newGame();
    webFarm(single, 1);
    expect(check(single, "health-checks")).toBeUndefined();
  });
});

describe("capacity", () => {
  // The figures below are worked by hand from the catalog (quiet endless mode: 150 req/s base,
  // mix 500/400/100 permille, no daily swing, full reputation), not from the audit's own code.
  it("N+1: two small backends at 300 req/s cannot lose one (169 % of a small CPU); at 5 req/s they can", () => {
    const game = newGame();
    webFarm(game, 2, { healthCheck: true }, ["small", "small"]);
    run(game, 5);
    setDemand(game, 300);
    // 300 req/s = 15 static, 12 reads, 3 writes a tick; each backend gets half: 7.5 + 6 + 1.5.
    // Nginx: 7.5 × 100 + 7.5 × 30 = 975; the app: 6 × 300 + 1.5 × 400 = 2400; 3375 of a small
    // server's 4000 a tick. Without its twin it carries 6750: 168.75 %, shown as 169 %.
    const f = failing(game, "n-plus-one");
    expect(f.kind).toBe("capacity");
    expect(f.subjects).toEqual(["web-01", "web-02"]);
    expect(f.message).toBe("Without web-01, web-02 would need 169 % of its CPU. Without web-02, web-01 would need 169 % of its CPU.");
    setDemand(game, 5);
    passing(game, "n-plus-one");
  });

  it("the write ceiling is the primary's spare CPU over a write's cost", () => {
    const game = newGame();
    webFarm(game, 2, { healthCheck: true });
    // At R req/s the large primary (40000 a tick) spends 0.04 R reads × 200 = 8 R a tick on reads;
    // a write costs 400, so the ceiling is (40000 − 8 R) × 10 / 400 = 1000 − 0.2 R writes/s,
    // against 0.1 R writes/s.
    setDemand(game, 30);
    expect(passing(game, "one-primary").message).toBe("Every write goes through db-01: 3 writes/s now against room for about 994/s on its large server (0 %).");
    setDemand(game, 3000);
    const near = failing(game, "one-primary");
    expect(near.severity).toBe("warning");
    expect(near.message).toBe("Every write goes through db-01: 300 writes/s now against room for about 400/s on its large server (75 %).");
    setDemand(game, 4500);
    const over = failing(game, "one-primary");
    expect(over.severity).toBe("critical");
    expect(over.subjects).toEqual(["db-01"]);
    expect(over.message).toBe("Every write goes through db-01: 450 writes/s now against room for about 100/s on its large server (450 %).");
  });

  it("no users yet: nothing to say about capacity", () => {
    const game = newGame();
    const db = buy(game, "db-01", ["db"]);
    const w = buy(game, "web-01", ["web", "app"], { public: true });
    must(game, { type: "connect", from: w, to: db });
    expect(check(game, "one-primary")).toBeUndefined();
    expect(check(game, "n-plus-one")).toBeUndefined();
  });
});

describe("a replica that can take over", () => {
  it("no replica fails; a replica linked to nothing fails; a linked, running, caught-up one passes", () => {
    const game = newGame();
    webFarm(game, 2, { healthCheck: true });
    expect(failing(game, "no-spof-db").kind).toBe("data");
    const r = replicaOf(game, "db-02", false);
    expect(failing(game, "no-spof-db").message).toMatch(/no application server is linked to db-02/);
    for (const w of ["web-01", "web-02"]) must(game, { type: "connect", from: idOf(game, w), to: r });
    run(game, 20);
    // Reachable by the application, but with no link to the primary it copies nothing.
    expect(failing(game, "no-spof-db").message).toMatch(/db-02 has no link to the primary db-01, so it receives none of its writes/);
    must(game, { type: "connect", from: r, to: idOf(game, "db-01") });
    run(game, 60);
    passing(game, "no-spof-db");
  });

  it("a replica still installing, or far behind, cannot take over", () => {
    const game = newGame();
    webFarm(game, 2, { healthCheck: true });
    must(game, { type: "buyHost", tier: "large", public: false, name: "db-02" });
    settle(game);
    must(game, { type: "install", host: idOf(game, "db-02"), service: "db" });
    for (const w of ["web-01", "web-02", "db-01"]) must(game, { type: "connect", from: idOf(game, w), to: idOf(game, "db-02") });
    expect(failing(game, "no-spof-db").message).toMatch(/db-02 is not running \((MySQL|server) starting\)/);
    settle(game);
    run(game, 60);
    passing(game, "no-spof-db");
    // The lag the simulation keeps for a replica that was down for four minutes.
    hostOf(game, "db-02").services.find((s) => s.kind === "db")!.lagTicks = 2350;
    expect(failing(game, "no-spof-db").message).toMatch(/db-02 is 235 s behind/);
  });

  it("chapter 2's goal needs a replica that can really take over", () => {
    const game = newGame("distributed");
    const ch2 = findScenario("distributed")!;
    const r = buy(game, "db-02", ["db"]);
    expect(auditPasses(game.state, ch2.goal.requires, ch2).ok).toBe(false);
    must(game, { type: "connect", from: idOf(game, "server-01"), to: r });
    run(game, 20);
    expect(auditPasses(game.state, ch2.goal.requires, ch2).ok).toBe(true);
  });

  it("no database: no data finding", () => {
    const game = newGame();
    buy(game, "web-01", ["web"], { public: true });
    expect(check(game, "no-spof-db")).toBeUndefined();
    expect(check(game, "db-private")).toBeUndefined();
  });
});

describe("security", () => {
  it("firewalls: missing anywhere fails, on every server passes", () => {
    const game = newGame();
    oneBox(game);
    expect(failing(game, "firewalls").severity).toBe("critical");
    must(game, { type: "install", host: idOf(game, "web-01"), service: "firewall" });
    settle(game);
    must(game, { type: "setFirewall", host: idOf(game, "web-01"), openPorts: [80, 443] });
    passing(game, "firewalls");
  });

  it("ports open to the internet: MySQL, SSH and the application port, closed by a firewall", () => {
    const game = newGame();
    oneBox(game);
    expect(failing(game, "db-private").message).toMatch(/Port 3306/);
    expect(failing(game, "ssh-open").subjects).toEqual(["web-01"]);
    failing(game, "app-private");
    must(game, { type: "install", host: idOf(game, "web-01"), service: "firewall" });
    settle(game);
    must(game, { type: "setFirewall", host: idOf(game, "web-01"), openPorts: [80] });
    passing(game, "db-private");
    passing(game, "ssh-open");
    passing(game, "app-private");
  });

  it("HTTPS: plain HTTP fails, a certificate where users connect passes", () => {
    const game = newGame();
    oneBox(game);
    failing(game, "https");
    must(game, { type: "buyCert", host: idOf(game, "web-01") });
    passing(game, "https");
  });

  it("TLS ending at the load balancer is a finding; backend TLS closes it (certificates alone do not); no certificate, no check", () => {
    const game = newGame();
    const farm = webFarm(game, 2, { healthCheck: true });
    expect(check(game, "end-to-end-tls")).toBeUndefined();
    must(game, { type: "buyCert", host: farm.lb });
    const f = failing(game, "end-to-end-tls");
    expect(f.message).toMatch(/TLS ends at lb-01/);
    for (const w of farm.webs) must(game, { type: "buyCert", host: w });
    expect(failing(game, "end-to-end-tls").advice).toMatch(/backend TLS on lb-01/);
    must(game, { type: "setBackendTls", host: farm.lb, on: true });
    passing(game, "end-to-end-tls");
  });
});

describe("monitoring and the spread of roles", () => {
  it("monitoring: missing anywhere fails, everywhere passes", () => {
    const game = newGame();
    oneBox(game);
    expect(failing(game, "monitoring").kind).toBe("monitoring");
    must(game, { type: "install", host: idOf(game, "web-01"), service: "monitor" });
    passing(game, "monitoring");
  });

  it("identical all-in-one servers are found even behind a load balancer", () => {
    const game = newGame();
    const lb = buy(game, "lb-01", ["lb"], { public: true });
    const a = buy(game, "web-01", ["web", "app", "db"]);
    const b = buy(game, "web-02", ["web", "app", "db"]);
    for (const w of [a, b]) must(game, { type: "connect", from: lb, to: w });
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "lb-01").publicIp!], ttl: 300 });
    expect(failing(game, "all-in-one").subjects).toEqual(["web-01", "web-02"]);
    failing(game, "tiers-split");
  });

  it("split tiers pass both (the scale-up example, built by scripts/make-examples.ts)", () => {
    const game = Game.restore(readFileSync(join(import.meta.dirname, "../../examples/scale-up.json"), "utf8"));
    passing(game, "tiers-split");
    passing(game, "all-in-one");
    passing(game, "no-spof-lb");
    failing(game, "end-to-end-tls");
  });

  it("every finding has the shape the CLI prints", () => {
    const game = newGame();
    oneBox(game);
    for (const f of auditFindings(game.state, game.scenario)) {
      expect(["spof", "security", "monitoring", "capacity", "data"]).toContain(f.kind);
      expect(["critical", "warning", "info"]).toContain(f.severity);
      expect(f.subjects.length).toBeGreaterThan(0);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.advice.length).toBeGreaterThan(10);
    }
  });
});

describe("goal progress", () => {
  it("reports the share served against the goal and each required check", async () => {
    const { goalProgress } = await import("../../shared/index.js");
    const { game } = play("secured", 42, 3600);
    const p = goalProgress(game.state, game.scenario);
    expect(p.minSlaPermyriad).toBe(9700);
    expect(p.slaOk).toBe(p.slaPermyriad >= 9700);
    expect(p.checks.map((c) => c.id)).toEqual(["firewalls", "https", "monitoring", "db-private"]);
    expect(p.checks.every((c) => c.ok)).toBe(true);
    expect(p.ticksLeft).toBe(7200 - 3600);
    expect(p.timePermille).toBe(500);
  });
});

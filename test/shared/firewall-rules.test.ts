// Firewalls filter every connection that reaches their host, not only the internet's: default deny,
// rules by port and source (anywhere, one server, the servers of a role), a reason that names the
// firewall, replication starved by a primary's firewall, the commands' checks, undo, and saves
// from before rules.
import { describe, expect, it } from "vitest";
import {
  applyCommand, audit, decodeReasonKey, findService, firewallFixText, Game, REASONS, refusedCallers, roleFor, stateHash,
  toSnapshot, topology, type Command, type FirewallRule,
} from "../../shared/index.js";
import { ufwScript } from "../../shared/export/ufw.js";
import { buy, hostOf, idOf, must, newGame, run, setDemand, settle, webFarm } from "./helpers.js";

const rulesOf = (game: Game, name: string): FirewallRule[] => findService(hostOf(game, name), "firewall")!.rules;
const fromRole = (role: "lb" | "web" | "app" | "db") => ({ kind: "role" as const, role });

/** A load balancer, two web+app servers and a MySQL primary with a running firewall, under load. */
function farmWithDbFirewall() {
  const game = newGame();
  const farm = webFarm(game, 2);
  must(game, { type: "install", host: farm.db, service: "firewall" });
  settle(game);
  setDemand(game, 200);
  run(game, 20);
  return { game, farm };
}

describe("firewalls between servers", () => {
  it("a new firewall on MySQL starts with 3306 from the application servers and the other databases", () => {
    const { game } = farmWithDbFirewall();
    expect(rulesOf(game, "db-01")).toEqual([{ port: 3306, from: fromRole("app") }, { port: 3306, from: fromRole("db") }]);
    expect(run(game, 50).errors).toBe(0);
  });

  it("with no rules (default deny) the application cannot reach MySQL: reads and writes fail, blocked by the firewall on db-01", () => {
    const { game, farm } = farmWithDbFirewall();
    for (const rule of rulesOf(game, "db-01").slice()) must(game, { type: "removeFirewallRule", host: farm.db, ...rule });
    expect(rulesOf(game, "db-01")).toEqual([]);
    const blocked = run(game, 50);
    expect(blocked.reasons.get("firewall-inside")).toBeGreaterThan(0);
    expect(blocked.errors).toBeCloseTo(blocked.reasons.get("firewall-inside")!, 6);
    // Static files never reach MySQL: only the dynamic share fails.
    expect(blocked.served).toBeGreaterThan(0);
    // The reason is recorded on db-01 and reads as the player will see it, with a fix naming the callers.
    const r = game.report();
    const keys = [...r.reasons.keys()].map(decodeReasonKey);
    expect(keys.every((k) => game.state.hosts[k.hostIndex].name === "db-01")).toBe(true);
    expect(REASONS[keys[0].reason].what.replace("{host}", "db-01")).toBe("blocked by the firewall on db-01");
    const topo = topology(game.state);
    const refused = refusedCallers(game.state, topo, topo.indexById.get(farm.db)!).map((c) => ({ port: c.port, from: topo.hosts[c.from].name }));
    expect(firewallFixText("db-01", refused)).toBe("Allow 3306 from web-01 and web-02 on db-01.");
  });

  it("a rule from the wrong server does not help; 3306 from the application servers restores every request", () => {
    const { game, farm } = farmWithDbFirewall();
    for (const rule of rulesOf(game, "db-01").slice()) must(game, { type: "removeFirewallRule", host: farm.db, ...rule });
    must(game, { type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "host", host: farm.lb } });
    must(game, { type: "addFirewallRule", host: farm.db, port: 80, from: fromRole("app") });
    expect(run(game, 50).reasons.get("firewall-inside")).toBeGreaterThan(0);
    // One server allowed: only its share gets through.
    must(game, { type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "host", host: farm.webs[0] } });
    const half = run(game, 50);
    expect(half.reasons.get("firewall-inside")).toBeGreaterThan(0);
    expect(half.served).toBeGreaterThan(0);
    must(game, { type: "addFirewallRule", host: farm.db, port: 3306, from: fromRole("app") });
    expect(run(game, 50).errors).toBe(0);
  });

  it("a firewall that is not running yet filters nothing", () => {
    const game = newGame();
    const farm = webFarm(game, 1);
    setDemand(game, 100);
    must(game, { type: "install", host: farm.db, service: "firewall" });
    for (const rule of rulesOf(game, "db-01").slice()) must(game, { type: "removeFirewallRule", host: farm.db, ...rule });
    expect(findService(hostOf(game, "db-01"), "firewall")!.status).toBe("starting");
    expect(run(game, 5).errors).toBe(0);
    settle(game);
    expect(run(game, 20).reasons.get("firewall-inside")).toBeGreaterThan(0);
  });

  it("default deny holds at every hop: a web server's firewall drops the load balancer, whose checks then mark it down", () => {
    const game = newGame();
    const farm = webFarm(game, 2, { healthCheck: true, checkInterval: 10 });
    must(game, { type: "install", host: farm.webs[0], service: "firewall" });
    settle(game);
    setDemand(game, 200);
    run(game, 20);
    // A private web server starts with 80 and 443 from the load balancers.
    expect(rulesOf(game, "web-01")).toEqual([{ port: 80, from: fromRole("lb") }, { port: 443, from: fromRole("lb") }]);
    expect(run(game, 30).errors).toBe(0);
    must(game, { type: "removeFirewallRule", host: farm.webs[0], port: 80, from: fromRole("lb") });
    const first = run(game, 5);
    expect(first.reasons.get("firewall-inside")).toBeGreaterThan(0);
    // fall = 3 failed checks 1 s apart: then HAProxy stops sending to web-01 and nothing fails.
    run(game, 40);
    expect(findService(hostOf(game, "lb-01"), "lb")!.markedDown).toEqual([farm.webs[0]]);
    expect(run(game, 20).errors).toBe(0);
  });

  it("a separate application server's firewall must allow 8080 from the web servers", () => {
    const game = newGame();
    const db = buy(game, "db-01", ["db"], { tier: "large" });
    const web = buy(game, "web-01", ["web"], { public: true, tier: "large" });
    const app = buy(game, "app-01", ["app", "firewall"], { tier: "large" });
    must(game, { type: "connect", from: web, to: app });
    must(game, { type: "connect", from: app, to: db });
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!], ttl: 50 });
    setDemand(game, 100);
    expect(rulesOf(game, "app-01")).toEqual([{ port: 8080, from: fromRole("web") }]);
    expect(run(game, 30).errors).toBe(0);
    must(game, { type: "removeFirewallRule", host: app, port: 8080, from: fromRole("web") });
    expect(run(game, 30).reasons.get("firewall-inside")).toBeGreaterThan(0);
    must(game, { type: "addFirewallRule", host: app, port: 8080, from: { kind: "host", host: web } });
    expect(run(game, 30).errors).toBe(0);
  });

  it("a primary whose firewall drops its replica's connection starves it: the replica falls behind, and the audit says why", () => {
    const game = newGame();
    const farm = webFarm(game, 1);
    const replica = buy(game, "db-02", ["db"], { tier: "large" });
    must(game, { type: "connect", from: farm.db, to: replica }); // a replica pulls from its primary: it needs the link
    must(game, { type: "install", host: farm.db, service: "firewall" });
    settle(game);
    setDemand(game, 200);
    run(game, 50);
    const lag = () => findService(hostOf(game, "db-02"), "db")!.lagTicks;
    expect(lag()).toBeLessThan(20);
    expect(audit(game.state).find((f) => f.id === "firewall-refuses")!.ok).toBe(true);
    must(game, { type: "removeFirewallRule", host: farm.db, port: 3306, from: fromRole("db") });
    run(game, 300);
    expect(lag()).toBeGreaterThan(250);
    const finding = audit(game.state).find((f) => f.id === "firewall-refuses")!;
    expect(finding.ok).toBe(false);
    expect(finding.message).toContain("db-02 → db-01:3306");
    must(game, { type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "host", host: replica } });
    run(game, 200);
    expect(lag()).toBeLessThan(20);
  });

  it("the audit flags MySQL open to anywhere inside, and the site-reachability check follows the rules", () => {
    const { game, farm } = farmWithDbFirewall();
    expect(audit(game.state).find((f) => f.id === "inside-open")!.ok).toBe(true);
    must(game, { type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "anywhere" } });
    const wide = audit(game.state).find((f) => f.id === "inside-open")!;
    expect(wide.ok).toBe(false);
    expect(wide.subjects).toEqual(["db-01"]);
    for (const rule of rulesOf(game, "db-01").slice()) must(game, { type: "removeFirewallRule", host: farm.db, ...rule });
    // No path for reads or writes any more: the site check sees it, not only the traffic.
    expect(audit(game.state).find((f) => f.id === "site-reachable")?.ok).toBe(false);
  });
});

describe("firewall rule commands", () => {
  function setup() {
    const game = newGame();
    const farm = webFarm(game, 1);
    must(game, { type: "install", host: farm.db, service: "firewall" });
    return { game, farm };
  }

  it("refuse what makes no sense, with the reason, and change nothing", () => {
    const { game, farm } = setup();
    const before = stateHash(game.state);
    const cases: [unknown, RegExp][] = [
      [{ type: "addFirewallRule", host: farm.lb, port: 80, from: { kind: "anywhere" } }, /lb-01 has no firewall/],
      [{ type: "addFirewallRule", host: farm.db, port: 1234, from: { kind: "anywhere" } }, /port 1234 is not used/],
      [{ type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "host", host: farm.db } }, /own connections never cross its firewall/],
      [{ type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "host", host: 999 } }, /no server with id 999/],
      [{ type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "role", role: "app" } }, /already has that rule/],
      [{ type: "removeFirewallRule", host: farm.db, port: 22, from: { kind: "anywhere" } }, /has no such rule/],
      [{ type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "role", role: "dns" } }, /malformed command: from/],
      [{ type: "addFirewallRule", host: farm.db, port: 3306, from: { kind: "anywhere", host: 1 } }, /malformed command: from/],
      [{ type: "addFirewallRule", host: farm.db, port: 70000, from: { kind: "anywhere" } }, /malformed command: port/],
      [{ type: "addFirewallRule", host: farm.db, port: 3306 }, /malformed command: from/],
    ];
    for (const [cmd, why] of cases) {
      const v = applyCommand(game.state, game.scenario, cmd);
      expect(v.ok, JSON.stringify(cmd)).toBe(false);
      if (!v.ok) expect(v.reason).toMatch(why);
    }
    expect(stateHash(game.state)).toBe(before);
  });

  it("belong to the network role, and undo like a build", () => {
    const { game, farm } = setup();
    const add: Command = { type: "addFirewallRule", host: farm.db, port: 22, from: { kind: "host", host: farm.lb } };
    expect(roleFor(add)).toBe("network");
    expect(roleFor({ ...add, type: "removeFirewallRule" })).toBe("network");
    const rules = () => JSON.stringify(rulesOf(game, "db-01"));
    const start = rules();
    must(game, add);
    expect(rulesOf(game, "db-01")).toContainEqual({ port: 22, from: { kind: "host", host: farm.lb } });
    must(game, { type: "undo" });
    expect(rules()).toBe(start);
    must(game, { type: "removeFirewallRule", host: farm.db, port: 3306, from: { kind: "role", role: "app" } });
    must(game, { type: "undo" });
    expect(rules()).toBe(start);
  });

  it("selling a server takes the rules that name it away", () => {
    const { game, farm } = setup();
    const spare = buy(game, "admin-01", []);
    must(game, { type: "addFirewallRule", host: farm.db, port: 22, from: { kind: "host", host: spare } });
    must(game, { type: "sellHost", host: spare });
    expect(rulesOf(game, "db-01").some((r) => r.from.kind === "host")).toBe(false);
  });
});

describe("ufw export of the rules", () => {
  it("writes anywhere as PORT/tcp, a server as its private address, a role as each server in it but this one, and an empty role as a comment", () => {
    const game = newGame();
    const farm = webFarm(game, 2);
    must(game, { type: "install", host: farm.db, service: "firewall" });
    must(game, { type: "addFirewallRule", host: farm.db, port: 22, from: { kind: "host", host: farm.lb } });
    must(game, { type: "addFirewallRule", host: farm.db, port: 443, from: { kind: "anywhere" } });
    const script = ufwScript(game.state, game.state.hosts.findIndex((h) => h.name === "db-01"));
    const ip = (name: string) => hostOf(game, name).privateIp;
    const allows = script.split("\n").filter((l) => l.startsWith("ufw allow"));
    expect(allows).toEqual([
      `ufw allow from ${ip("lb-01")} to any port 22 proto tcp comment 'lb-01'`,
      "ufw allow 443/tcp comment 'anywhere'",
      `ufw allow from ${ip("web-01")} to any port 3306 proto tcp comment 'web-01'`,
      `ufw allow from ${ip("web-02")} to any port 3306 proto tcp comment 'web-02'`,
    ]);
    // "3306 from the database servers": db-01 is the only one, and its own traffic never crosses its firewall.
    expect(script).toContain("# 3306 from the database servers\n#   (no database servers yet)\n");
    expect(script.indexOf("ufw default deny incoming")).toBeLessThan(script.indexOf("ufw allow"));
  });
});

describe("saves from before firewall rules", () => {
  it("load with their open ports from anywhere and the connections between servers allowed, as they behaved", () => {
    const game = newGame();
    const farm = webFarm(game, 1);
    for (const name of ["lb-01", "db-01"]) must(game, { type: "install", host: idOf(game, name), service: "firewall" });
    settle(game);
    // Rewrite the save as the old code wrote it: `openPorts` instead of rules, checksum to match.
    const old = JSON.parse(game.snapshot());
    for (const h of old.state.hosts) for (const s of h.services) if (s.kind === "firewall") {
      s.openPorts = h.name === "lb-01" ? [80, 443] : [];
      delete s.rules;
    }
    old.hash = stateHash(old.state);
    const restored = Game.restore(JSON.stringify(old));
    expect(rulesOf(restored, "lb-01")).toEqual([{ port: 80, from: { kind: "anywhere" } }, { port: 443, from: { kind: "anywhere" } }]);
    expect(rulesOf(restored, "db-01")).toEqual([{ port: 3306, from: fromRole("app") }, { port: 3306, from: fromRole("db") }]);
    setDemand(restored, 100);
    const r = run(restored, 50);
    expect(r.served).toBeGreaterThan(0);
    expect(r.errors).toBe(0);
    expect(farm.webs).toHaveLength(1);
  });

  it("a save whose rules name a server that does not exist is refused with the reason", () => {
    const game = newGame();
    const farm = webFarm(game, 1);
    must(game, { type: "install", host: farm.db, service: "firewall" });
    const data = JSON.parse(game.snapshot());
    const fw = data.state.hosts.find((h: { name: string }) => h.name === "db-01").services.find((s: { kind: string }) => s.kind === "firewall");
    fw.rules.push({ port: 22, from: { kind: "host", host: 4242 } });
    const text = toSnapshot(data.state);
    expect(() => Game.restore(text)).toThrow(/a firewall rule on db-01 allows server 4242, which does not exist/);
  });
});

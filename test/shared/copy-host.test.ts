// Copying a server's setup: one command buys a server like the source (size, software, firewall
// rules), one undo takes all of it back, and every way it can be refused says why and changes nothing.
import { describe, expect, it } from "vitest";
import { Game, roleAllows, type Host } from "../../shared/index.js";
import { buy, must, newGame, settle } from "./helpers.js";

const byName = (game: Game, name: string): Host => game.state.hosts.find((h) => h.name === name)!;

describe("copyHost", () => {
  it("buys a server of the same size with the same software and firewall rules, for $715", () => {
    const game = Game.create("scale-up", 1);
    const source = byName(game, "web-01");
    must(game, { type: "addFirewallRule", host: source.id, port: 8080, from: { kind: "host", host: byName(game, "lb-01").id } });
    const sourceRules = structuredClone((source.services.find((s) => s.kind === "firewall") as { rules: unknown[] }).rules);
    expect(sourceRules).toContainEqual({ port: 8080, from: { kind: "host", host: byName(game, "lb-01").id } });
    const before = game.state.money;
    must(game, { type: "copyHost", host: source.id });
    // web-02 is taken, so the copy is web-03: a medium ($600) with ufw ($20), Nginx ($30), the
    // application ($50) and the monitoring client ($15).
    const copy = byName(game, "web-03");
    expect(before - game.state.money).toBe(71_500);
    expect(copy.tier).toBe("medium");
    expect(copy.services.map((s) => s.kind)).toEqual(["firewall", "web", "app", "monitor"]);
    expect(copy.services.find((s) => s.kind === "firewall")).toMatchObject({ rules: sourceRules });
    expect(copy.publicIp === null).toBe(source.publicIp === null);
    expect(copy.status).toBe("starting");
    expect(copy.services.every((s) => s.status === "starting" && s.readyAt > copy.readyAt)).toBe(true);
    expect(game.state.links.some((l) => l.from === copy.id || l.to === copy.id)).toBe(false); // wiring is the player's
    game.run(101); // boot 50 ticks, then the slowest install (the application) 50 more
    expect(byName(game, "web-03").status).toBe("up");
    expect(byName(game, "web-03").services.every((s) => s.status === "up")).toBe(true);
  });

  it("copies a load balancer's settings, and a copied primary database becomes a replica", () => {
    const game = newGame();
    const lb = buy(game, "lb-01", ["lb"], { public: true });
    must(game, { type: "configureLb", host: lb, algorithm: "leastconn", healthCheck: true, checkInterval: 50 });
    const db = buy(game, "db-01", ["db"]);
    must(game, { type: "copyHost", host: lb });
    must(game, { type: "copyHost", host: db, name: "db-replica" });
    settle(game);
    expect(byName(game, "lb-02").services[0]).toMatchObject({ kind: "lb", algorithm: "leastconn", healthCheck: true, checkInterval: 50, backups: [], markedDown: [] });
    expect(byName(game, "lb-02").publicIp).not.toBeNull();
    expect(byName(game, "db-replica").services[0]).toMatchObject({ kind: "db", role: "replica" });
    expect(byName(game, "db-01").services[0]).toMatchObject({ role: "primary" });
  });

  it("is one action: one undo sells the copy and gives back every cent", () => {
    const game = Game.create("scale-up", 1);
    const twin = Game.create("scale-up", 1);
    const source = byName(game, "web-01");
    const hosts = game.state.hosts.map((h) => h.name);
    must(game, { type: "copyHost", host: source.id });
    game.run(20);
    twin.run(20);
    must(game, { type: "undo" });
    expect(game.state.hosts.map((h) => h.name)).toEqual(hosts);
    // All $715 back; only the copy's upkeep for the 2 seconds it stood stays spent:
    // 2 × (medium 16 + ufw 0 + Nginx 1 + app 2 + agent 1) = 40 cents.
    expect(twin.state.money - game.state.money).toBe(40);
  });

  it("refuses with a reason and changes nothing: no money, no such server, the chapter's limit, a bad name, the wrong role", () => {
    const game = Game.create("scale-up", 1);
    const source = byName(game, "web-01");
    game.state.money = 50_000;
    const hash = game.hash();
    const cases: [unknown, RegExp][] = [
      [{ type: "copyHost", host: source.id }, /a copy of web-01 costs \$715 and you have \$500/],
      [{ type: "copyHost", host: 999 }, /there is no server with id 999/],
      [{ type: "copyHost", host: source.id, name: "web-02" }, /there is already a server called web-02/],
      [{ type: "copyHost", host: source.id, name: "Bad Name" }, /a server name is 1–24 characters/],
      [{ type: "copyHost", host: source.id, firewall: true }, /malformed command: .*firewall/],
      [{ type: "copyHost", host: 0 }, /malformed command: host/],
    ];
    for (const [cmd, why] of cases) {
      const v = game.apply(cmd);
      expect(v.ok, JSON.stringify(cmd)).toBe(false);
      expect(!v.ok && v.reason, JSON.stringify(cmd)).toMatch(why);
    }
    expect(game.hash()).toBe(hash);

    const one = Game.create("simple-stack", 1);
    must(one, { type: "buyHost", tier: "medium", public: true });
    const v = one.apply({ type: "copyHost", host: one.state.hosts[0].id });
    expect(!v.ok && v.reason).toMatch(/at most 1 server/);

    expect(roleAllows({ id: "p1", role: "servers" }, { type: "copyHost", host: 1 }).ok).toBe(true);
    const data = roleAllows({ id: "p1", role: "data" }, { type: "copyHost", host: 1 });
    expect(!data.ok && data.reason).toMatch(/only the servers role/);
  });
});

import { describe, expect, it } from "vitest";
import { exposedPorts, findService, type Scenario } from "../../shared/index.js";
import { QUIET, buy, hostOf, must, newGame, run, setDemand, webFarm } from "./helpers.js";

const HOSTILE: Scenario = { ...QUIET, random: { ...QUIET.random, sshCompromise: 20000, dbBreach: 20000, eavesdrop: 5000 } };

describe("firewalls and exposure", () => {
  it("without a firewall every listening port faces the internet; a firewall closes what it does not open", () => {
    const game = newGame();
    const id = buy(game, "db-01", ["db"], { public: true });
    expect(exposedPorts(hostOf(game, "db-01"))).toEqual([22, 3306]);
    must(game, { type: "install", host: id, service: "firewall" });
    run(game, 20);
    expect(exposedPorts(hostOf(game, "db-01"))).toEqual([]);
    must(game, { type: "setFirewall", host: id, openPorts: [3306] });
    expect(exposedPorts(hostOf(game, "db-01"))).toEqual([3306]);
  });

  it("a firewall that closes the web port blocks real users, with the reason", () => {
    const game = newGame();
    const farm = webFarm(game, 2);
    must(game, { type: "install", host: farm.lb, service: "firewall" });
    setDemand(game, 200);
    run(game, 20);
    must(game, { type: "setFirewall", host: farm.lb, openPorts: [443] });
    const blocked = run(game, 50);
    expect(blocked.served).toBe(0);
    expect(blocked.reasons.get("firewall-blocked")).toBeGreaterThan(0);
    must(game, { type: "setFirewall", host: farm.lb, openPorts: [80, 443] });
    run(game, 5);
    expect(run(game, 50).errors).toBe(0);
  });

  it("an exposed database gets breached; a firewalled one does not", () => {
    const breaches = (firewall: boolean) => {
      const game = newGame(HOSTILE, 3);
      const farm = webFarm(game, 1);
      const db = hostOf(game, "db-01");
      db.publicIp = "8.8.8.200";
      game.state.topologyVersion++;
      if (firewall) {
        must(game, { type: "install", host: farm.db, service: "firewall" });
        for (const h of game.state.hosts) if (!findService(h, "firewall")) must(game, { type: "install", host: h.id, service: "firewall" });
        must(game, { type: "setFirewall", host: farm.lb, openPorts: [80, 443] });
      }
      setDemand(game, 100);
      run(game, 2000);
      return game.state.incidents.filter((i) => i.kind === "breach").length;
    };
    expect(breaches(false)).toBeGreaterThan(0);
    expect(breaches(true)).toBe(0);
  });

  it("SSH brute force compromises a server with port 22 open; the miner eats its CPU until it is rebuilt", () => {
    const game = newGame(HOSTILE, 5);
    const farm = webFarm(game, 1);
    game.state.effects.push({ kind: "ssh-bruteforce", until: 1e9, size: 0, queue: [] });
    setDemand(game, 100);
    run(game, 500);
    const lb = hostOf(game, "lb-01");
    expect(lb.compromised).toBe(true);
    expect(game.state.totals.breaches).toBeGreaterThan(0);
    must(game, { type: "repairHost", host: farm.lb });
    expect(lb.compromised).toBe(false);
  });

  it("plain HTTP gets credentials sniffed; HTTPS stops it", () => {
    const sniffed = (https: boolean) => {
      const game = newGame(HOSTILE, 9);
      const farm = webFarm(game, 1);
      if (https) must(game, { type: "buyCert", host: farm.lb });
      setDemand(game, 100);
      run(game, 2000);
      return game.state.incidents.filter((i) => i.kind === "eavesdrop").length;
    };
    expect(sniffed(false)).toBeGreaterThan(0);
    expect(sniffed(true)).toBe(0);
  });

  it("an expired certificate turns users away until it is renewed", () => {
    const game = newGame();
    const farm = webFarm(game, 1);
    must(game, { type: "buyCert", host: farm.lb });
    setDemand(game, 100);
    hostOf(game, "lb-01").cert!.expiresAt = game.state.tick + 30;
    expect(run(game, 20).errors).toBe(0);
    const expired = run(game, 50);
    expect(expired.reasons.get("cert-expired")).toBeGreaterThan(0);
    must(game, { type: "buyCert", host: farm.lb });
    expect(run(game, 20).errors).toBe(0);
  });
});

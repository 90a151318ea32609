import { describe, expect, it } from "vitest";
import { incidentText } from "../../shared/index.js";
import { fire } from "../../shared/sim/events.js";
import { buy, hostOf, must, newGame, run, setDemand, webFarm } from "./helpers.js";

describe("scripted events", () => {
  it("a port scan finds what faces the internet beyond the web ports, and attackers remember it", () => {
    const game = newGame();
    buy(game, "web-01", ["web", "app", "db"], { public: true });
    buy(game, "db-02", ["db"], { public: false });
    fire(game.state, { kind: "port-scan", target: "@all", duration: 0, size: 0 });
    const id = hostOf(game, "web-01").id;
    expect(game.state.knownOpenPorts).toEqual([`${id}:22`, `${id}:3306`, `${id}:8080`]);
    const incident = game.state.incidents.find((i) => i.kind === "port-scan")!;
    expect(incident.params.ports).toContain("web-01:22");
    expect(incident.params.ports!.some((p) => p.startsWith("db-02"))).toBe(false);
    expect(incidentText(incident).title).toMatch(/web-01:22/);
  });

  it("a process crash stops the application until it is restarted", () => {
    const game = newGame();
    const farm = webFarm(game, 1);
    setDemand(game, 200);
    run(game, 50);
    fire(game.state, { kind: "process-crash", target: "web-01", duration: 0, size: 0 });
    const down = run(game, 50);
    expect(down.reasons.get("app-down") ?? 0).toBeGreaterThan(0);
    expect(down.served).toBeGreaterThan(0); // static files are still served by Nginx
    must(game, { type: "restartService", host: farm.webs[0], service: "app" });
    run(game, 40);
    expect(run(game, 50).errors).toBe(0);
    expect(game.state.incidents.find((i) => i.kind === "process-crash")!.resolvedAt).toBeGreaterThan(0);
  });

  it("a flash crowd multiplies demand while it lasts", () => {
    const game = newGame();
    webFarm(game, 3);
    setDemand(game, 200);
    run(game, 50);
    const before = run(game, 100).demand;
    fire(game.state, { kind: "flash-crowd", target: "@all", duration: 200, size: 100 });
    const during = run(game, 100).demand;
    run(game, 150);
    const after = run(game, 100).demand;
    expect(during / before).toBeGreaterThan(1.9);
    expect(during / before).toBeLessThan(2.1);
    expect(after / before).toBeCloseTo(1, 1);
  });

  it("a DDoS arrives at the addresses www points to and competes with users for CPU", () => {
    const game = newGame();
    webFarm(game, 2, {}, ["small", "small"]);
    setDemand(game, 100);
    run(game, 50);
    expect(run(game, 100).dropped).toBe(0);
    fire(game.state, { kind: "ddos", target: "@all", duration: 500, size: 20000 });
    let attack = 0;
    const flood = run(game, 100, (r) => (attack += r.demand[3]));
    expect(attack).toBe(100 * 2000);
    expect(flood.dropped).toBeGreaterThan(0);
    expect(flood.reasons.get("queue-full")).toBeGreaterThan(0);
  });
});

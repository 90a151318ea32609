// Users complain about what they suffer (shared/sim/complaints.ts): failed or slow requests over a
// rolling window, not a fixed time after something broke.
import { describe, expect, it } from "vitest";
import { COMPLAINTS, emptyReport, visibleHostStatus } from "../../shared/index.js";
import { badTickForUsers } from "../../shared/sim/complaints.js";
import { fire } from "../../shared/sim/events.js";
import { NOT_TOLD } from "../../shared/sim/incidents.js";
import { buy, hostOf, must, newGame, run, setDemand, webFarm } from "./helpers.js";

/** About what two medium web+app servers carry and one cannot. */
const DEMAND_TWO_CAN_CARRY = 500;

const complaints = (game: ReturnType<typeof newGame>) => game.state.incidents.filter((i) => i.kind === "complaints");

describe("users complain about what they suffer", () => {
  it("a nearly full disk, with every request served, makes no complaint: the player is never told", () => {
    const game = newGame();
    const web = buy(game, "web-01", ["web", "app", "db"], { public: true });
    must(game, { type: "setDns", recordType: "A", values: [hostOf(game, "web-01").publicIp!], ttl: 50 });
    setDemand(game, 100);
    run(game, 100);
    fire(game.state, { kind: "disk-fill", target: "web-01", duration: 0, size: 0 });
    const sum = run(game, 2 * COMPLAINTS.windowTicks);
    expect(sum.served).toBe(sum.demand);
    const warning = game.state.incidents.find((i) => i.kind === "disk-full")!;
    expect(warning.hostId).toBe(web);
    // The old game told the player 30 s later whatever the users felt.
    expect(warning.detectedAt).toBe(NOT_TOLD);
    expect(complaints(game)).toEqual([]);
    expect(game.state.users.badCount).toBe(0);
  });

  it("half of the requests failing: users complain once half of the window went badly, and the dead server comes to light", () => {
    const game = newGame();
    webFarm(game, 2); // no health checks: the dead server keeps its share
    setDemand(game, 400);
    run(game, 50);
    fire(game.state, { kind: "host-failure", target: "web-01", duration: 0, size: 0 });
    const web = hostOf(game, "web-01");
    const failure = game.state.incidents.find((i) => i.kind === "host-failure")!;
    run(game, COMPLAINTS.complainTicks - 1);
    expect(complaints(game)).toEqual([]);
    expect(visibleHostStatus(game.state, web)).toBe("up");
    run(game, 1);
    const [complaint] = complaints(game);
    expect(complaint.detectedAt).toBe(game.state.tick - 1);
    expect(complaint.params.failedPercent).toBeGreaterThanOrEqual(45);
    expect(complaint.params.host).toBe("web-01");
    expect(failure.detectedAt).toBe(game.state.tick - 1);
    expect(visibleHostStatus(game.state, web)).toBe("down");
  });

  it("a dead server the load balancer routes around hurts nobody, so nobody complains", () => {
    const game = newGame();
    webFarm(game, 2, { healthCheck: true, checkInterval: 10 });
    setDemand(game, 200);
    run(game, 50);
    fire(game.state, { kind: "host-failure", target: "web-01", duration: 0, size: 0 });
    run(game, 2 * COMPLAINTS.windowTicks);
    expect(complaints(game)).toEqual([]);
    expect(game.state.incidents.find((i) => i.kind === "host-failure")!.detectedAt).toBe(NOT_TOLD);
  });

  it("when the survivors overload and users complain, the backend HAProxy marked down comes to light too", () => {
    const game = newGame();
    webFarm(game, 2, { healthCheck: true, checkInterval: 10 });
    setDemand(game, DEMAND_TWO_CAN_CARRY);
    run(game, 50);
    fire(game.state, { kind: "host-failure", target: "web-01", duration: 0, size: 0 });
    const failure = game.state.incidents.find((i) => i.kind === "host-failure")!;
    run(game, 2 * COMPLAINTS.windowTicks);
    const [complaint] = complaints(game);
    expect(complaint.params.host).toBe("web-02");
    expect(failure.detectedAt).toBe(complaint.detectedAt);
  });

  it("a single bad tick makes no complaint", () => {
    const game = newGame();
    webFarm(game, 2);
    setDemand(game, 400);
    run(game, 50);
    const lb = hostOf(game, "lb-01");
    lb.status = "down";
    const bad = run(game, 1);
    expect(bad.served).toBe(0);
    lb.status = "up";
    run(game, COMPLAINTS.windowTicks);
    expect(complaints(game)).toEqual([]);
    expect(game.state.users.badCount).toBe(0);
  });

  it("complaints end once users are content again", () => {
    const game = newGame();
    webFarm(game, 2);
    setDemand(game, 400);
    run(game, 50);
    const web = hostOf(game, "web-01");
    web.status = "down";
    run(game, COMPLAINTS.complainTicks + 10);
    expect(complaints(game)[0].resolvedAt).toBe(-1);
    web.status = "up";
    run(game, COMPLAINTS.windowTicks);
    expect(complaints(game)[0].resolvedAt).toBeGreaterThan(0);
    expect(game.state.users.complainingSince).toBe(-1);
  });

  it("a tick is bad for users at 5 % failed or a p95 of 2 s, not below", () => {
    const r = emptyReport(0, 0);
    r.demand = [600, 300, 100, 0];
    r.served = [600, 300, 100, 0];
    expect(badTickForUsers(r)).toBe(false);
    r.served = [600, 300, 51, 0];
    expect(badTickForUsers(r)).toBe(false);
    r.served = [600, 300, 50, 0];
    expect(badTickForUsers(r)).toBe(true);
    r.served = [600, 300, 100, 0];
    r.p95Ms = COMPLAINTS.slowMs - 1;
    expect(badTickForUsers(r)).toBe(false);
    r.p95Ms = COMPLAINTS.slowMs;
    expect(badTickForUsers(r)).toBe(true);
  });
});

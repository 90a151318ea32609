// Room-wide controls over real sockets: the command rate limit, roles, pausing limited to the
// host, pings relayed to the others and cursors in the shared state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { COMMAND_BURST } from "../../shared/protocol.js";
import { bootServer, Player, until } from "./coopHarness.js";

let server: ColyseusTestServer;
beforeAll(async () => { server = await bootServer(3204); });
afterAll(async () => { await server.shutdown(); });

async function pair(scenario = "secured"): Promise<[Player, Player]> {
  const host = new Player(await server.sdk.create("coop", { name: "host", scenario }));
  const guest = new Player(await server.sdk.joinById(host.room.roomId, { name: "guest" }));
  await until(() => host.game !== null && guest.game !== null && host.room.state.players?.size === 2, "both playing");
  return [host, guest];
}

describe("co-op room: controls", () => {
  it("rate-limits commands per player: a burst passes, the excess is refused, the other player is unaffected", async () => {
    const [host, guest] = await pair();
    const flood = Array.from({ length: COMMAND_BURST + 15 }, () => host.command({ type: "setReplication", mode: "async" }));
    await until(() => host.rejected.filter((r) => /too many commands/.test(r.reason)).length >= 10, "rate-limit refusals");
    const limited = host.rejected.filter((r) => /too many commands/.test(r.reason)).map((r) => r.seq);
    expect(limited.length).toBeLessThanOrEqual(flood.length - COMMAND_BURST);
    for (const s of flood.slice(0, COMMAND_BURST)) expect(limited).not.toContain(s);
    const seq = guest.command({ type: "setReplication", mode: "semisync" });
    await until(() => guest.turns.some((t) => t.cmds.some((c) => c.seq === seq && c.by === guest.room.sessionId)), "the guest's command applies");
    expect(host.connected).toBe(true);
    await host.room.leave();
    await guest.room.leave();
  });

  it("roles: only the host switches them on and assigns them; then commands outside a role are refused naming the role", async () => {
    const [host, guest] = await pair();
    guest.room.send("roles", { enabled: true });
    expect((await guest.waitRejected((r) => r.type === "roles", "guest may not")).reason).toMatch(/only the host/);
    host.room.send("roles", { enabled: true });
    host.room.send("assignRole", { player: guest.room.sessionId, role: "security" });
    host.room.send("assignRole", { player: "nobody", role: "data" });
    expect((await host.waitRejected((r) => r.type === "assignRole", "no such player")).reason).toMatch(/no such player/);
    await until(() => guest.room.state.rolesEnabled === true && guest.room.state.players.get(guest.room.sessionId).role === "security", "role in the state");
    const refused = guest.command({ type: "setReplication", mode: "semisync" });
    expect((await guest.waitRejected((r) => r.seq === refused, "outside the role")).reason).toBe("only the data role may do that (you hold the security role)");
    const hostId = guest.game!.state.hosts[0].id;
    const allowed = guest.command({ type: "install", host: hostId, service: "monitor" });
    await until(() => guest.turns.some((t) => t.cmds.some((c) => c.seq === allowed)) || guest.rejectedFor(allowed) !== undefined, "the security command answered");
    expect(guest.rejectedFor(allowed)?.reason ?? "").not.toMatch(/role/);
    host.room.send("roles", { enabled: false });
    await until(() => guest.room.state.rolesEnabled === false, "roles off");
    const free = guest.command({ type: "setReplication", mode: "semisync" });
    await until(() => guest.turns.some((t) => t.cmds.some((c) => c.seq === free)), "any command once roles are off");
    await host.room.leave();
    await guest.room.leave();
  });

  it("any player may pause and the feed says who; the host can limit pausing to the host", async () => {
    const [host, guest] = await pair();
    guest.room.send("pause", { paused: true });
    await until(() => host.notices.some((n) => n.kind === "paused" && n.by === guest.room.sessionId && n.text === "guest paused the game"), "pause notice");
    await until(() => host.room.state.paused === true, "paused in the state");
    guest.room.send("pause", { paused: false });
    await until(() => host.room.state.paused === false, "resumed");
    guest.room.send("hostOnlyPause", { enabled: true });
    expect((await guest.waitRejected((r) => r.type === "hostOnlyPause", "guest may not")).reason).toMatch(/only the host/);
    host.room.send("hostOnlyPause", { enabled: true });
    await until(() => guest.room.state.hostOnlyPause === true, "host-only pause");
    guest.room.send("pause", { paused: true });
    expect((await guest.waitRejected((r) => r.type === "pause", "guest may not pause")).reason).toBe("only the host may pause in this room");
    guest.room.send("speed", { speed: 8 });
    expect((await guest.waitRejected((r) => r.type === "speed", "nor change speed")).reason).toMatch(/only the host/);
    host.room.send("pause", { paused: true });
    await until(() => guest.room.state.paused === true, "the host may");
    await host.room.leave();
    await guest.room.leave();
  });

  it("pings go to the others with who sent them (rate-limited); cursors land in the state", async () => {
    const [host, guest] = await pair();
    host.room.send("ping", { x: 120, y: -40 });
    await until(() => guest.pings.length === 1, "the guest sees the ping");
    expect(guest.pings[0]).toEqual({ by: host.room.sessionId, x: 120, y: -40 });
    for (let i = 0; i < 8; i++) host.room.send("ping", { x: i, y: i });
    await host.waitRejected((r) => r.type === "ping" && /too many pings/.test(r.reason), "ping limit");
    expect(host.pings).toEqual([]); // never echoed to the sender
    guest.room.send("cursor", { x: 55.5, y: 66 });
    await until(() => host.room.state.players.get(guest.room.sessionId).cursorX === 55.5, "cursor in the state");
    expect(host.room.state.players.get(guest.room.sessionId).cursorY).toBe(66);
    await host.room.leave();
    await guest.room.leave();
  });
});

// Joining a co-op room: the lobby, quick play, names, refusals at the door, the acceptance run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { bootServer, Player, until } from "./coopHarness.js";

let server: ColyseusTestServer;
beforeAll(async () => { server = await bootServer(3201); });
afterAll(async () => { await server.shutdown(); });

describe("co-op room: joining", () => {
  it("acceptance: two joinOrCreate calls land in one quick-play room that heartbeats, hashes and refuses bad commands", async () => {
    const a = new Player(await server.sdk.joinOrCreate("coop", { name: "alice", scenario: "distributed" }));
    const b = new Player(await server.sdk.joinOrCreate("coop", { name: "bob", scenario: "distributed" }));
    expect(b.room.roomId).toBe(a.room.roomId);
    await until(() => a.room.state.players?.size === 2 && b.room.state.players?.size === 2, "two players in the state");
    const start = Date.now();
    await until(() => a.turns.length >= 15 && b.turns.length >= 15, "15 turns each", 3000);
    expect(Date.now() - start).toBeLessThan(3000);
    await until(() => a.hashes.length >= 2 && b.hashes.length >= 2, "hash messages");
    for (const h of a.hashes) expect(h.tick % 10).toBe(0);
    expect(a.hashes[1].tick - a.hashes[0].tick).toBe(10);
    const bobHad = b.turns.length;
    const seq = a.command({ type: "buyHost", tier: "huge", public: true });
    const r = await a.waitRejected((x) => x.seq === seq, "the bad command's refusal");
    expect(r.reason).toMatch(/tier/);
    await until(() => b.turns.length > bobHad + 2, "bob keeps receiving turns");
    const bobSeq = b.command({ type: "connect", from: 1, to: 1 });
    await b.waitRejected((x) => x.seq === bobSeq, "bob's bad command refused too");
    expect(a.connected && b.connected).toBe(true);
    await a.room.leave();
    await b.room.leave();
  }, 10_000); // two seconds of real 10 Hz time at least (the second hash is at tick 20)

  it("without a scenario waits in the lobby; the host picks the scenario and seed and starts", async () => {
    const host = new Player(await server.sdk.create("coop", { name: "  Hana\u0007  " }));
    const guest = new Player(await server.sdk.joinById(host.room.roomId, { name: "" }));
    await until(() => host.room.state.players?.size === 2, "both in the lobby");
    const state = host.room.state;
    expect(state.phase).toBe("lobby");
    expect(state.code).toBe(host.room.roomId);
    expect(state.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY]{5}$/);
    const players = [...state.players.values()] as { name: string; colour: string; isHost: boolean }[];
    expect(players.map((p) => p.name).sort()).toEqual(["Hana", "Player 2"]);
    expect(new Set(players.map((p) => p.colour)).size).toBe(2);
    expect(state.players.get(host.room.sessionId).isHost).toBe(true);

    guest.room.send("ready", { ready: true });
    await until(() => state.players.get(guest.room.sessionId).ready === true, "guest ready");
    guest.room.send("start", {});
    expect((await guest.waitRejected((r) => r.type === "start", "guest may not start")).reason).toMatch(/only the host/);
    host.room.send("setup", { scenario: "nope" });
    expect((await host.waitRejected((r) => r.type === "setup", "unknown scenario refused")).reason).toMatch(/unknown scenario "nope"/);
    host.room.send("setup", { scenario: "secured", seed: 42 });
    await until(() => state.scenario === "secured" && state.seed === 42, "setup applied");
    expect(host.turns.length).toBe(0); // no turns in the lobby
    host.room.send("start", {});
    await until(() => host.game !== null && guest.game !== null, "both get the new game's snapshot");
    expect(host.snapshots[0].reason).toBe("new-game");
    expect(host.game!.state.scenario).toBe("secured");
    expect(host.game!.state.seed).toBe(42);
    await until(() => state.phase === "playing" && guest.turns.length >= 3, "turns after the start");
    await host.room.leave();
    await guest.room.leave();
  });

  it("refuses a client built from other simulation code, an unknown scenario and bad options, with clear messages", async () => {
    await expect(server.sdk.joinOrCreate("coop", { name: "x", simVersion: 999 })).rejects.toThrow(/simulation version 999 but the room runs 1: reload the page/);
    await expect(server.sdk.create("coop", { name: "x", protocol: 999 })).rejects.toThrow(/protocol 999/);
    await expect(server.sdk.create("coop", { name: "x", scenario: "moon-base" })).rejects.toThrow(/unknown scenario "moon-base"/);
    await expect(server.sdk.create("coop", { name: 5 })).rejects.toThrow(/bad join options: name/);
  });

  it("passes the host on when the host leaves, plays again with the same players and code, and disposes when empty", async () => {
    const host = new Player(await server.sdk.create("coop", { name: "h", scenario: "simple-stack" }));
    const other = new Player(await server.sdk.joinById(host.room.roomId, { name: "o" }));
    const code = host.room.roomId;
    await until(() => other.game !== null && other.room.state.players?.size === 2, "joined");
    expect(other.snapshots[0].reason).toBe("join");
    // End the game for everyone: the room's own game is the authority.
    const room = server.getRoomById(code) as unknown as { clockOfTurns: { game: { state: { ended: unknown } } } };
    room.clockOfTurns.game.state.ended = { tick: 1, outcome: "lost", reason: "test" };
    await until(() => other.room.state.phase === "ended", "phase ended");
    other.room.send("playAgain", { scenario: "distributed" });
    expect((await other.waitRejected((r) => r.type === "playAgain", "only the host")).reason).toMatch(/only the host/);
    const seq = other.command({ type: "setReplication", mode: "semisync" });
    expect((await other.waitRejected((r) => r.seq === seq, "game over")).reason).toMatch(/game is over/);
    host.room.send("playAgain", { scenario: "distributed", seed: 7 });
    await until(() => other.snapshots.some((s) => s.reason === "new-game") && other.room.state.phase === "playing", "the new game");
    expect(other.game!.state.scenario).toBe("distributed");
    expect(other.room.state.phase).toBe("playing");
    expect(other.room.roomId).toBe(code);

    await host.room.leave();
    await until(() => other.room.state.players.size === 1 && other.room.state.players.get(other.room.sessionId).isHost, "host passed on");
    expect(other.notices.some((n) => n.kind === "host")).toBe(true);
    await other.room.leave();
    await until(() => server.getRoomById(code) === undefined, "room disposed");
  });

  it("holds at most 8 players: the ninth is refused", async () => {
    const first = await server.sdk.create("coop", { name: "p1" });
    const rest = await Promise.all(Array.from({ length: 7 }, (_, i) => server.sdk.joinById(first.roomId, { name: `p${i + 2}` })));
    await expect(server.sdk.joinById(first.roomId, { name: "p9" })).rejects.toThrow();
    await until(() => first.state.players?.size === 8, "eight players");
    const names = [...first.state.players.values()].map((p: { name: string }) => p.name);
    expect(new Set(names).size).toBe(8);
    for (const r of [first, ...rest]) await r.leave();
  }, 8000);
});

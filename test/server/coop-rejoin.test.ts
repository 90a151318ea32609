// Coming back: a dropped player reconnects with its token and resumes from a snapshot plus the
// turns since; a late joiner does the same; a client whose state was corrupted finds out from the
// hashes, asks to resync, the server logs which section differed, and the hashes agree again.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { bootServer, Player, until } from "./coopHarness.js";

let server: ColyseusTestServer;
beforeAll(async () => { server = await bootServer(3205); });
afterAll(async () => { await server.shutdown(); });

async function playing(): Promise<[Player, Player]> {
  const a = new Player(await server.sdk.create("coop", { name: "ann", scenario: "distributed" }));
  const b = new Player(await server.sdk.joinById(a.room.roomId, { name: "ben" }));
  await until(() => a.game !== null && b.game !== null, "both playing");
  a.room.send("speed", { speed: 8 }); // reach hash ticks sooner
  return [a, b];
}

describe("co-op room: reconnection, late join, desync", () => {
  it("a dropped player is shown as not connected, reconnects with its token and resumes from a snapshot", async () => {
    const [a, b] = await playing();
    const token = b.room.reconnectionToken;
    const id = b.room.sessionId;
    b.room.connection.close(); // not a consented leave: the seat is kept
    await until(() => a.room.state.players.get(id)?.connected === false, "ben shown as disconnected");
    expect(a.notices.some((n) => n.kind === "left" && n.by === id)).toBe(true);
    const seq = a.command({ type: "setReplication", mode: "semisync" }); // happens while ben is away
    await until(() => a.game!.state.replication === "semisync", "ann's command applied");
    const back = new Player(await server.sdk.reconnect(token));
    expect(back.room.sessionId).toBe(id);
    await until(() => back.game !== null, "a snapshot on return");
    expect(back.snapshots[0].reason).toBe("join");
    expect(back.game!.state.replication).toBe("semisync");
    await until(() => a.room.state.players.get(id)?.connected === true, "ben connected again");
    const hashesBefore = back.agreed;
    await until(() => back.agreed > hashesBefore, "ben's resumed game agrees with the room's hashes");
    expect(back.mismatches).toEqual([]);
    expect(back.lostPlace).toBe(0);
    expect(a.notices.some((n) => n.kind === "reconnected" && n.by === id)).toBe(true);
    expect(seq).toBeGreaterThan(0);
    await a.room.leave();
    await back.room.leave();
  });

  it("a late joiner gets the running game and keeps in step", async () => {
    const [a, b] = await playing();
    const seq = a.command({ type: "buyHost", tier: "small", public: true, name: "web-07" });
    await until(() => b.game!.state.hosts.some((h) => h.name === "web-07") && b.game!.tick > 30, "the game moved on");
    const late = new Player(await server.sdk.joinById(a.room.roomId, { name: "cleo" }));
    await until(() => late.game !== null, "cleo's snapshot");
    expect(late.snapshots[0].tick).toBeGreaterThan(30);
    expect(late.game!.state.hosts.some((h) => h.name === "web-07")).toBe(true);
    await until(() => late.agreed >= 2, "cleo's hashes agree");
    expect(late.mismatches).toEqual([]);
    await until(() => a.room.state.players.size === 3, "three players");
    expect(seq).toBeGreaterThan(0);
    for (const p of [a, b, late]) await p.room.leave();
  });

  it("a corrupted client resyncs: the server logs the differing section, and the hashes agree again", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const [a, b] = await playing();
      await until(() => b.agreed >= 1, "in step first");
      b.game!.state.money += 1; // a desync no one caused on purpose would look the same
      await until(() => b.mismatches.length >= 1, "ben notices from the hashes");
      await until(() => b.snapshots.some((s) => s.reason === "resync"), "a fresh snapshot");
      const line = warn.mock.calls.map((c) => String(c[0])).find((l) => l.includes("desync: ben"));
      expect(line).toMatch(/desync: ben \([\w-]+\) at tick \d+ differs in economy$/);
      expect(a.notices.some((n) => n.kind === "desync" && n.by === b.room.sessionId)).toBe(true);
      const agreedAfter = b.agreed;
      const mismatchesAfter = b.mismatches.length;
      await until(() => b.agreed >= agreedAfter + 2, "agreement again");
      expect(b.mismatches.length).toBe(mismatchesAfter);
      await a.room.leave();
      await b.room.leave();
    } finally {
      warn.mockRestore();
    }
  });

  it("resync requests are rate-limited", async () => {
    const [a, b] = await playing();
    for (let i = 0; i < 6; i++) b.room.send("resync", {});
    await b.waitRejected((r) => r.type === "resync" && /too many resync/.test(r.reason), "resync limit");
    expect(b.snapshots.filter((s) => s.reason === "resync").length).toBeLessThanOrEqual(3);
    expect(b.connected).toBe(true);
    await a.room.leave();
    await b.room.leave();
  });
});

// Every kind of bad message gets a `rejected` naming why, and the sender stays connected and can
// go on playing. Nothing a client sends can throw inside the room.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { bootServer, Player, until } from "./coopHarness.js";

let server: ColyseusTestServer;
let p: Player;
let other: Player;
beforeAll(async () => {
  server = await bootServer(3203);
  p = new Player(await server.sdk.create("coop", { name: "mallory", scenario: "distributed" }));
  other = new Player(await server.sdk.joinById(p.room.roomId, { name: "olive" }));
  await until(() => p.game !== null && other.game !== null, "both playing");
});
afterAll(async () => { await server.shutdown(); });

/** Sends a message of `type` and waits for the refusal of the next one that arrives. */
async function refusal(send: () => void): Promise<{ seq: number; reason: string; type?: string }> {
  const before = p.rejected.length;
  send();
  await until(() => p.rejected.length > before, "a rejected reply");
  return p.rejected[before];
}

describe("co-op room: bad messages are refused, never fatal", () => {
  it("unknown types, non-objects, missing and extra fields, wrong types", async () => {
    expect(await refusal(() => p.room.send("teleport", { x: 1 }))).toMatchObject({ seq: -1, type: "teleport", reason: 'unknown message type "teleport"' });
    expect(await refusal(() => p.room.send(7, { x: 1 }))).toMatchObject({ type: "7", reason: expect.stringMatching(/unknown message type/) });
    for (const body of [42, "hello", [1, 2], null, undefined, true]) {
      const r = await refusal(() => p.room.send("cmd", body));
      expect(r.seq).toBe(-1);
      expect(r.reason).toBe('a "cmd" message must be a plain object');
    }
    expect((await refusal(() => p.room.send("cmd", { seq: 903 }))).reason).toMatch(/malformed "cmd" message: cmd/);
    expect((await refusal(() => p.room.send("cmd", { cmd: { type: "undo" } }))).reason).toMatch(/malformed "cmd" message: seq/);
    const extra = await refusal(() => p.room.send("cmd", { seq: 904, cmd: { type: "undo" }, admin: true }));
    expect(extra).toMatchObject({ seq: 904, type: "cmd" });
    expect(extra.reason).toMatch(/admin/);
    expect((await refusal(() => p.room.send("cmd", { seq: 905, cmd: { type: "setReplication", mode: "async", sneaky: 1 } }))).reason).toBe("malformed command: unknown field cmd.sneaky");
    expect((await refusal(() => p.room.send("cmd", { seq: "six", cmd: { type: "undo" } }))).seq).toBe(-1);
    expect((await refusal(() => p.room.send("cmd", { seq: -1, cmd: { type: "undo" } }))).reason).toMatch(/seq/);
    expect((await refusal(() => p.room.send("pause", { paused: "yes" }))).reason).toMatch(/malformed "pause" message: paused/);
    expect((await refusal(() => p.room.send("speed", { speed: 3 }))).reason).toMatch(/speed/);
    expect((await refusal(() => p.room.send("ping", { x: 1 }))).reason).toMatch(/malformed "ping" message: y/);
    expect((await refusal(() => p.room.send("cursor", { x: Infinity, y: 0 }))).reason).toMatch(/cursor/);
    expect((await refusal(() => p.room.send("assignRole", { player: "x", role: "king" }))).reason).toMatch(/role/);
    expect((await refusal(() => p.room.send("resync", { sections: { hosts: "x".repeat(100) } }))).reason).toMatch(/sections/);
    expect(p.connected).toBe(true);
  });

  it("prototype tricks, non-data values, huge strings, raw bytes and undecodable bytes", async () => {
    const proto = JSON.parse('{"seq":910,"cmd":{"__proto__":{"type":"setReplication","mode":"async"}}}');
    expect((await refusal(() => p.room.send("cmd", proto))).reason).toMatch(/malformed command/);
    expect((await refusal(() => p.room.send("cmd", { seq: 911, cmd: { type: "setDns", recordType: "A", values: [new Date(0)], ttl: 5 } }))).reason).toMatch(/not a plain object/);
    expect((await refusal(() => p.room.send("cmd", { seq: 912, cmd: { type: "buyHost", tier: "small", public: true, name: "x".repeat(20_000) } })))).toMatchObject({
      seq: -1, type: "cmd", reason: expect.stringMatching(/too large \(\d+ bytes; at most 8192\)/),
    });
    expect((await refusal(() => p.command({ type: "buyHost", tier: "small", public: true, name: "x".repeat(5_000) })))).toMatchObject({ reason: expect.stringMatching(/name/) });
    expect(await refusal(() => p.room.sendBytes("cmd", new Uint8Array([1, 2, 3])))).toMatchObject({ type: "cmd", reason: "raw byte messages are not accepted" });
    // ROOM_DATA (13), the type "cmd" as a short string, then a truncated MessagePack array.
    expect(await refusal(() => p.room.connection.send(new Uint8Array([13, 0xa3, 0x63, 0x6d, 0x64, 0x92, 0x01])))).toMatchObject({ type: "cmd", reason: expect.stringMatching(/could not be read/) });
    expect(p.connected).toBe(true);
  });

  it("commands the rules refuse: unknown type, a missing host, not enough money, after intake too", async () => {
    const unknown = p.command({ type: "nuke" });
    expect((await p.waitRejected((r) => r.seq === unknown, "unknown command")).reason).toMatch(/malformed command: type/);
    const missing = p.command({ type: "install", host: 999, service: "web" });
    expect((await p.waitRejected((r) => r.seq === missing, "missing host")).reason).toMatch(/999|no such|not found|exist/i);
    // Each server passes intake alone; applied in one turn, the budget runs out on the way.
    const rich = new Player(await server.sdk.create("coop", { name: "rich", scenario: "scale-up" }));
    await until(() => rich.game !== null, "rich's game");
    const count = Math.floor(rich.game!.state.money / 200_000) + 1; // large servers
    expect(count).toBeLessThanOrEqual(10); // within the burst: the refusal is the budget's, not the rate limit's
    const seqs = Array.from({ length: count }, () => rich.command({ type: "buyHost", tier: "large", public: false }));
    const last = seqs[seqs.length - 1];
    const r = await rich.waitRejected((x) => x.seq === last, "the unaffordable server");
    expect(r.reason).toMatch(/money|afford|budget|cost/i);
    await until(() => rich.turns.some((t) => t.cmds.some((c) => c.seq === seqs[0])), "the affordable ones applied");
    for (const s of seqs.slice(0, -1)) expect(rich.rejectedFor(s)).toBeUndefined();
    await rich.room.leave();
  });

  it("after all that, both players are connected and a good command still applies for everyone", async () => {
    const seq = p.command({ type: "setReplication", mode: "semisync" });
    await until(() => other.turns.some((t) => t.cmds.some((c) => c.seq === seq && c.by === p.room.sessionId)), "the command in a turn");
    await until(() => other.game!.state.replication === "semisync", "applied on olive's game");
    expect(p.connected && other.connected).toBe(true);
    expect(p.clientRefusals).toEqual([]);
    expect(p.lostPlace + other.lostPlace).toBe(0);
  });
});

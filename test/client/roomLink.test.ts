// The browser's room connection against the real co-op room over real sockets: create, start, a
// dropped socket that reconnects by itself into the same seat and resumes from a snapshot, and a
// reopened tab that gets its seat back with the remembered token.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../client/logic/storage.js";
import { RoomLink, type LinkHandlers, type LinkStatus } from "../../client/net/roomLink.js";
import { SeatMemory } from "../../client/net/seat.js";
import type { SnapshotMessage, TurnMessage } from "../../shared/index.js";
import { bootServer, until } from "../server/coopHarness.js";

const PORT = 3324;
const ENDPOINT = `http://127.0.0.1:${PORT}`;
let server: ColyseusTestServer;

beforeAll(async () => {
  server = await bootServer(PORT);
});
afterAll(async () => {
  await server?.shutdown();
});

function recorder() {
  const got = { turns: [] as TurnMessage[], snapshots: [] as SnapshotMessage[], statuses: [] as LinkStatus[], metaChanges: 0 };
  const handlers: LinkHandlers = {
    turn: (m) => got.turns.push(m),
    hash: () => {},
    snapshot: (m) => got.snapshots.push(m),
    rejected: () => {},
    ping: () => {},
    notice: () => {},
    metaChanged: () => got.metaChanges++,
    status: (s) => got.statuses.push(s),
  };
  return { got, handlers };
}

/** Drops the socket as a network failure would (no close handshake). */
function dropSocket(link: RoomLink): void {
  const room = (link as unknown as { room: { connection: { transport: { ws: { terminate(): void } } } } }).room;
  room.connection.transport.ws.terminate();
}

describe("room link", () => {
  it("reconnects by itself after a drop, into the same seat, and resumes from a snapshot", async () => {
    const host = recorder();
    const hostSeats = new SeatMemory(new MemoryStore(), new MemoryStore());
    const link = await RoomLink.create("alice", hostSeats, host.handlers, ENDPOINT);
    await until(() => link.meta.players.length === 1 && link.meta.code.length > 0, "the room's metadata");
    expect(link.meta.players[0]).toMatchObject({ name: "alice", isHost: true, connected: true });
    expect(link.code).toBe(link.meta.code);
    expect(hostSeats.tokensFor(link.code)).toHaveLength(1);

    const guest = recorder();
    const guestLink = await RoomLink.join(link.code, "bob", new SeatMemory(new MemoryStore(), new MemoryStore()), guest.handlers, ENDPOINT);
    await until(() => link.meta.players.length === 2, "bob in alice's player list");
    link.send("start", {});
    await until(() => host.got.snapshots.length === 1 && guest.got.snapshots.length === 1, "the new-game snapshot");
    expect(guest.got.snapshots[0].reason).toBe("new-game");

    const id = guestLink.sessionId;
    dropSocket(guestLink);
    await until(() => guest.got.statuses.includes("reconnecting"), "the reconnecting status");
    await until(() => link.meta.players.find((p) => p.name === "bob")?.connected === false, "bob shown as away", 4000);
    await until(() => guest.got.statuses.at(-1) === "connected", "reconnected", 8000);
    expect(guestLink.sessionId).toBe(id);
    await until(() => guest.got.snapshots.length === 2, "a snapshot after reconnecting");
    const resumeAt = guest.got.snapshots[1].tick;
    await until(() => guest.got.turns.some((t) => t.tick === resumeAt), "turns from the snapshot's tick on");
    await until(() => link.meta.players.find((p) => p.name === "bob")?.connected === true, "bob back online");
    await guestLink.leave();
    await link.leave();
  });

  it("gets a reopened tab back into its seat while the room holds it", async () => {
    const host = recorder();
    const link = await RoomLink.create("carol", new SeatMemory(new MemoryStore(), new MemoryStore()), host.handlers, ENDPOINT);
    await until(() => link.meta.code.length > 0, "the code");
    const browserStorage = new MemoryStore();
    const first = await RoomLink.join(link.code, "dave", new SeatMemory(new MemoryStore(), browserStorage), recorder().handlers, ENDPOINT);
    const seat = first.sessionId;
    first.abandon(); // the old tab is gone: no retries from it
    dropSocket(first);
    await until(() => link.meta.players.find((p) => p.name === "dave")?.connected === false, "dave shown as away", 4000);
    // A new tab: empty sessionStorage, the same localStorage.
    const again = await RoomLink.join(link.code, "dave", new SeatMemory(new MemoryStore(), browserStorage), recorder().handlers, ENDPOINT);
    expect(again.sessionId).toBe(seat);
    await again.leave();
    await link.leave();
  });
});

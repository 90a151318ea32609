// A whole co-op game as two browsers play it, minus the DOM: each client is the room link, the
// lockstep clock and the session the co-op screen wires together, against the real room (with a
// fast turn clock). The site goes down, reputation runs out, both clients see the same end with
// every hash agreed, and the host's "play again" brings both into a new game in the same room.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Speed } from "../../client/logic/fixedStep.js";
import { LockstepClock } from "../../client/logic/lockstep.js";
import { GameSession } from "../../client/logic/session.js";
import { RoomSink } from "../../client/logic/sinks.js";
import { MemoryStore } from "../../client/logic/storage.js";
import { RoomLink, type LinkHandlers } from "../../client/net/roomLink.js";
import { SeatMemory } from "../../client/net/seat.js";
import type { SnapshotMessage } from "../../shared/index.js";
import { bootServer, fastConfig, until } from "../server/coopHarness.js";

const PORT = 3325;
const ENDPOINT = `http://127.0.0.1:${PORT}`;
let server: ColyseusTestServer;

beforeAll(async () => {
  server = await bootServer(PORT, fastConfig());
});
afterAll(async () => {
  await server?.shutdown();
});

/** One player's client: what client/ui/coopGame.ts builds, without the screens. */
class HeadlessClient {
  link!: RoomLink;
  clock: LockstepClock | null = null;
  session: GameSession | null = null;
  games = 0;
  ended = 0;
  refused: string[] = [];

  async open(name: string, code?: string): Promise<this> {
    const handlers: LinkHandlers = {
      turn: (m) => this.clock?.onTurn(m),
      hash: (m) => this.clock?.onHash(m),
      snapshot: (m) => this.snapshot(m),
      rejected: (m) => this.refused.push(m.reason),
      ping: () => {},
      notice: () => {},
      metaChanged: () => {},
      status: () => {},
    };
    const seats = new SeatMemory(new MemoryStore(), new MemoryStore());
    this.link = code ? await RoomLink.join(code, name, seats, handlers, ENDPOINT) : await RoomLink.create(name, seats, handlers, ENDPOINT);
    return this;
  }

  private snapshot(msg: SnapshotMessage): void {
    const meta = () => this.link.meta;
    const clock = new LockstepClock({
      roomSpeed: () => (meta().paused ? 0 : meta().speed) as Speed,
      requestSpeed: (speed) => this.link.send("speed", { speed: speed as 1 | 2 | 4 | 8 }),
      requestPause: (paused) => this.link.send("pause", { paused }),
      requestResync: (tick, sections) => this.link.send("resync", sections ? { tick, sections } : { tick }),
    });
    const session = new GameSession(clock.onSnapshot(msg), {
      me: this.link.sessionId,
      clock: () => clock,
      sink: (s) => new RoomSink(() => s.game, () => ({ id: this.link.sessionId, role: null }), this.link),
    });
    clock.bind(session, session.sink as RoomSink);
    session.on("ended", () => this.ended++);
    this.clock = clock;
    this.session = session;
    this.games++;
  }

  /** Frames of a quarter second each: as a browser tab that renders a few frames a second. */
  frames(n: number): void {
    for (let i = 0; i < n; i++) this.session?.frame(250);
  }
}

describe("a whole co-op game on the client side", () => {
  it("plays to the end in step with the room, then the host starts the next game in the same room", async () => {
    const alice = await new HeadlessClient().open("alice");
    await until(() => alice.link.meta.code.length > 0, "the room code");
    const bob = await new HeadlessClient().open("bob", alice.link.code);
    await until(() => alice.link.meta.players.length === 2, "both players");
    alice.link.send("setup", { scenario: "distributed", seed: 7 });
    await until(() => alice.link.meta.scenario === "distributed", "the chapter chosen");
    alice.link.send("start", {});
    await until(() => alice.games === 1 && bob.games === 1, "the first game");

    // Alice takes the only web server's Nginx away: every request fails and reputation drains.
    const web = alice.session!.state.hosts[0].id;
    expect(alice.session!.apply({ type: "remove", host: web, service: "web" }).ok).toBe(true);
    alice.session!.setSpeed(8);
    await until(() => alice.link.meta.speed === 8, "the room at 8x");
    await until(() => {
      alice.frames(20);
      bob.frames(20);
      return alice.ended === 1 && bob.ended === 1;
    }, "both clients to reach the end", 4500);

    for (const c of [alice, bob]) {
      expect(c.session!.state.ended?.outcome).toBe("lost");
      expect(c.clock!.resyncs).toBe(0);
      expect(c.clock!.hashes.agreed).toBeGreaterThan(100);
    }
    expect(bob.session!.game.hash()).toBe(alice.session!.game.hash());
    expect(bob.session!.state.hosts[0].services.some((s) => s.kind === "web")).toBe(false);

    // Only the host may start the next game; then both are in it, in the same room.
    bob.link.send("playAgain", { scenario: "simple-stack" });
    await until(() => bob.refused.length === 1, "bob's play-again refused");
    expect(bob.refused[0]).toMatch(/only the host/);
    await until(() => alice.link.meta.phase === "ended", "the room's ended phase");
    alice.link.send("playAgain", { scenario: "simple-stack" });
    await until(() => alice.games === 2 && bob.games === 2, "the next game");
    expect(bob.session!.state.scenario).toBe("simple-stack");
    expect(bob.session!.state.tick).toBe(0);
    expect(bob.link.code).toBe(alice.link.code);
    await bob.link.leave();
    await alice.link.leave();
  });
});

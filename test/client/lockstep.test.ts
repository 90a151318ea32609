// The co-op client's logic without a network: the sinks, and two clients played by the same turn
// messages the room would send (here produced by a game stepped in the test, as the room does).
import { describe, expect, it } from "vitest";
import { applyCommands, Game, HASH_EVERY_TICKS, SOLO_ACTOR, type Command, type Role, type TurnMessage } from "../../shared/index.js";
import type { Speed } from "../../client/logic/fixedStep.js";
import { LockstepClock } from "../../client/logic/lockstep.js";
import { GameSession } from "../../client/logic/session.js";
import { RoomSink } from "../../client/logic/sinks.js";

const FRAME = 1000 / 60;

/** One client as the co-op screen wires it: a session whose clock plays turns and whose sink sends. */
function client(id: string, snapshot: string, role: Role | null = null) {
  const sent: { seq: number; cmd: Command }[] = [];
  const resyncs: { tick: number; sections?: Record<string, string> }[] = [];
  const control = { speed: 1 as Speed, connected: true };
  const clock = new LockstepClock({
    roomSpeed: () => control.speed,
    requestSpeed: (s) => (control.speed = s),
    requestPause: (paused) => (control.speed = paused ? 0 : 1),
    requestResync: (tick, sections) => resyncs.push({ tick, sections }),
  });
  const game = clock.onSnapshot({ tick: 0, snapshot, reason: "join" });
  const session = new GameSession(game, {
    me: id,
    clock: () => clock,
    sink: (s) => new RoomSink(() => s.game, () => ({ id, role }), { sendCommand: (seq, cmd) => sent.push({ seq, cmd }), get connected() { return control.connected; } }),
  });
  clock.bind(session, session.sink as RoomSink);
  const refused: string[] = [];
  session.on("refused", (r) => refused.push(r));
  return { id, session, clock, sent, resyncs, control, refused };
}
type Client = ReturnType<typeof client>;

/** The room's side, reduced to what the protocol promises: turns of `speed` ticks, a hash every 10. */
function room(clients: Client[], speed: number, scenario = "distributed") {
  const game = Game.create(scenario, 5);
  const hashes: { tick: number; hash: string }[] = [];
  return {
    game,
    /** One turn message: commands sent since the last one, stamped at the room's tick, then `speed` steps. */
    turn(): TurnMessage {
      const tick = game.tick;
      const cmds = clients.flatMap((c) => c.sent.splice(0).map((s) => ({ tick, by: c.id, seq: s.seq, cmd: s.cmd })));
      applyCommands(game, { tick, cmds });
      for (let i = 0; i < speed; i++) {
        game.step();
        if (game.tick % HASH_EVERY_TICKS === 0) hashes.push({ tick: game.tick, hash: game.hash() });
      }
      return { tick, ticks: speed, cmds };
    },
    hashes,
  };
}

describe("sinks", () => {
  it("solo: the local sink applies at once as the solo actor and answers with the verdict", () => {
    const session = GameSession.start("simple-stack", 3);
    const seen: [string, string, boolean][] = [];
    session.on("applied", (cmd, by, mine) => seen.push([cmd.type, by, mine]));
    expect(session.apply({ type: "buyHost", tier: "medium", public: true })).toEqual({ ok: true });
    expect(session.state.hosts).toHaveLength(1);
    expect(seen).toEqual([["buyHost", SOLO_ACTOR, true]]);
    expect(session.apply({ type: "buyHost", tier: "medium", public: true }).ok).toBe(false);
    expect(session.game.log).toHaveLength(1);
  });

  it("room: a legal command is sent and changes nothing until its turn; an illegal one is explained and not sent", () => {
    const snap = Game.create("distributed", 5).snapshot();
    const a = client("alice", snap, "data");
    const before = a.session.game.hash();
    // The data role may not buy servers: refused at once with the role's reason, nothing sent.
    const refused = a.session.apply({ type: "buyHost", tier: "small", public: true });
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining("only the servers role") });
    expect(a.sent).toHaveLength(0);
    expect(a.session.check({ type: "setReplication", mode: "semisync" }).ok).toBe(true);
    expect(a.session.apply({ type: "setReplication", mode: "semisync" }).ok).toBe(true);
    expect(a.sent).toEqual([{ seq: 1, cmd: { type: "setReplication", mode: "semisync" } }]);
    expect(a.session.game.hash()).toBe(before);
    expect((a.session.sink as RoomSink).waiting).toBe(1);
    // While the connection is down nothing is sent into the void: the player is told why.
    a.control.connected = false;
    expect(a.session.apply({ type: "setReplication", mode: "semisync" })).toEqual({ ok: false, reason: expect.stringContaining("connection to the room is down") });
    expect(a.sent).toHaveLength(1);
  });
});

describe("lockstep clients", () => {
  it("two clients fed the same turns build the same game and agree with every room hash", () => {
    const snap = Game.create("distributed", 5).snapshot();
    const a = client("alice", snap);
    const b = client("bob", snap);
    const r = room([a, b], 2);
    a.control.speed = b.control.speed = 2;
    const appliedOnB: string[] = [];
    b.session.on("applied", (cmd, by, mine) => appliedOnB.push(`${by}:${cmd.type}:${mine}`));
    expect(a.session.apply({ type: "buyHost", tier: "small", public: true }).ok).toBe(true);
    expect(b.session.apply({ type: "setReplication", mode: "semisync" }).ok).toBe(true);
    for (let f = 0; f < 600; f++) {
      if (f % 6 === 0) {
        const msg = r.turn();
        for (const c of [a, b]) c.clock.onTurn(structuredClone(msg));
        while (r.hashes.length) { const h = r.hashes.shift()!; for (const c of [a, b]) c.clock.onHash(h); }
      }
      if (f === 120) expect(a.session.apply({ type: "install", host: a.session.state.hosts.at(-1)!.id, service: "web" }).ok).toBe(true);
      a.session.frame(FRAME);
      b.session.frame(FRAME);
    }
    expect(appliedOnB.slice(0, 2)).toEqual(["alice:buyHost:false", "bob:setReplication:true"]);
    expect(appliedOnB).toContain("alice:install:false");
    for (const c of [a, b]) {
      expect(c.resyncs).toEqual([]);
      expect(c.clock.hashes.agreed).toBeGreaterThan(15);
      expect(c.session.game.tick).toBeGreaterThan(r.game.tick - 8);
    }
    // Both caught up to the room's tick give the room's hash.
    for (let i = 0; i < 30; i++) { a.session.frame(FRAME); b.session.frame(FRAME); }
    expect(a.session.game.tick).toBe(r.game.tick);
    expect(a.session.game.hash()).toBe(r.game.hash());
    expect(b.session.game.hash()).toBe(r.game.hash());
  });

  it("a corrupted client asks for a snapshot at the first hash, restores it and agrees again", () => {
    const snap = Game.create("distributed", 5).snapshot();
    const a = client("alice", snap);
    const r = room([a], 1);
    a.session.game.state.money += 1; // the desync
    let f = 0;
    const pump = (frames: number) => {
      for (let end = f + frames; f < end; f++) {
        if (f % 6 === 0) {
          a.clock.onTurn(r.turn());
          while (r.hashes.length) a.clock.onHash(r.hashes.shift()!);
        }
        a.session.frame(FRAME);
      }
    };
    pump(90);
    expect(a.resyncs).toHaveLength(1);
    expect(a.resyncs[0].tick).toBe(10);
    expect(a.clock.resyncing).toBe(true);
    // Waiting for the snapshot, the client neither plays nor asks again.
    const waitingAt = a.session.game.tick;
    pump(30);
    expect(a.session.game.tick).toBe(waitingAt);
    expect(a.resyncs).toHaveLength(1);
    const restored: number[] = [];
    a.session.on("restored", () => restored.push(a.session.game.tick));
    a.session.replaceGame(a.clock.onSnapshot({ tick: r.game.tick, snapshot: r.game.snapshot(), reason: "resync" }));
    expect(restored).toEqual([r.game.tick]);
    const agreed = a.clock.hashes.agreed;
    pump(120);
    expect(a.resyncs).toHaveLength(1);
    expect(a.clock.hashes.agreed).toBeGreaterThan(agreed);
  });

  it("a turn that does not follow on asks for a snapshot instead of guessing", () => {
    const snap = Game.create("distributed", 5).snapshot();
    const a = client("alice", snap);
    a.clock.onTurn({ tick: 0, ticks: 1, cmds: [] });
    a.clock.onTurn({ tick: 5, ticks: 1, cmds: [] });
    expect(a.resyncs).toEqual([{ tick: 0, sections: a.session.game.sectionHashes() }]);
  });

  it("speed and pause are the room's: asking changes nothing until the room says so", () => {
    const a = client("alice", Game.create("distributed", 5).snapshot());
    a.control.speed = 4;
    expect(a.session.speed).toBe(4);
    a.session.setSpeed(0);
    expect(a.control.speed).toBe(0);
    a.session.togglePause();
    expect(a.control.speed).toBe(1);
  });

  it("a command the room accepted but that fails in its turn is reported with the reason", () => {
    const snap = Game.create("simple-stack", 5).snapshot();
    const a = client("alice", snap);
    const b = client("bob", snap);
    // Both buy the one server chapter 1 allows, in the same turn: the second fails.
    const r = room([a, b], 1, "simple-stack");
    expect(a.session.apply({ type: "buyHost", tier: "medium", public: true }).ok).toBe(true);
    expect(b.session.apply({ type: "buyHost", tier: "medium", public: true }).ok).toBe(true);
    const msg = r.turn();
    a.clock.onTurn(msg);
    b.clock.onTurn(msg);
    a.session.frame(200);
    b.session.frame(200);
    expect(a.refused).toEqual([]);
    expect(b.refused).toEqual([expect.stringContaining("at most 1 server")]);
  });
});

// The room's lockstep parts on their own, without sockets: the token bucket, room codes, the
// strict command intake and the turn clock.
import { describe, expect, it } from "vitest";
import { LocalPresence } from "@colyseus/core";
import { Game } from "../../shared/index.js";
import { takeCommand, strictCommand } from "../../server/lockstep/commandIntake.js";
import { TokenBucket } from "../../server/lockstep/rateLimiter.js";
import { claimRoomCode, isRoomCode, releaseRoomCode } from "../../server/lockstep/roomCode.js";
import { TurnClock } from "../../server/lockstep/turnClock.js";
import { diffSections, sectionHashes } from "../../server/lockstep/sectionHashes.js";
import { describeDesync } from "../../server/lockstep/desync.js";

describe("token bucket", () => {
  it("lets a burst through, then the steady rate", () => {
    let now = 0;
    const bucket = new TokenBucket(20, 10, () => now);
    const burst = Array.from({ length: 12 }, () => bucket.take());
    expect(burst.filter(Boolean).length).toBe(10);
    now += 100; // 0.1 s at 20/s: two more
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now += 60_000; // a long quiet spell refills only up to the burst
    expect(Array.from({ length: 11 }, () => bucket.take()).filter(Boolean).length).toBe(10);
  });
});

describe("room codes", () => {
  it("are short, unambiguous and unique among live rooms until released", async () => {
    const presence = new LocalPresence();
    let n = 0;
    const sameThenOther = () => (n++ < 5 ? 0 : 0.99); // the first code twice, then another
    const first = await claimRoomCode(presence, sameThenOther);
    expect(first).toBe("AAAAA");
    const second = await claimRoomCode(presence, sameThenOther);
    expect(second).not.toBe(first);
    expect(isRoomCode(first) && isRoomCode(second)).toBe(true);
    expect(isRoomCode("ABCDE")).toBe(false); // B is left out: it reads like 8
    await releaseRoomCode(presence, first);
    expect(await claimRoomCode(presence, () => 0)).toBe("AAAAA");
  });
});

describe("command intake", () => {
  const game = Game.create("distributed", 1);
  const ctx = (role: "network" | null = null) => ({ game, ended: false, actor: { id: "p1", role }, bucket: new TokenBucket(20, 10) });

  it("refuses unknown fields, inherited properties and non-data the simulation's schema would let through", () => {
    expect(game.check({ type: "setReplication", mode: "semisync", extra: 1 }).ok).toBe(true); // the schema alone drops it
    expect(strictCommand({ type: "setReplication", mode: "async", extra: 1 })).toEqual({ ok: false, reason: "malformed command: unknown field cmd.extra" });
    const inherited = Object.create({ type: "setReplication", mode: "async" });
    expect(strictCommand(inherited)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a plain object/) });
    expect(strictCommand({ type: "setDns", recordType: "A", values: [NaN], ttl: 5 })).toMatchObject({ ok: false });
    expect(strictCommand({ type: "setReplication", mode: "async" })).toEqual({ ok: true, command: { type: "setReplication", mode: "async" } });
  });

  it("checks phase, rules and role, and keeps the seq when it can read it", () => {
    expect(takeCommand({ seq: 3, cmd: { type: "setReplication", mode: "async" } }, { ...ctx(), game: null })).toEqual({ ok: false, seq: 3, reason: "the game has not started yet" });
    expect(takeCommand({ seq: 4, cmd: { type: "setReplication", mode: "async" } }, { ...ctx(), ended: true })).toMatchObject({ ok: false, reason: "the game is over" });
    expect(takeCommand({ seq: 5, cmd: { type: "setReplication", mode: "async" } }, ctx("network"))).toMatchObject({ ok: false, seq: 5, reason: expect.stringMatching(/only the data role/) });
    expect(takeCommand({ seq: 6, cmd: { type: "install", host: 999, service: "web" } }, ctx())).toMatchObject({ ok: false, seq: 6 });
    expect(takeCommand({ seq: 7, cmd: { type: "setReplication", mode: "semisync" } }, ctx())).toEqual({ ok: true, seq: 7, cmd: { type: "setReplication", mode: "semisync" } });
    expect(takeCommand({ seq: 8, cmd: { type: "undo" }, x: 1 }, ctx())).toMatchObject({ ok: false, seq: 8 });
  });
});

describe("turn clock", () => {
  it("covers `speed` ticks per flush, hashes multiples of ten, steps nothing while paused, and refuses what fails when applied", () => {
    const clock = new TurnClock(Game.create("distributed", 5));
    clock.speed = 8;
    const f1 = clock.flush();
    expect(f1.turn).toEqual({ tick: 0, ticks: 8, cmds: [] });
    const f2 = clock.flush();
    expect(f2.turn.tick).toBe(8);
    expect(f2.hashes).toEqual([{ tick: 10, hash: expect.any(String) }]);
    clock.paused = true;
    clock.enqueue({ by: "a", seq: 1, cmd: { type: "buyHost", tier: "small", public: true, name: "x1" } });
    clock.enqueue({ by: "b", seq: 1, cmd: { type: "buyHost", tier: "small", public: true, name: "x1" } }); // same name: fails second
    const f3 = clock.flush();
    expect(f3.turn).toMatchObject({ tick: 16, ticks: 0 });
    expect(f3.turn.cmds.map((c) => c.by)).toEqual(["a"]);
    expect(f3.refused).toEqual([{ by: "b", seq: 1, reason: expect.stringMatching(/already a server called x1/) }]);
    expect(clock.game.tick).toBe(16);
  });
});

describe("desync report", () => {
  it("names the sections that differ", () => {
    const game = Game.create("distributed", 5);
    const theirs = sectionHashes(game.state);
    theirs.hosts = "00000000";
    expect(diffSections(sectionHashes(game.state), theirs)).toEqual(["hosts"]);
    expect(describeDesync(game.state, "zoe", { tick: 0, sections: theirs })).toBe("desync: zoe at tick 0 differs in hosts");
    expect(describeDesync(game.state, "zoe", { tick: 40, sections: theirs })).toMatch(/not compared/);
    expect(describeDesync(game.state, "zoe", {})).toBeNull();
  });
});

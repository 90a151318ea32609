// The turn clock over real sockets: ten turn messages a second with empty ones as the heartbeat,
// hashes every 10 ticks equal to a local Game fed the same turns, speed covering several ticks per
// message, and commands applied while paused (turns of 0 ticks).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { applyCommands, applyTurn, Game } from "../../shared/index.js";
import type { TurnMessage } from "../../shared/protocol.js";
import { bootServer, Player, until } from "./coopHarness.js";

let server: ColyseusTestServer;
beforeAll(async () => { server = await bootServer(3202); });
afterAll(async () => { await server.shutdown(); });

/** Replays turn messages on a fresh game, as a client that started at tick 0 would. */
function replay(scenario: string, seed: number, turns: TurnMessage[]): Map<number, string> {
  const game = Game.create(scenario, seed);
  const hashes = new Map<number, string>();
  for (const t of turns) {
    expect(t.tick).toBe(game.tick);
    if (t.ticks === 0) applyCommands(game, { tick: t.tick, cmds: t.cmds });
    for (let i = 0; i < t.ticks; i++) {
      applyTurn(game, { tick: game.tick, cmds: t.cmds.filter((c) => c.tick === game.tick) });
      if (game.tick % 10 === 0) hashes.set(game.tick, game.hash());
    }
  }
  return hashes;
}

describe("co-op room: turns", () => {
  it("sends a turn ten times a second with empty ones as the heartbeat, and hashes that match a local game", async () => {
    const p = new Player(await server.sdk.create("coop", { name: "a", scenario: "distributed", seed: 1234 }));
    await until(() => p.game !== null, "snapshot");
    const start = Date.now();
    await until(() => p.turns.length >= 15, "15 turns", 3000);
    const elapsed = Date.now() - start;
    expect(p.turns.length / (elapsed / 1000)).toBeGreaterThan(5); // ~10 a second even on a busy machine
    expect(p.turns.every((t) => t.ticks === 1 && t.cmds.length === 0)).toBe(true);
    const seq = p.command({ type: "buyHost", tier: "small", public: true, name: "web-09" });
    await until(() => p.turns.some((t) => t.cmds.some((c) => c.seq === seq)), "the command in a turn");
    await until(() => p.hashes.filter((h) => h.tick > p.turns.find((t) => t.cmds.length)!.tick).length >= 1, "a hash after the command");
    const turnsSoFar = p.turns.slice();
    // The player's snapshot is at tick 0 for a game created with it: every turn since is known.
    expect(p.snapshots[0].tick).toBe(0);
    const local = replay("distributed", 1234, turnsSoFar);
    const checked = p.hashes.filter((h) => local.has(h.tick));
    expect(checked.length).toBeGreaterThanOrEqual(2);
    for (const h of checked) expect(h.hash).toBe(local.get(h.tick));
    expect(p.agreed).toBeGreaterThanOrEqual(2);
    expect(p.mismatches).toEqual([]);
    await p.room.leave();
  }, 8000);

  it("at 8× each message covers 8 ticks; paused, turns step nothing but still carry commands", async () => {
    const p = new Player(await server.sdk.create("coop", { name: "a", scenario: "distributed" }));
    const q = new Player(await server.sdk.joinById(p.room.roomId, { name: "b" }));
    await until(() => p.game !== null && q.game !== null, "both playing");
    p.room.send("speed", { speed: 8 });
    await until(() => p.turns.some((t) => t.ticks === 8), "an 8-tick turn");
    await until(() => q.notices.some((n) => n.kind === "speed" && n.by === p.room.sessionId && /8×/.test(n.text)), "a speed notice");
    q.room.send("pause", { paused: true });
    await until(() => p.notices.some((n) => n.kind === "paused" && n.text === "b paused the game"), "the pause notice names who");
    await until(() => p.turns.slice(-3).every((t) => t.ticks === 0), "paused turns");
    const pausedAt = p.game!.tick;
    const seq = p.command({ type: "buyHost", tier: "small", public: true, name: "web-09" });
    await until(() => q.game!.state.hosts.some((h) => h.name === "web-09"), "the paused command reaches the other player");
    const carrying = q.turns.find((t) => t.cmds.some((c) => c.seq === seq))!;
    expect(carrying).toMatchObject({ tick: pausedAt, ticks: 0 });
    expect(q.game!.tick).toBe(pausedAt);
    p.room.send("pause", { paused: false });
    await until(() => q.game!.tick > pausedAt, "time moves again");
    await until(() => q.hashes.some((h) => h.tick > pausedAt + 10), "a hash after the pause");
    expect(q.mismatches).toEqual([]);
    expect(q.agreed).toBeGreaterThan(0);
    await p.room.leave();
    await q.room.leave();
  });
});

// The lockstep promise: the server and two clients, each running its own Game from the snapshot
// and the turns it receives, hold equal hashes through 2,000 ticks of a random command stream
// sent by both players. The room runs at 8× on a faster turn clock (same protocol) to finish fast.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Game } from "../../shared/index.js";
import { prng, randomCommand } from "./commandStream.js";
import { bootServer, fastConfig, Player, until } from "./coopHarness.js";

let server: ColyseusTestServer;
beforeAll(async () => { server = await bootServer(3206, fastConfig()); });
afterAll(async () => { await server.shutdown(); });

describe("co-op room: lockstep", () => {
  it("server and two clients agree on every hash over 2,000 ticks of random commands from both", async () => {
    const a = new Player(await server.sdk.create("coop", { name: "ann", scenario: "secured", seed: 2024 }));
    const b = new Player(await server.sdk.joinById(a.room.roomId, { name: "ben" }));
    const room = server.getRoomById(a.room.roomId) as unknown as { clockOfTurns: { game: Game } };
    await until(() => a.game !== null && b.game !== null, "both playing");
    let stop = false;
    for (const [p, seed] of [[a, 11], [b, 22]] as const) {
      const random = prng(seed);
      p.afterTurn = () => {
        if (!stop && random() < 0.5) p.command(randomCommand(random, p.game!.state));
      };
    }
    a.room.send("speed", { speed: 8 });
    await until(() => room.clockOfTurns.game.tick >= 2000, "2,000 ticks", 20_000);
    stop = true;
    a.room.send("pause", { paused: true });
    await until(() => b.room.state.paused === true, "paused");
    const server_ = room.clockOfTurns.game;
    await until(() => a.game!.tick === server_.tick && b.game!.tick === server_.tick && a.turns.at(-1)!.ticks === 0 && b.turns.at(-1)!.ticks === 0, "clients caught up");
    expect(a.game!.hash()).toBe(server_.hash());
    expect(b.game!.hash()).toBe(server_.hash());
    const applied = a.turns.reduce((n, t) => n + t.cmds.length, 0);
    const byBoth = new Set(a.turns.flatMap((t) => t.cmds.map((c) => c.by)));
    expect(applied).toBeGreaterThan(30); // a real stream, not an idle game
    expect(byBoth.size).toBe(2);
    expect(a.rejected.length + b.rejected.length).toBeGreaterThan(0); // and some refused, as in play
    for (const p of [a, b]) {
      expect(p.mismatches).toEqual([]);
      expect(p.agreed).toBeGreaterThanOrEqual(199);
      expect(p.clientRefusals).toEqual([]);
      expect(p.lostPlace).toBe(0);
    }
    console.log(`lockstep: ${server_.tick} ticks, ${applied} commands applied, ${a.rejected.length + b.rejected.length} refused, ${a.agreed}/${b.agreed} hashes agreed`);
    await a.room.leave();
    await b.room.leave();
  }, 15_000);
});

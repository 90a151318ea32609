// Scaling rooms across processes: two real server processes share a real redis-server (Colyseus'
// Redis presence and driver). A room created through one is found and joined through the other's
// matchmaker, and the client lands in the process that hosts it (NINES_PUBLIC_ADDRESS).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScaleOutEnv, ScaleOutConfigError, scaleOutOptions } from "../../server/scaleOut.js";
import { Player, until } from "./coopHarness.js";
import { startServer, type ServerProcess } from "./serverProcess.js";

const REDIS_PORT = 3850;
const PORT_A = 3801;
const PORT_B = 3802;
const redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;

const haveRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!haveRedis && process.env.CI) throw new Error("redis-server is not installed, and CI must run the scale-out test: apt-get install -y redis-server");
if (!haveRedis) console.warn("SKIPPED test/server/scale-out.test.ts: redis-server is not installed (apt-get install -y redis-server).");

describe("scale-out settings", () => {
  it("is off without NINES_REDIS_URL and refuses a URL that is not Redis, saying what to write", () => {
    expect(readScaleOutEnv({})).toBeNull();
    expect(scaleOutOptions({})).toEqual({});
    for (const bad of ["localhost:6379", "http://127.0.0.1:6379", "redis://"]) {
      expect(() => readScaleOutEnv({ NINES_REDIS_URL: bad })).toThrow(ScaleOutConfigError);
      expect(() => readScaleOutEnv({ NINES_REDIS_URL: bad })).toThrow(/redis:\/\/host:6379/);
    }
    expect(() => readScaleOutEnv({ NINES_REDIS_URL: redisUrl, NINES_PUBLIC_ADDRESS: "ws://game1" })).toThrow(/host\[:port\]/);
    expect(readScaleOutEnv({ NINES_REDIS_URL: redisUrl, NINES_PUBLIC_ADDRESS: "10.0.0.5:2567" })).toMatchObject({ publicAddress: "10.0.0.5:2567" });
  });
});

/** A matchmaker call over HTTP, as colyseus.js makes it: the seat reservation it answers. */
async function reserve(server: ServerProcess, path: string, options: object) {
  const reply = await fetch(`${server.url}/matchmake/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(options),
  });
  expect(reply.status).toBe(200);
  return await reply.json();
}

describe.skipIf(!haveRedis)("two server processes sharing one redis-server", () => {
  let redis: ChildProcess;
  let redisExited: Promise<void>;
  let a: ServerProcess;
  let b: ServerProcess;
  const dataDir = mkdtempSync(join(tmpdir(), "nines-scale-out-"));

  beforeAll(async () => {
    redis = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    redisExited = new Promise((resolve) => redis.once("exit", () => resolve()));
    // The servers check Redis is reachable at startup; wait for it to accept connections first.
    const deadline = Date.now() + 5000;
    while (spawnSync("redis-cli", ["-p", String(REDIS_PORT), "ping"]).stdout?.toString().trim() !== "PONG") {
      if (Date.now() > deadline || redis.exitCode !== null) throw new Error(`redis-server did not start on port ${REDIS_PORT}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const env = (port: number) => ({ NINES_REDIS_URL: redisUrl, NINES_PUBLIC_ADDRESS: `127.0.0.1:${port}` });
    [a, b] = await Promise.all([
      startServer({ port: PORT_A, dataDir: join(dataDir, "a"), env: env(PORT_A) }),
      startServer({ port: PORT_B, dataDir: join(dataDir, "b"), env: env(PORT_B) }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (redis && redis.exitCode === null) redis.kill("SIGTERM");
    await redisExited;
    rmSync(dataDir, { recursive: true, force: true });
  }, 15_000);

  it("a room created through one server is joined through the other's matchmaker, and both players share its turns", async () => {
    const servers = [a, b];
    const opened: { leave(): Promise<unknown> }[] = [];
    try {
      // What client.create / joinById do, in two steps each, to see where the matchmaker sends the
      // client: the room may be created in either process (Colyseus picks the least busy one).
      const created = await reserve(a, "create/coop", { name: "a", scenario: "distributed" });
      const hostIndex = [PORT_A, PORT_B].map((p) => `127.0.0.1:${p}`).indexOf(created.room.publicAddress);
      expect(hostIndex).toBeGreaterThanOrEqual(0);
      const first = new Player(await new Client(a.url).consumeSeatReservation(created));
      opened.push(first.room);
      // The other process does not host the room: its matchmaker finds it in Redis, reserves a
      // seat over Redis and sends the client to the hosting process's public address.
      const other = servers[1 - hostIndex];
      const joined = await reserve(other, `joinById/${first.room.roomId}`, { name: "b" });
      expect(joined.room.roomId).toBe(first.room.roomId);
      expect(joined.room.publicAddress).toBe(created.room.publicAddress);
      const second = new Player(await new Client(other.url).consumeSeatReservation(joined));
      opened.push(second.room);
      await until(() => first.room.state.players?.size === 2 && second.room.state.players?.size === 2, "two players seen by both");
      const names = [...first.room.state.players.values()].map((p: { name: string }) => p.name).sort();
      expect(names).toEqual(["a", "b"]);
      // The same room, not two look-alikes: both players receive the same turns.
      await until(() => second.turns.length >= 3, "turns reach the second player");
      const tick = second.turns[second.turns.length - 1].tick;
      await until(() => first.turns.some((t) => t.tick === tick), `turn ${tick} reaches the first player too`);
      // And client.joinById through the other process, as the game calls it, lands there too.
      const third = await new Client(other.url).joinById(first.room.roomId, { name: "c" });
      third.onMessage("*", () => {}); // this one only needs to arrive
      opened.push(third);
      expect(third.roomId).toBe(first.room.roomId);
      await until(() => first.room.state.players?.size === 3, "the third player seen by the first");
    } finally {
      await Promise.all(opened.map((r) => r.leave()));
    }
  });
});

// The server half of `npm run bench:server`, run as a child process so its CPU and memory are its
// own: the real app (every room the game defines, the co-op room included once it exists) plus
// the bench-only floor room. The driver asks for readings over IPC.
import "../server/wsEsmShim.js";
import { matchMaker } from "@colyseus/core";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import config, { listen } from "@colyseus/tools";
import appConfig from "../server/app.config.js";
import { applyTurn, Game, hashHex } from "../shared/index.js";
import { play } from "../test/fixtures/plays.js";
import { FLOOR_ROOM, FloorRoom } from "./floorRoom.js";
import { buildBigBoard } from "./topology.js";

export type BenchRequest =
  | { id: number; type: "cpu" }
  | { id: number; type: "memory" }
  | { id: number; type: "rooms" }
  | { id: number; type: "simStep"; board: "scale-up" | "200-hosts"; ms: number }
  | { id: number; type: "profileStart" }
  | { id: number; type: "profileStop"; file: string };

export interface CpuReading { cpuMicros: number; wallMicros: number }
export interface MemoryReading { rss: number; heapUsed: number }
export interface SimStepReading { board: string; hosts: number; usPerTick: number; usPerHash: number }

const port = Number(process.argv[2]);
/** A CPU profile of one measured window, on request (BENCH_PROFILE): where a room's time goes. */
const profiler = new Session();
profiler.connect();
const gc = (globalThis as { gc?: () => void }).gc;

await listen(
  config({
    ...appConfig,
    displayLogs: false,
    options: { greet: false },
    async initializeGameServer(gameServer) {
      await appConfig.initializeGameServer?.(gameServer);
      gameServer.define(FLOOR_ROOM, FloorRoom);
    },
  }),
  port,
);

/** A board built through real commands: chapter 4 by its scripted player, or ~200 servers. */
function buildBoard(board: "scale-up" | "200-hosts"): Game {
  if (board === "200-hosts") return buildBigBoard(200, 7, 85, 0).game;
  return play("scale-up", 42, 260).game;
}

/**
 * The simulation alone (no network): what a room's tick adds at that board size. Each round
 * replays the same 1,000 ticks from a snapshot, so the game never reaches its end (where a step
 * does nothing) and every round measures the same stretch of play.
 */
function simStep(board: "scale-up" | "200-hosts", ms: number): SimStepReading {
  const built = buildBoard(board);
  const snapshot = built.snapshot();
  let ticks = 0;
  let cpu = 0;
  const start = performance.now();
  let game = built;
  while (performance.now() - start < ms) {
    game = Game.restore(snapshot);
    game.state.reputation = 10000;
    const t0 = process.cpuUsage();
    for (let i = 0; i < 1000 && !game.state.ended; i++, ticks++) applyTurn(game, { tick: game.tick, cmds: [] });
    const d = process.cpuUsage(t0);
    cpu += d.user + d.system;
  }
  if (game.state.ended) throw new Error(`bench: the ${board} game ended while measured (${game.state.ended.why})`);
  const h0 = process.cpuUsage();
  for (let i = 0; i < 20; i++) hashHex(game.state);
  const h = process.cpuUsage(h0);
  return { board, hosts: game.state.hosts.length, usPerTick: cpu / ticks, usPerHash: (h.user + h.system) / 20 };
}

function isDefined(roomName: string): boolean {
  try {
    return Boolean(matchMaker.getHandler(roomName));
  } catch {
    return false;
  }
}

process.on("message", async (request: BenchRequest) => {
  let value: unknown;
  if (request.type === "cpu") {
    const c = process.cpuUsage();
    value = { cpuMicros: c.user + c.system, wallMicros: performance.now() * 1000 } satisfies CpuReading;
  } else if (request.type === "memory") {
    for (let i = 0; i < 3; i++) gc?.();
    const m = process.memoryUsage();
    value = { rss: m.rss, heapUsed: m.heapUsed } satisfies MemoryReading;
  } else if (request.type === "rooms") {
    value = (await matchMaker.query({})).map((r) => r.name);
  } else if (request.type === "simStep") {
    value = simStep(request.board, request.ms);
  } else if (request.type === "profileStart") {
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
  } else if (request.type === "profileStop") {
    const { profile } = await profiler.post("Profiler.stop");
    writeFileSync(request.file, JSON.stringify(profile));
    value = request.file;
  }
  process.send!({ id: request.id, value });
});

process.send!({ id: 0, value: { ready: true, coop: isDefined("coop"), floor: isDefined(FLOOR_ROOM) } });

// npm run bench:server [-- --json] [--rooms 40] [--seconds 5]
// Rooms over real sockets: a child process runs the real server (bench/benchServer.ts) and this
// process drives it with official colyseus.js clients, two players a room. The same run measures
// the floor (bench/floorRoom.ts: a bare relay of the co-op protocol that simulates nothing) and,
// when the game defines it, the co-op room, on the chapter 4 board built through real commands.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client, type Room } from "colyseus.js";
import { PROTOCOL_VERSION, ROOM_NAME, SIM_VERSION, type Command } from "../shared/index.js";
import { play } from "../test/fixtures/plays.js";
import type { BenchRequest, CpuReading, MemoryReading, SimStepReading } from "./benchServer.js";
import { BenchPlayer } from "./benchPlayer.js";
import { FLOOR_ROOM } from "./floorRoom.js";

const { values: args } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    rooms: { type: "string", default: "40" },
    seconds: { type: "string", default: "5" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3260" },
    /** Measure the co-op room only (e.g. with BENCH_PROFILE); the floor is the default's first row. */
    "coop-only": { type: "boolean", default: false },
  },
});
const ROOMS = Number(args.rooms);
const PHASE_MS = Number(args.seconds) * 1000;
const PORT = Number(args.port);
const TICK_MS = 100;
const log = (line: string) => process.stderr.write(`  ${line}\n`);
// A room's first turns can arrive before a just-joined client has registered its handlers;
// colyseus.js warns about each one. They are expected here, so they are not printed.
const warn = console.warn.bind(console);
console.warn = (...a: unknown[]) => {
  if (typeof a[0] === "string" && a[0].startsWith("colyseus.js: onMessage() not registered")) return;
  warn(...a);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

// ---- the server child and its readings ----
let server!: ChildProcess;
let nextRequest = 1;
const waiting = new Map<number, (value: unknown) => void>();

type Request = BenchRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

function ask<T>(request: Request): Promise<T> {
  const id = nextRequest++;
  return new Promise((resolve) => {
    waiting.set(id, resolve as (value: unknown) => void);
    server.send({ ...request, id });
  });
}

async function startServer(): Promise<{ coop: boolean; floor: boolean }> {
  const script = join(import.meta.dirname, "benchServer.ts");
  // BENCH_PROFILE=dir writes a V8 CPU profile of the server there, to see where a room's time goes.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  server = spawn(process.execPath, ["--expose-gc", ...profile, "--import", "tsx", script, String(PORT)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NINES_QUIET: "1" },
  });
  const ready = new Promise<{ coop: boolean; floor: boolean }>((resolve, reject) => {
    waiting.set(0, resolve as (value: unknown) => void);
    server.once("exit", (code) => reject(new Error(`the bench server exited (${code}) before it was ready`)));
  });
  server.on("message", (m: { id: number; value: unknown }) => {
    waiting.get(m.id)?.(m.value);
    waiting.delete(m.id);
  });
  return ready;
}

// ---- rooms ----
interface BenchRoom {
  players: BenchPlayer[];
  /** Commands still to send to build the board, each with the tick it was recorded at. */
  plan: { tick: number; cmd: Command }[];
}

const client = new Client(`ws://127.0.0.1:${PORT}`);
const joinOptions = (name: string) => ({ name, scenario: "scale-up", seed: 42, simVersion: SIM_VERSION, protocol: PROTOCOL_VERSION });
const CH4 = play("scale-up", 42, 260);
const lbId = CH4.game.state.hosts.find((h) => h.name === "lb-01")!.id;

async function openRooms(kind: string, count: number): Promise<BenchRoom[]> {
  const rooms: BenchRoom[] = [];
  for (let batch = 0; batch < count; batch += 10) {
    const made = await Promise.all(
      Array.from({ length: Math.min(10, count - batch) }, async (_, i) => {
        const host: Room = await client.create(kind, joinOptions(`host-${batch + i}`));
        const guest: Room = await client.joinById(host.roomId, joinOptions(`guest-${batch + i}`));
        return { players: [new BenchPlayer(host), new BenchPlayer(guest)], plan: CH4.replay.commands.map((c) => ({ ...c })) };
      }),
    );
    rooms.push(...made);
  }
  return rooms;
}

/**
 * Sends each room the chapter 4 scripted player's commands as the room reaches their tick, the
 * two players taking turns, at most one command per player per 60 ms (under the rate limit).
 */
async function buildBoards(rooms: BenchRoom[], timeoutMs: number): Promise<void> {
  for (const r of rooms) r.players[0].room.send("speed", { speed: 8 });
  const deadline = performance.now() + timeoutMs;
  let turn = 0;
  while (rooms.some((r) => r.plan.length > 0 || r.players.some((p) => p.outstanding > 0)) && performance.now() < deadline) {
    for (const r of rooms) {
      for (let i = 0; i < 2 && r.plan.length > 0; i++) {
        const player = r.players[(turn + i) % 2];
        if (r.plan[0].tick <= player.tick) player.sendCommand(r.plan.shift()!.cmd);
      }
    }
    turn++;
    await sleep(60);
  }
  for (const r of rooms) r.players[0].room.send("speed", { speed: 1 });
  await sleep(300);
}

interface Window {
  cpuMicros: number;
  wallMs: number;
  bytesInPerClientPerS: number;
  bytesOutPerClientPerS: number;
  turnsPerClientPerS: number;
  ticksPerClientPerS: number;
  /** The rooms' tick when the window closed (the first room's). */
  atTick: number;
  latenciesMs: number[];
  accepted: number;
  rejected: number;
  /** Commands sent in the window that no turn or `rejected` answered by its end (+500 ms). */
  unanswered: number;
}

/** Runs `during` for PHASE_MS and reads what the server spent and what the clients carried. */
async function measureWindow(rooms: BenchRoom[], during?: (stop: () => boolean) => Promise<void>): Promise<Window> {
  const players = rooms.flatMap((r) => r.players);
  for (const p of players) p.resetCounters();
  const c0 = await ask<CpuReading>({ type: "cpu" });
  const end = performance.now() + PHASE_MS;
  await Promise.all([sleep(PHASE_MS), during?.(() => performance.now() >= end)]);
  const c1 = await ask<CpuReading>({ type: "cpu" });
  await sleep(500);
  const wallMs = (c1.wallMicros - c0.wallMicros) / 1000;
  const sum = (f: (p: BenchPlayer) => number) => players.reduce((a, p) => a + f(p), 0);
  return {
    cpuMicros: c1.cpuMicros - c0.cpuMicros,
    wallMs,
    bytesInPerClientPerS: sum((p) => p.bytesIn) / players.length / (wallMs / 1000),
    bytesOutPerClientPerS: sum((p) => p.bytesOut) / players.length / (wallMs / 1000),
    turnsPerClientPerS: sum((p) => p.turns) / players.length / (wallMs / 1000),
    ticksPerClientPerS: sum((p) => p.ticksCovered) / players.length / (wallMs / 1000),
    atTick: players[0].tick,
    latenciesMs: players.flatMap((p) => p.latenciesMs),
    accepted: sum((p) => p.accepted),
    rejected: sum((p) => p.rejected),
    unanswered: sum((p) => p.outstanding),
  };
}

/** Each player sends two commands a second, one in ten of them invalid, as a busy team would. */
async function busyPlayers(rooms: BenchRoom[], stop: () => boolean): Promise<void> {
  const players = rooms.flatMap((r) => r.players);
  let n = 0;
  const stepMs = 500 / players.length;
  while (!stop()) {
    const p = players[n % players.length];
    const k = Math.floor(n / players.length);
    p.sendCommand(
      (n + k) % 10 === 9
        ? { type: "buyHost", tier: "enormous", public: false, name: "nope" }
        : { type: "configureLb", host: lbId, algorithm: k % 2 ? "roundrobin" : "leastconn", healthCheck: true, checkInterval: 10, rateLimit: 20 },
    );
    n++;
    await sleep(stepMs);
  }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/**
 * A late joiner's snapshot, in bytes of JSON (its text dominates the msgpack frame): sent at
 * join, or asked for with `resync` if the join one arrived before the handler. Null: none came.
 */
async function lateJoinerSnapshot(room: BenchRoom): Promise<number | null> {
  const late = new BenchPlayer(await client.joinById(room.players[0].room.roomId, joinOptions("late")));
  await sleep(300);
  if (late.snapshotBytes === null) late.room.send("resync", {});
  const deadline = performance.now() + 3000;
  while (late.snapshotBytes === null && performance.now() < deadline) await sleep(20);
  await late.room.leave();
  return late.snapshotBytes;
}

interface KindResult {
  room: string;
  rooms: number;
  players: number;
  boardCommands: { accepted: number; rejected: number };
  cpuUsPerRoomTick: number;
  roomsPerCore: number;
  /** JS heap after a full GC, less the heap before the rooms opened (RSS is too noisy per room). */
  heapKBPerRoom: number;
  idle: { downBytesPerS: number; upBytesPerS: number; turnsPerS: number; ticksPerS: number; atTick: number };
  busy: { downBytesPerS: number; upBytesPerS: number; cpuUsPerRoomTick: number; commands: number; rejected: number; unanswered: number; p50ms: number; p99ms: number; p99ticks: number; maxMs: number };
  lateJoinSnapshotBytes: number | null;
}

async function measureKind(kind: string, baselineCpuPerMs: number, baselineMem: MemoryReading): Promise<KindResult> {
  log(`${kind}: opening ${ROOMS} rooms of two players`);
  const rooms = await openRooms(kind, ROOMS);
  log(`${kind}: building the chapter 4 board through ${CH4.replay.commands.length} commands a room`);
  for (const p of rooms.flatMap((r) => r.players)) p.resetCounters();
  await buildBoards(rooms, 60_000);
  const players = rooms.flatMap((r) => r.players);
  const boardCommands = { accepted: players.reduce((a, p) => a + p.accepted, 0), rejected: players.reduce((a, p) => a + p.rejected, 0) };
  const perRoomTick = (w: Window) => (w.cpuMicros - baselineCpuPerMs * w.wallMs) / (ROOMS * (w.wallMs / TICK_MS));

  log(`${kind}: idle for ${PHASE_MS / 1000} s`);
  const idle = await measureWindow(rooms);
  const mem = await ask<MemoryReading>({ type: "memory" });
  log(`${kind}: busy for ${PHASE_MS / 1000} s`);
  const busy = await measureWindow(rooms, (stop) => busyPlayers(rooms, stop));
  const sorted = [...busy.latenciesMs].sort((a, b) => a - b);
  log(`${kind}: a late joiner`);
  const snapshot = await lateJoinerSnapshot(rooms[0]);

  await Promise.all(players.map((p) => p.room.leave()));
  for (let i = 0; i < 50 && (await ask<string[]>({ type: "rooms" })).includes(kind); i++) await sleep(100);

  const cpuIdle = perRoomTick(idle);
  return {
    room: kind,
    rooms: ROOMS,
    players: players.length,
    boardCommands,
    cpuUsPerRoomTick: round(cpuIdle, 2),
    roomsPerCore: Math.floor(1e6 / (cpuIdle * (1000 / TICK_MS))),
    heapKBPerRoom: round((mem.heapUsed - baselineMem.heapUsed) / 1024 / ROOMS),
    idle: { downBytesPerS: round(idle.bytesInPerClientPerS), upBytesPerS: round(idle.bytesOutPerClientPerS), turnsPerS: round(idle.turnsPerClientPerS), ticksPerS: round(idle.ticksPerClientPerS), atTick: idle.atTick },
    busy: {
      downBytesPerS: round(busy.bytesInPerClientPerS),
      upBytesPerS: round(busy.bytesOutPerClientPerS),
      cpuUsPerRoomTick: round(perRoomTick(busy), 2),
      commands: sorted.length,
      rejected: busy.rejected,
      unanswered: busy.unanswered,
      p50ms: round(percentile(sorted, 0.5)),
      p99ms: round(percentile(sorted, 0.99)),
      p99ticks: round(percentile(sorted, 0.99) / TICK_MS, 2),
      maxMs: round(sorted[sorted.length - 1] ?? NaN),
    },
    lateJoinSnapshotBytes: snapshot,
  };
}

// ---- the run ----
const defined = await startServer();
try {
  await sleep(500);
  log(`server up on ${PORT} (co-op room ${defined.coop ? "defined" : "not defined yet: floor only"})`);
  const baseMem = await ask<MemoryReading>({ type: "memory" });
  const b0 = await ask<CpuReading>({ type: "cpu" });
  await sleep(2000);
  const b1 = await ask<CpuReading>({ type: "cpu" });
  const baselineCpuPerMs = (b1.cpuMicros - b0.cpuMicros) / ((b1.wallMicros - b0.wallMicros) / 1000);

  const results: KindResult[] = args["coop-only"] ? [] : [await measureKind(FLOOR_ROOM, baselineCpuPerMs, baseMem)];
  if (defined.coop) results.push(await measureKind(ROOM_NAME, baselineCpuPerMs, await ask<MemoryReading>({ type: "memory" })));
  if (results.length === 0) throw new Error("nothing to measure: the co-op room is not defined");

  log("the simulation alone on the chapter 4 board and on 200 servers");
  const sim = [await ask<SimStepReading>({ type: "simStep", board: "scale-up", ms: 1500 }), await ask<SimStepReading>({ type: "simStep", board: "200-hosts", ms: 1500 })];

  const floor = results.find((r) => r.room === FLOOR_ROOM);
  const coop = results.find((r) => r.room === ROOM_NAME);
  const at200 = coop ? round(coop.cpuUsPerRoomTick - sim[0].usPerTick + sim[1].usPerTick, 2) : null;
  const verdict = coop && floor
    ? {
        cpuVsFloor: round(coop.cpuUsPerRoomTick / floor.cpuUsPerRoomTick, 2),
        cpuWithin1_5xFloor: coop.cpuUsPerRoomTick <= 1.5 * floor.cpuUsPerRoomTick,
        idleWithin1KBps: coop.idle.downBytesPerS <= 1024,
        p99Within3Ticks: coop.busy.p99ticks <= 3,
        coopUsPerRoomTickAt200HostsEstimated: at200,
        roomsPerCoreAt200HostsEstimated: at200 ? Math.floor(1e6 / (at200 * 10)) : null,
      }
    : null;
  const report = { baselineServerCpuPercent: round(baselineCpuPerMs / 10, 2), results, simulationOnly: sim, verdict };

  if (args.json) {
    process.stdout.write(JSON.stringify(report) + "\n");
  } else {
    const col = (r: KindResult) => [
      ["room-tick CPU (idle, µs)", r.cpuUsPerRoomTick],
      ["room-tick CPU (busy, µs)", r.busy.cpuUsPerRoomTick],
      ["rooms per core at 10 Hz", r.roomsPerCore],
      ["memory per room (heap KB)", r.heapKBPerRoom],
      ["down B/s per client, idle", r.idle.downBytesPerS],
      ["down B/s per client, busy", r.busy.downBytesPerS],
      ["up B/s per client, busy", r.busy.upBytesPerS],
      ["turns/s per client", r.idle.turnsPerS],
      ["ticks/s (speed check)", r.idle.ticksPerS],
      ["game tick at idle end", r.idle.atTick],
      ["cmd → turn/rejected p50 ms", r.busy.p50ms],
      ["cmd → turn/rejected p99 ms", r.busy.p99ms],
      ["  p99 in ticks", r.busy.p99ticks],
      ["commands timed (rejected)", `${r.busy.commands} (${r.busy.rejected})`],
      ["commands unanswered", r.busy.unanswered],
      ["board commands ok/rejected", `${r.boardCommands.accepted}/${r.boardCommands.rejected}`],
      ["late-join snapshot (JSON B)", r.lateJoinSnapshotBytes ?? "none"],
    ] as const;
    const cols = results.map(col);
    const lines = [`${ROOMS} rooms × 2 players, ${PHASE_MS / 1000} s windows; server idle CPU ${report.baselineServerCpuPercent} % (subtracted)`, `${"".padEnd(30)}${results.map((r) => r.room.padStart(14)).join("")}`];
    for (let i = 0; i < cols[0].length; i++) lines.push(`${cols[0][i][0].padEnd(30)}${cols.map((c) => String(c[i][1]).padStart(14)).join("")}`);
    for (const s of sim) lines.push(`simulation only, ${s.board} (${s.hosts} hosts): ${s.usPerTick.toFixed(1)} µs/tick, hash ${s.usPerHash.toFixed(1)} µs`);
    if (verdict) {
      lines.push(`co-op / floor CPU: ${verdict.cpuVsFloor}× (target ≤ 1.5×) ${verdict.cpuWithin1_5xFloor ? "ok" : "MISSED"}`);
      lines.push(`idle client ≤ 1 KB/s: ${verdict.idleWithin1KBps ? "ok" : "MISSED"}; p99 ≤ 3 ticks: ${verdict.p99Within3Ticks ? "ok" : "MISSED"}`);
      lines.push(`co-op at 200 hosts (ch4 room-tick − ch4 sim + 200-host sim): ${at200} µs/room-tick, ${verdict.roomsPerCoreAt200HostsEstimated} rooms per core`);
    }
    process.stdout.write(lines.join("\n") + "\n");
  }
} finally {
  server.kill("SIGTERM");
}
process.exit(0);

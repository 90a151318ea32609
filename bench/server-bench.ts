// npm run bench:server [-- --json] [--rooms 40] [--seconds 5]
// Rooms over real sockets: child processes run the real server (bench/benchServer.ts) and this
// process drives them with official colyseus.js clients, two players a room. The floor
// (bench/floorRoom.ts: a bare relay of the co-op protocol that simulates nothing) and, when the game
// defines it, the co-op room run side by side in two server processes, measured in the same
// windows, so both see the same load from the rest of the machine. Boards are built through real
// commands (the chapter 4 scripted player's).
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client, type Room } from "colyseus.js";
import { PROTOCOL_VERSION, ROOM_NAME, SIM_VERSION, type Command } from "../shared/index.js";
import { play } from "../test/fixtures/plays.js";
import type { CpuReading, MemoryReading, SimStepReading } from "./benchServer.js";
import { BenchPlayer } from "./benchPlayer.js";
import { FLOOR_ROOM } from "./floorRoom.js";
import { ServerChild } from "./serverChild.js";

function usage(problem: string): never {
  process.stderr.write(`bench:server: ${problem}\nusage: npm run bench:server -- [--json] [--rooms 1-200] [--seconds 1-60] [--port N]\n`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        json: { type: "boolean", default: false },
        rooms: { type: "string", default: "40" },
        seconds: { type: "string", default: "5" },
        /** The floor's server listens here, the co-op room's on the next port. */
        port: { type: "string", default: process.env.BENCH_PORT ?? "3260" },
      },
    }).values;
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
}

function integerIn(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) usage(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

const args = readArgs();
const ROOMS = integerIn("rooms", args.rooms, 1, 200);
const PHASE_MS = integerIn("seconds", args.seconds, 1, 60) * 1000;
const PORT = integerIn("port", args.port, 1024, 65534);
const TICK_MS = 100;
const IDLE_WINDOWS = 3;
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

// ---- rooms ----
interface BenchRoom {
  players: BenchPlayer[];
  /** Commands still to send to build the board, each with the tick it was recorded at. */
  plan: { tick: number; cmd: Command }[];
}

/** One room kind under test, in a server process of its own. */
interface Contender {
  kind: string;
  server: ServerChild;
  client: Client;
  rooms: BenchRoom[];
  /** The server's CPU with no rooms, in µs per ms, and its heap then. */
  baselineCpuPerMs: number;
  baseMem: MemoryReading;
}

const joinOptions = (name: string) => ({ name, scenario: "scale-up", seed: 42, simVersion: SIM_VERSION, protocol: PROTOCOL_VERSION });
const CH4 = play("scale-up", 42, 260);
const lbId = CH4.game.state.hosts.find((h) => h.name === "lb-01")!.id;

async function openRooms({ kind, client }: Contender, count: number): Promise<BenchRoom[]> {
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
 * two players taking turns, at most one command per player per 80 ms (well under the rate limit).
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
    await sleep(80);
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
async function measureWindow({ rooms, server }: Contender, during?: (stop: () => boolean) => Promise<void>): Promise<Window> {
  const players = rooms.flatMap((r) => r.players);
  const sum = (f: (p: BenchPlayer) => number) => players.reduce((a, p) => a + f(p), 0);
  for (const p of players) p.resetCounters();
  const c0 = await server.ask<CpuReading>({ type: "cpu" });
  const t0 = performance.now();
  await Promise.all([sleep(PHASE_MS), during?.(() => performance.now() >= t0 + PHASE_MS)]);
  const c1 = await server.ask<CpuReading>({ type: "cpu" });
  // Traffic is read at the window's end, here, in the driver's own clock.
  const perClientPerS = (f: (p: BenchPlayer) => number) => sum(f) / players.length / ((performance.now() - t0) / 1000);
  const traffic = {
    bytesInPerClientPerS: perClientPerS((p) => p.bytesIn),
    bytesOutPerClientPerS: perClientPerS((p) => p.bytesOut),
    turnsPerClientPerS: perClientPerS((p) => p.turns),
    ticksPerClientPerS: perClientPerS((p) => p.ticksCovered),
    atTick: players[0].tick,
  };
  // Commands sent near the end get half a second to be answered before they count as unanswered.
  await sleep(500);
  return {
    cpuMicros: c1.cpuMicros - c0.cpuMicros,
    wallMs: (c1.wallMicros - c0.wallMicros) / 1000,
    ...traffic,
    latenciesMs: players.flatMap((p) => p.latenciesMs),
    accepted: sum((p) => p.accepted),
    rejected: sum((p) => p.rejected),
    unanswered: sum((p) => p.outstanding),
  };
}

/**
 * Each player sends two commands a second (its own phase in the half second), one in ten of them
 * invalid, as a busy team would. Due commands go out every 20 ms, so a slow timer does not lower
 * the rate.
 */
async function busyPlayers(rooms: BenchRoom[], stop: () => boolean): Promise<void> {
  const players = rooms.flatMap((r) => r.players);
  const start = performance.now();
  const nextAt = players.map((_, i) => start + (500 * i) / players.length);
  const sent = players.map(() => 0);
  while (!stop()) {
    const now = performance.now();
    players.forEach((p, i) => {
      if (now < nextAt[i]) return;
      nextAt[i] += 500;
      const k = sent[i]++;
      p.sendCommand(
        (k + i) % 10 === 9
          ? { type: "buyHost", tier: "enormous", public: false, name: "nope" }
          : { type: "configureLb", host: lbId, algorithm: k % 2 ? "roundrobin" : "leastconn", healthCheck: true, checkInterval: 10, rateLimit: 20 },
      );
    });
    await sleep(20);
  }
}

/** The commonest refusal reasons across players, most frequent first. */
function topReasons(players: BenchPlayer[]): Record<string, number> {
  const all = new Map<string, number>();
  for (const p of players) for (const [reason, n] of p.refusals) all.set(reason, (all.get(reason) ?? 0) + n);
  return Object.fromEntries([...all].sort((a, b) => b[1] - a[1]).slice(0, 5));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/**
 * A late joiner's snapshot, in bytes of JSON (its text dominates the msgpack frame): sent at
 * join, or asked for with `resync` if the join one arrived before the handler. Null: none came.
 */
async function lateJoinerSnapshot({ client, rooms }: Contender): Promise<number | null> {
  const late = new BenchPlayer(await client.joinById(rooms[0].players[0].room.roomId, joinOptions("late")));
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
  boardCommands: { accepted: number; rejected: number; reasons: Record<string, number> };
  /** The median of the idle windows. */
  cpuUsPerRoomTick: number;
  idleWindowsCpuUs: number[];
  roomsPerCore: number;
  /** JS heap after a full GC, less the heap before the rooms opened (RSS is too noisy per room). */
  heapKBPerRoom: number;
  idle: { downBytesPerS: number; upBytesPerS: number; turnsPerS: number; ticksPerS: number; atTick: number };
  busy: { downBytesPerS: number; upBytesPerS: number; cpuUsPerRoomTick: number; commands: number; rejected: number; unanswered: number; p50ms: number; p99ms: number; p99ticks: number; maxMs: number };
  lateJoinSnapshotBytes: number | null;
}

/** Every phase runs for all contenders at once, so they share the machine's load alike. */
async function measureAll(contenders: Contender[]): Promise<KindResult[]> {
  const all = <T>(f: (c: Contender) => Promise<T>) => Promise.all(contenders.map(f));
  const kinds = contenders.map((c) => c.kind).join(" and ");
  log(`${kinds}: opening ${ROOMS} rooms of two players each`);
  await all(async (c) => {
    c.rooms = await openRooms(c, ROOMS);
  });
  log(`${kinds}: building the chapter 4 board through ${CH4.replay.commands.length} commands a room`);
  const players = (c: Contender) => c.rooms.flatMap((r) => r.players);
  for (const c of contenders) for (const p of players(c)) p.resetCounters();
  await all((c) => buildBoards(c.rooms, 60_000));
  const boards = contenders.map((c) => ({
    accepted: players(c).reduce((a, p) => a + p.accepted, 0),
    rejected: players(c).reduce((a, p) => a + p.rejected, 0),
    reasons: topReasons(players(c)),
  }));

  log(`${kinds}: idle for ${PHASE_MS / 1000} s`);
  // BENCH_PROFILE=dir: a CPU profile of each server during the idle window.
  const profileDir = process.env.BENCH_PROFILE;
  if (profileDir) await all((c) => c.server.ask({ type: "profileStart" }));
  // Several idle windows: the machine's other work swings a single one by ±50 %; each window
  // measures floor and co-op together, so their ratio per window is the steadier figure.
  const idleWindows: Window[][] = [];
  for (let k = 0; k < IDLE_WINDOWS; k++) idleWindows.push(await all((c) => measureWindow(c)));
  if (profileDir) await all(async (c) => log(`profile: ${await c.server.ask<string>({ type: "profileStop", file: join(profileDir, `${c.kind}-idle.cpuprofile`) })}`));
  const mem = await all((c) => c.server.ask<MemoryReading>({ type: "memory" }));
  log(`${kinds}: busy for ${PHASE_MS / 1000} s`);
  const busy = await all((c) => measureWindow(c, (stop) => busyPlayers(c.rooms, stop)));
  log(`${kinds}: a late joiner`);
  const snapshots = await all((c) => lateJoinerSnapshot(c));
  await all((c) => Promise.all(players(c).map((p) => p.room.leave())));

  const perRoomTick = (c: Contender, w: Window) => (w.cpuMicros - c.baselineCpuPerMs * w.wallMs) / (ROOMS * (w.wallMs / TICK_MS));
  return contenders.map((c, i) => {
    const idleCpus = idleWindows.map((ws) => perRoomTick(c, ws[i]));
    const cpuIdle = median(idleCpus);
    const sorted = [...busy[i].latenciesMs].sort((a, b) => a - b);
    const w = idleWindows[idleWindows.length - 1][i];
    return {
      room: c.kind,
      rooms: ROOMS,
      players: players(c).length,
      boardCommands: boards[i],
      cpuUsPerRoomTick: round(cpuIdle, 2),
      idleWindowsCpuUs: idleCpus.map((x) => round(x, 1)),
      roomsPerCore: Math.floor(1e6 / (cpuIdle * (1000 / TICK_MS))),
      heapKBPerRoom: round((mem[i].heapUsed - c.baseMem.heapUsed) / 1024 / ROOMS),
      idle: { downBytesPerS: round(w.bytesInPerClientPerS), upBytesPerS: round(w.bytesOutPerClientPerS), turnsPerS: round(w.turnsPerClientPerS), ticksPerS: round(w.ticksPerClientPerS), atTick: w.atTick },
      busy: {
        downBytesPerS: round(busy[i].bytesInPerClientPerS),
        upBytesPerS: round(busy[i].bytesOutPerClientPerS),
        cpuUsPerRoomTick: round(perRoomTick(c, busy[i]), 2),
        commands: sorted.length,
        rejected: busy[i].rejected,
        unanswered: busy[i].unanswered,
        p50ms: round(percentile(sorted, 0.5)),
        p99ms: round(percentile(sorted, 0.99)),
        p99ticks: round(percentile(sorted, 0.99) / TICK_MS, 2),
        maxMs: round(sorted[sorted.length - 1] ?? NaN),
      },
      lateJoinSnapshotBytes: snapshots[i],
    };
  });
}

// ---- the run ----
const floorServer = await ServerChild.start(PORT);
const coopServer = floorServer.coop ? await ServerChild.start(PORT + 1) : null;
const servers = [floorServer.server, ...(coopServer ? [coopServer.server] : [])];
try {
  await sleep(500);
  log(`servers up on ${PORT}${coopServer ? ` and ${PORT + 1}` : ""} (co-op room ${coopServer ? "defined" : "not defined yet: floor only"})`);
  const contenders: Contender[] = await Promise.all(
    servers.map(async (server, i) => {
      const baseMem = await server.ask<MemoryReading>({ type: "memory" });
      const b0 = await server.ask<CpuReading>({ type: "cpu" });
      await sleep(2000);
      const b1 = await server.ask<CpuReading>({ type: "cpu" });
      const baselineCpuPerMs = (b1.cpuMicros - b0.cpuMicros) / ((b1.wallMicros - b0.wallMicros) / 1000);
      return { kind: i === 0 ? FLOOR_ROOM : ROOM_NAME, server, client: new Client(`ws://127.0.0.1:${server.port}`), rooms: [], baselineCpuPerMs, baseMem };
    }),
  );
  const results = await measureAll(contenders);
  const ask = servers[servers.length - 1].ask.bind(servers[servers.length - 1]);

  log("the simulation alone on the chapter 4 board and on 200 servers");
  const sim = [await ask<SimStepReading>({ type: "simStep", board: "scale-up", ms: 1500 }), await ask<SimStepReading>({ type: "simStep", board: "200-hosts", ms: 1500 })];

  const floor = results.find((r) => r.room === FLOOR_ROOM);
  const coop = results.find((r) => r.room === ROOM_NAME);
  const at200 = coop ? round(coop.cpuUsPerRoomTick - sim[0].usPerTick + sim[1].usPerTick, 2) : null;
  /** The median over idle windows of co-op ÷ floor, both measured in the same window. */
  const cpuRatio = coop && floor ? median(coop.idleWindowsCpuUs.map((x, k) => x / floor.idleWindowsCpuUs[k])) : null;
  const verdict = coop && floor
    ? {
        cpuVsFloor: round(cpuRatio!, 2),
        cpuVsFloorPerWindow: coop.idleWindowsCpuUs.map((x, k) => round(x / floor.idleWindowsCpuUs[k], 2)),
        cpuWithin1_5xFloor: cpuRatio! <= 1.5,
        idleWithin1KBps: coop.idle.downBytesPerS <= 1024,
        p99Within3Ticks: coop.busy.p99ticks <= 3,
        coopUsPerRoomTickAt200HostsEstimated: at200,
        roomsPerCoreAt200HostsEstimated: at200 ? Math.floor(1e6 / (at200 * 10)) : null,
      }
    : null;
  const report = { baselineServerCpuPercent: contenders.map((c) => round(c.baselineCpuPerMs / 10, 2)), results, simulationOnly: sim, verdict };

  if (args.json) {
    process.stdout.write(JSON.stringify(report) + "\n");
  } else {
    const col = (r: KindResult) => [
      ["room-tick CPU (idle, µs)", r.cpuUsPerRoomTick],
      ["  idle windows (µs)", r.idleWindowsCpuUs.map((x) => x.toFixed(0)).join(" ")],
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
    const lines = [`${ROOMS} rooms × 2 players per kind, side by side, ${PHASE_MS / 1000} s windows; servers' idle CPU ${report.baselineServerCpuPercent.join(" / ")} % (subtracted)`, `${"".padEnd(30)}${results.map((r) => r.room.padStart(14)).join("")}`];
    for (let i = 0; i < cols[0].length; i++) lines.push(`${cols[0][i][0].padEnd(30)}${cols.map((c) => String(c[i][1]).padStart(14)).join("")}`);
    for (const s of sim) lines.push(`simulation only, ${s.board} (${s.hosts} hosts): ${s.usPerTick.toFixed(1)} µs/tick, hash ${s.usPerHash.toFixed(1)} µs`);
    if (verdict) {
      lines.push(`co-op / floor CPU: ${verdict.cpuVsFloor}× (median of windows ${verdict.cpuVsFloorPerWindow.join(", ")}; target ≤ 1.5×) ${verdict.cpuWithin1_5xFloor ? "ok" : "MISSED"}`);
      lines.push(`idle client ≤ 1 KB/s: ${verdict.idleWithin1KBps ? "ok" : "MISSED"}; p99 ≤ 3 ticks: ${verdict.p99Within3Ticks ? "ok" : "MISSED"}`);
      lines.push(`co-op at 200 hosts (ch4 room-tick − ch4 sim + 200-host sim): ${at200} µs/room-tick, ${verdict.roomsPerCoreAt200HostsEstimated} rooms per core`);
    }
    for (const r of results) {
      const reasons = Object.entries(r.boardCommands.reasons);
      if (reasons.length) lines.push(`${r.room}: board commands refused: ${reasons.map(([why, n]) => `${n}× ${why}`).join("; ")}`);
    }
    process.stdout.write(lines.join("\n") + "\n");
  }
} finally {
  for (const server of servers) server.stop();
}
process.exit(0);

// npm run bench [-- --json]: simulation ticks per second for boards of about 10, 50, 200 and 1000
// servers under a pinned ~85 % load, a flood and an SSH brute force, each beside the bare loop over
// the same graph (the floor: bench/bare-loop.ts), plus the cost of hashing and snapshotting the state,
// and a 30-minute replay verified from a cold start in fresh processes (bench/coldVerify.ts).
import { hashHex } from "../shared/index.js";
import { play } from "../test/fixtures/plays.js";
import { bareLoop } from "./bare-loop.js";
import { COLD_TICKS, coldVerify, coldVerifyText } from "./coldVerify.js";
import { buildBigBoard } from "./topology.js";

const json = process.argv.includes("--json");
const SIZES = [10, 50, 200, 1000];
interface Row { name: string; hosts: number; links: number; ticksPerSecond: number; usPerTick: number; heapMB: number; p50us: number; p99us: number; bareRatio?: number; bareRatioP50?: number }
const results: Row[] = [];

interface Timed { fn: () => void; samples: number[]; ns: number; calls: number }

/**
 * Times each function in batches of `batch` calls for at least `minMs` in all, the functions taking
 * turns batch by batch, so that other work on a shared machine slows them alike and their ratio
 * holds. Per-call p50/p99 come from the batch means.
 */
function measure(labels: string[], hosts: number, links: number, fns: (() => void)[], batch: number, minMs = 1500): Row[] {
  const timed: Timed[] = fns.map((fn) => ({ fn, samples: [], ns: 0, calls: 0 }));
  for (const t of timed) for (let i = 0; i < 200; i++) t.fn(); // warm up the JIT
  const start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) < minMs * 1e6) {
    for (const t of timed) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) t.fn();
      const ns = Number(process.hrtime.bigint() - t0);
      t.samples.push(ns / batch);
      t.ns += ns;
      t.calls += batch;
    }
  }
  return timed.map((t, k) => {
    t.samples.sort((a, b) => a - b);
    const usPerTick = t.ns / t.calls / 1000;
    const row: Row = {
      name: labels[k], hosts, links,
      ticksPerSecond: Math.round(1e6 / usPerTick),
      usPerTick: Number(usPerTick.toFixed(2)),
      heapMB: Number((process.memoryUsage().heapUsed / 1048576).toFixed(1)),
      p50us: Number((t.samples[Math.floor(t.samples.length * 0.5)] / 1000).toFixed(2)),
      p99us: Number((t.samples[Math.floor(t.samples.length * 0.99)] / 1000).toFixed(2)),
    };
    results.push(row);
    return row;
  });
}

let sink = 0;
for (const size of SIZES) {
  const { game, hosts, links } = buildBigBoard(size, 7, 85, 200 * size);
  // Settle the board first: the bare loop needs the demand of a running tick.
  for (let i = 0; i < 200; i++) game.step();
  const r = game.report();
  const legit = r.raw.demand[0] + r.raw.demand[1] + r.raw.demand[2];
  const served = r.raw.served[0] + r.raw.served[1] + r.raw.served[2];
  if (served < legit * 0.99) throw new Error(`bench: the ${size}-server board serves only ${served} of ${legit} requests a tick: not the load it should measure`);
  const bare = bareLoop(game, r.raw.demand);
  const [tick, floor] = measure([`tick-${size}`, `bare-${size}`], hosts, links, [() => { game.step(); }, () => { sink += bare.tick(); }], 20);
  if (game.state.ended) throw new Error(`bench: the ${size}-server game ended: ${game.state.ended.why}`);
  // Both means and both medians: the medians shrug off a neighbour's burst of work on the machine.
  tick.bareRatio = Number((tick.usPerTick / floor.usPerTick).toFixed(1));
  tick.bareRatioP50 = Number((tick.p50us / floor.p50us).toFixed(1));
  if (!json) process.stderr.write(`  measured tick-${size}\n`);
  if (size === 200 || size === 1000) {
    measure([`hash-${size}`], hosts, links, [() => { hashHex(game.state); }], 1, 800);
    measure([`snapshot-${size}`], hosts, links, [() => { game.snapshot(); }], 1, 800);
  }
}
if (Number.isNaN(sink)) throw new Error("bench: the bare loop produced NaN");

// The issue's third target: a 30-minute endless run by the scripted player, re-simulated in fresh
// Node processes on the compiled build (start-up apart from the verification itself).
const played = play("endless", 42, COLD_TICKS);
const replay30min = coldVerify(played.game.toReplay(), played.game.hash(), 5);

if (json) {
  process.stdout.write(JSON.stringify({ replay30min, results: results.map(({ name, hosts, ticksPerSecond, usPerTick, heapMB, p50us, p99us, bareRatio, bareRatioP50 }) => ({ name, hosts, ticksPerSecond, usPerTick, heapMB, p50us, p99us, ...(bareRatio !== undefined ? { bareRatio, bareRatioP50 } : {}) })) }) + "\n");
} else {
  const rows = results.map((r) => `${r.name.padEnd(14)} ${String(r.hosts).padStart(5)} hosts ${String(r.links).padStart(5)} links ${String(r.ticksPerSecond).padStart(9)} /s ${r.usPerTick.toFixed(2).padStart(9)} µs  p50 ${r.p50us.toFixed(1).padStart(7)} µs  p99 ${r.p99us.toFixed(1).padStart(8)} µs  heap ${r.heapMB} MB${r.bareRatio !== undefined ? `  ${r.bareRatio}× bare (p50 ${r.bareRatioP50}×)` : ""}`);
  process.stdout.write(["name            hosts       links      rate        mean", ...rows].join("\n") + "\n");
  process.stdout.write(coldVerifyText(replay30min) + "\n");
}

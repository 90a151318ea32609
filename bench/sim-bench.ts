// npm run bench [-- --json]: simulation ticks per second for boards of about 10, 50, 200 and 1000
// servers under heavy traffic and attacks, plus the cost of hashing and snapshotting the state.
import { hashHex } from "../shared/index.js";
import { buildBigBoard } from "./topology.js";

const json = process.argv.includes("--json");
const SIZES = [10, 50, 200, 1000];
const results: { name: string; hosts: number; links: number; ticksPerSecond: number; usPerTick: number; heapMB: number; p50us?: number; p99us?: number }[] = [];

/** Times `fn` in batches of `batch` calls for at least `minMs`; per-call p50/p99 come from the batch means. */
function measure(label: string, hosts: number, links: number, fn: () => void, batch: number, minMs = 1500) {
  for (let i = 0; i < 200; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  let elapsed = 0;
  let calls = 0;
  while (elapsed < minMs * 1e6) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    const t1 = process.hrtime.bigint();
    samples.push(Number(t1 - t0) / batch);
    calls += batch;
    elapsed = Number(t1 - start);
  }
  samples.sort((a, b) => a - b);
  const usPerTick = elapsed / calls / 1000;
  results.push({
    name: label, hosts, links,
    ticksPerSecond: Math.round(1e6 / usPerTick),
    usPerTick: Number(usPerTick.toFixed(2)),
    heapMB: Number((process.memoryUsage().heapUsed / 1048576).toFixed(1)),
    p50us: Number((samples[Math.floor(samples.length * 0.5)] / 1000).toFixed(2)),
    p99us: Number((samples[Math.floor(samples.length * 0.99)] / 1000).toFixed(2)),
  });
}

for (const size of SIZES) {
  const { game, hosts, links } = buildBigBoard(size, 7, 85, 200 * size);
  // Hold reputation up so a board that drops requests keeps running instead of ending the game.
  measure(`tick-${size}`, hosts, links, () => {
    if (game.state.tick % 500 === 0) game.state.reputation = 10000;
    game.step();
  }, 20);
  if (game.state.ended) throw new Error(`bench: the ${size}-server game ended: ${game.state.ended.why}`);
  if (!json) process.stderr.write(`  measured tick-${size}\n`);
  if (size === 200 || size === 1000) {
    measure(`hash-${size}`, hosts, links, () => { hashHex(game.state); }, 1, 800);
    measure(`snapshot-${size}`, hosts, links, () => { game.snapshot(); }, 1, 800);
  }
}

if (json) {
  process.stdout.write(JSON.stringify({ results: results.map(({ name, hosts, ticksPerSecond, usPerTick, heapMB, p50us, p99us }) => ({ name, hosts, ticksPerSecond, usPerTick, heapMB, p50us, p99us })) }) + "\n");
} else {
  const rows = results.map((r) => `${r.name.padEnd(14)} ${String(r.hosts).padStart(5)} hosts ${String(r.links).padStart(5)} links ${String(r.ticksPerSecond).padStart(9)} /s ${r.usPerTick.toFixed(2).padStart(9)} µs  p50 ${r.p50us!.toFixed(1).padStart(7)} µs  p99 ${r.p99us!.toFixed(1).padStart(8)} µs  heap ${r.heapMB} MB`);
  process.stdout.write(["name            hosts       links      rate        mean", ...rows].join("\n") + "\n");
}

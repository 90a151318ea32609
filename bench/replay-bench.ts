// npx tsx bench/replay-bench.ts [--json]: how long verifying a 30-minute replay takes from a cold start.
// The scripted player (test/fixtures/plays.ts) plays 18,000 ticks of the `secured` and `scale-up`
// chapters; each replay is then re-simulated in a fresh Node process, which reports the simulation
// time alone (wall clock and CPU: on a shared machine the CPU time is the steadier figure) and its whole lifetime so far (Node start-up, loading through tsx, simulating). The chapters end sooner
// (12 and 15 minutes), so for this measurement only they are stretched to 30 minutes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SCENARIOS } from "../shared/content/scenarios/index.js";
import { runReplay, type Replay } from "../shared/index.js";

const TICKS = 18_000;
const IDS = ["secured", "scale-up"];
const json = process.argv.includes("--json");

/** Measurement only: lets a chapter run to TICKS instead of ending at its goal. */
function stretch(): void {
  for (const s of SCENARIOS) if (IDS.includes(s.id)) (s as { durationTicks: number }).durationTicks = TICKS;
}

if (process.argv[2] === "verify") {
  // The child: parse, re-simulate, report.
  stretch();
  const replay = JSON.parse(readFileSync(process.argv[3], "utf8")) as Replay;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const run = runReplay(replay);
  const cpu = process.cpuUsage(cpu0);
  const simMs = performance.now() - t0;
  if (run.rejected.length > 0) throw new Error(`replay-bench: ${run.rejected.length} commands rejected on replay`);
  process.stdout.write(JSON.stringify({ scenario: replay.scenario, ticks: run.game.tick, hash: run.game.hash(), simMs: Number(simMs.toFixed(1)), simCpuMs: Number(((cpu.user + cpu.system) / 1000).toFixed(1)), processMs: Number(performance.now().toFixed(1)) }) + "\n");
} else {
  stretch();
  const { play } = await import("../test/fixtures/plays.js");
  const dir = mkdtempSync(join(tmpdir(), "nines-replay-"));
  const rows: { scenario: string; ticks: number; simMs: number; simCpuMs: number; processMs: number; wallMs: number }[] = [];
  for (const id of IDS) {
    const { game, replay } = play(id, 42, TICKS);
    const file = join(dir, `${id}.json`);
    writeFileSync(file, JSON.stringify(replay));
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "verify", file], { encoding: "utf8" });
    const wallMs = performance.now() - t0;
    const child = JSON.parse(out.trim().split("\n").pop()!);
    if (child.hash !== game.hash()) throw new Error(`replay-bench: ${id} re-simulated to ${child.hash}, played to ${game.hash()}`);
    rows.push({ scenario: id, ticks: child.ticks, simMs: child.simMs, simCpuMs: child.simCpuMs, processMs: child.processMs, wallMs: Number(wallMs.toFixed(1)) });
  }
  if (json) process.stdout.write(JSON.stringify({ replays: rows }) + "\n");
  else for (const r of rows) process.stdout.write(`${r.scenario.padEnd(10)} ${r.ticks} ticks  simulation ${r.simMs.toFixed(0)} ms (CPU ${r.simCpuMs.toFixed(0)} ms)  child process ${r.processMs.toFixed(0)} ms  spawn to exit ${r.wallMs.toFixed(0)} ms\n`);
}

// A 30-minute replay verified from a cold start: each run is a fresh Node process on the compiled
// build (bench/verify-cold-child.mjs), split into start-up (Node plus loading the verifier) and
// the verification itself. Used by `npm run bench:verify` and `npm run bench`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
// @ts-expect-error plain JavaScript without types: the same build step `npm start` uses
import { BUILD_DIR, ensureServerBuild } from "../scripts/build-server.mjs";
import type { Replay } from "../shared/index.js";

export const COLD_TICKS = 18_000;

interface ChildRun {
  startupMs: number; startupCpuMs: number; loadMainCpuMs: number | null;
  simMs: number; simCpuMs: number; simMainCpuMs: number | null;
  ticks: number; hash: string;
}

/** Min and median of each figure over the runs (a busy machine only ever adds time). */
export interface ColdVerify {
  runs: number;
  ticks: number;
  startupMs: { min: number; median: number };
  simMs: { min: number; median: number };
  simCpuMs: { min: number; median: number };
  /** Main thread only (Linux); the rest of simCpuMs is V8 compiling and collecting on its own threads. */
  simMainCpuMs: { min: number; median: number } | null;
}

function spread(values: number[]): { min: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
}

/** Verifies `replay` in `runs` fresh processes; throws if any run's hash differs from `hash`. */
export function coldVerify(replay: Replay, hash: string, runs = 5): ColdVerify {
  (ensureServerBuild as () => void)();
  const dir = mkdtempSync(join(tmpdir(), "nines-cold-verify-"));
  const file = join(dir, "replay.json");
  writeFileSync(file, JSON.stringify(replay));
  const child = join(import.meta.dirname, "verify-cold-child.mjs");
  const build = pathToFileURL(`${BUILD_DIR as string}/`).href;
  const rows: ChildRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [child, build, file], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
      const row = JSON.parse(out.trim().split("\n").pop()!) as ChildRun;
      if (row.hash !== hash) throw new Error(`cold verification re-simulated to ${row.hash}, the game played to ${hash}`);
      rows.push(row);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const main = rows.map((r) => r.simMainCpuMs);
  return {
    runs, ticks: rows[0].ticks,
    startupMs: spread(rows.map((r) => r.startupMs)),
    simMs: spread(rows.map((r) => r.simMs)),
    simCpuMs: spread(rows.map((r) => r.simCpuMs)),
    simMainCpuMs: main.every((m) => m !== null) ? spread(main as number[]) : null,
  };
}

export function coldVerifyText(c: ColdVerify): string {
  const f = (s: { min: number; median: number }) => `${s.min} ms min, ${s.median} ms median`;
  return [
    `30-minute replay (${c.ticks} ticks) verified in a fresh process on the compiled build, ${c.runs} runs:`,
    `  start-up (Node + loading)      ${f(c.startupMs)}`,
    `  verification, wall             ${f(c.simMs)}`,
    `  verification, CPU all threads  ${f(c.simCpuMs)}`,
    ...(c.simMainCpuMs ? [`  verification, CPU main thread  ${f(c.simMainCpuMs)}`] : []),
  ].join("\n");
}

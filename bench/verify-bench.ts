// How long the server takes to verify a 30-minute replay (18,000 ticks, endless mode with the
// scripted player): in this process, in a fresh worker thread (start-up included), in a warm
// thread, as a whole `npm run sim -- --replay` process, and in fresh processes on the compiled
// build with start-up and verification apart (bench/coldVerify.ts). npm run bench:verify [-- --json]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VerifierPool } from "../server/verify/pool.js";
import { coldVerify, coldVerifyText } from "./coldVerify.js";
import { verifyReplay } from "../server/verify/verifyReplay.js";
import { play } from "../test/fixtures/plays.js";

const TICKS = 18_000;
const ms = (since: number) => Math.round(performance.now() - since);

const { replay } = play("endless", 42, TICKS);
const text = JSON.stringify(replay);
const dir = mkdtempSync(join(tmpdir(), "nines-verify-bench-"));
const file = join(dir, "replay.json");
writeFileSync(file, text);

let t = performance.now();
const inline = verifyReplay(JSON.parse(text));
const inProcessMs = ms(t);
if (!inline.valid) throw new Error(`the bench replay does not verify: ${inline.reason}`);

const pool = new VerifierPool({ size: 1 });
t = performance.now();
await pool.verify(text);
const coldThreadMs = ms(t);
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  await pool.verify(text);
  warm.push(ms(t));
}
await pool.close();
warm.sort((a, b) => a - b);

// The cold runs first compile build/ if it is stale (the same step `npm run sim` takes), so the
// whole-process timing below does not include a build.
const cold = coldVerify(replay, inline.hash, 5);

t = performance.now();
execFileSync(process.execPath, ["scripts/run-sim.mjs", "--replay", file, "--json"], { cwd: join(import.meta.dirname, "..") });
const coldProcessMs = ms(t);
rmSync(dir, { recursive: true, force: true });

const result = { ticks: TICKS, commands: replay.commands.length, bytes: text.length, inProcessMs, coldThreadMs, warmThreadMedianMs: warm[2], coldProcessMs, cold };
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else {
  console.log(`30-minute replay: ${TICKS} ticks, ${replay.commands.length} commands, ${text.length} bytes`);
  console.log(`  in-process verification         ${inProcessMs} ms`);
  console.log(`  fresh worker thread (start-up)  ${coldThreadMs} ms`);
  console.log(`  warm worker thread (median/5)   ${warm[2]} ms`);
  console.log(`  cold process (npm run sim)      ${coldProcessMs} ms`);
  console.log(coldVerifyText(cold));
}

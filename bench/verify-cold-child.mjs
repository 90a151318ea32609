// The child of bench/coldVerify.ts: a fresh Node process that verifies one replay file with the
// compiled server code in build/ (as `npm start` and `npm run sim` run it) and prints one JSON line:
// how long Node took to start and load the verifier, then how long the verification itself took,
// in wall time and in CPU time. Plain JavaScript, so nothing compiles TypeScript in this process.
import { readFileSync } from "node:fs";

/**
 * CPU time of the main thread alone, in ms (Linux: /proc/<pid>/task/<tid>/schedstat, in ns), or
 * null elsewhere. process.cpuUsage() counts every thread, and V8 compiles optimised code and
 * collects garbage on threads of its own: on a busy 2-core machine those threads and the main one
 * wait for each other, so the split says where the time went.
 */
function mainThreadCpuMs() {
  try {
    return Number(readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}
const cpuMs = (u) => (u.user + u.system) / 1000;
const round = (n) => (n === null ? null : Math.round(n));

const [build, file] = process.argv.slice(2);
const main0 = mainThreadCpuMs();
const { verifyReplayText } = await import(new URL("server/verify/verifyReplay.js", build).href);
const text = readFileSync(file, "utf8");

// performance.now() counts from the start of the process: Node's own start-up plus loading.
const loaded = performance.now();
const cpuLoaded = process.cpuUsage();
const mainLoaded = mainThreadCpuMs();
const verification = verifyReplayText(text);
const simMs = performance.now() - loaded;
const simCpuMs = cpuMs(process.cpuUsage(cpuLoaded));
const mainDone = mainThreadCpuMs();
if (!verification.valid) throw new Error(`the replay does not verify: ${verification.reason}`);
process.stdout.write(JSON.stringify({
  startupMs: round(loaded),
  startupCpuMs: round(cpuMs(process.cpuUsage())  - simCpuMs),
  loadMainCpuMs: main0 === null ? null : round(mainLoaded - main0),
  simMs: round(simMs),
  simCpuMs: round(simCpuMs),
  simMainCpuMs: mainLoaded === null ? null : round(mainDone - mainLoaded),
  ticks: verification.ticks,
  hash: verification.hash,
}) + "\n");

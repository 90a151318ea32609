// Headless runner: npm run sim -- --scenario <id> --seed <n> --ticks <n> [--replay <file>] [--json]
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { audit, endText, Game, nines, score, slaPermyriad, sniffedRequests, uptimePermyriad, SCENARIO_IDS } from "../shared/index.js";
import { checkReplay, MAX_REPLAY_FILE_BYTES, replayChecked, type CheckedReplay, type Verification } from "../server/verify/verifyReplay.js";
import { dollarsText, progressBar } from "./cli-format.js";

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function wholeNumber(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) fail(`--${name} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n > max) fail(`--${name} must be at most ${max}, got ${text}`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      scenario: { type: "string" },
      seed: { type: "string" },
      ticks: { type: "string" },
      replay: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  fail(`${(e as Error).message}\nusage: npm run sim -- --scenario <${SCENARIO_IDS.join("|")}> --seed <n> --ticks <n> [--replay <file>] [--json]`);
}
if (args.help) {
  process.stdout.write(`usage: npm run sim -- --scenario <${SCENARIO_IDS.join("|")}> --seed <n> --ticks <n> [--replay <file>] [--json]\n`);
  process.exit(0);
}

let replay: CheckedReplay | undefined;
if (args.replay) {
  const data = readReplayFile(args.replay);
  const checked = checkReplay(data);
  if (!checked.ok) fail(`${args.replay}: ${checked.reason}`);
  replay = checked.checked;
  if (args.scenario && args.scenario !== replay.replay.scenario) fail(`--scenario ${args.scenario} does not match the replay's scenario ${replay.replay.scenario}`);
}

/** The replay file as JSON: only a regular file under the size cap is read (not /dev/zero, a folder or a pipe). */
function readReplayFile(path: string): unknown {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    fail(`cannot read the replay ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!stat.isFile()) fail(`the replay ${path} is not a regular file`);
  if (stat.size > MAX_REPLAY_FILE_BYTES) fail(`the replay ${path} is ${stat.size} bytes; a replay file may be at most ${MAX_REPLAY_FILE_BYTES} bytes`);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    fail(`cannot read the replay ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    fail(`the replay ${path} is not valid JSON`);
  }
}

const scenario = replay?.replay.scenario ?? args.scenario;
if (!scenario) fail(`--scenario is required (one of: ${SCENARIO_IDS.join(", ")})`);
if (!SCENARIO_IDS.includes(scenario as (typeof SCENARIO_IDS)[number])) fail(`unknown scenario "${scenario}" (choose one of: ${SCENARIO_IDS.join(", ")})`);
const seed = replay?.replay.seed ?? wholeNumber("seed", args.seed, 1, 0xffffffff);
if (replay && args.seed !== undefined && wholeNumber("seed", args.seed, 0, 0xffffffff) !== replay.replay.seed) fail(`--seed ${args.seed} does not match the replay's seed ${replay.replay.seed}`);
// A replay runs at most its scenario's length (overrides included); a plain run up to 5e7 ticks.
const ticks = wholeNumber("ticks", args.ticks, replay?.replay.ticks ?? 6000, replay ? replay.limits.maxTicks : 50_000_000);

const showProgress = !args.json && process.stderr.isTTY && ticks >= 20000;
const progress = (done: number) => {
  if (showProgress && done % 5000 === 0) process.stderr.write(`\r${progressBar(done, ticks)}`);
};
const started = process.hrtime.bigint();
let game: Game;
let verification: Verification | undefined;
let rejected = 0;
if (replay) {
  const run = replayChecked(replay, { ticks, onProgress: progress });
  game = run.game;
  verification = run.verification;
  rejected = run.rejected;
} else {
  game = Game.create(scenario, seed);
  game.run(ticks, progress);
}
if (showProgress) process.stderr.write(`\r${progressBar(ticks, ticks)}\n`);
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

const s = game.state;
const result = {
  scenario,
  seed,
  ticks: s.tick,
  hash: game.hash(),
  sla: slaPermyriad(s) / 10000,
  uptime: uptimePermyriad(s) / 10000,
  nines: nines(s),
  served: s.totals.served,
  failed: s.totals.errors + s.totals.dropped,
  errors: s.totals.errors,
  dropped: s.totals.dropped,
  money: s.money / 100,
  reputation: s.reputation / 100,
  score: score(s),
  incidents: s.incidents.length,
  breaches: s.totals.breaches,
  lostWrites: s.totals.lostWrites,
  /** Legitimate requests an intruder read in plain HTTP behind a load balancer. */
  sniffed: sniffedRequests(s),
  ended: s.ended ? { ...s.ended, reason: endText(s.ended, game.scenario, audit(s)) } : null,
  rejectedCommands: rejected,
  /** A replay's verdict: valid, or why not (a rejected command, a result other than the one it claims). */
  ...(verification ? { valid: verification.valid, ...(verification.valid ? {} : { invalidReason: verification.reason }) } : {}),
};

if (args.json) {
  process.stdout.write(JSON.stringify(result) + "\n");
} else {
  const lines = [
    `Nines — ${scenario}, seed ${seed}: ${s.tick} ticks (${(s.tick / 600).toFixed(1)} min of play) in ${elapsedMs.toFixed(0)} ms`,
    `  state hash     ${result.hash}`,
    `  requests       ${result.served} served, ${result.errors} errors, ${result.dropped} dropped  (SLA ${(result.sla * 100).toFixed(2)} %)`,
    s.launchedAt < 0
      ? `  uptime         — (never went live: www has no DNS record; replay a run with --replay to see one played)`
      : `  uptime         ${(result.uptime * 100).toFixed(2)} %  (${result.nines} nines)`,
    `  money          ${dollarsText(s.money)}   reputation ${result.reputation.toFixed(1)} %`,
    `  incidents      ${result.incidents} (${result.breaches} breaches, ${result.lostWrites} writes lost, ${result.sniffed} requests read by an intruder)`,
    `  score          ${result.score}`,
    s.ended ? `  ended          tick ${s.ended.tick}: ${s.ended.outcome} — ${endText(s.ended, game.scenario, audit(s))}` : `  still running`,
  ];
  if (verification) lines.push(verification.valid ? `  replay         valid${replay?.replay.result ? " (matches the result it claims)" : ""}` : `  replay         INVALID: ${verification.reason}`);
  process.stdout.write(lines.join("\n") + "\n");
}
// A replay that is not the run it claims to be (a rejected command, another result) fails the command.
if (verification && !verification.valid) {
  process.stderr.write(`sim: invalid replay: ${verification.reason}\n`);
  process.exit(1);
}

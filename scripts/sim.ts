// Headless runner: npm run sim -- --scenario <id> --seed <n> --ticks <n> [--replay <file>] [--json]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { audit, endText, Game, nines, parseReplay, resultMismatch, runReplay, score, slaPermyriad, uptimePermyriad, SCENARIO_IDS, type Replay } from "../shared/index.js";
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

let replay: Replay | undefined;
if (args.replay) {
  let text: string;
  try {
    text = readFileSync(args.replay, "utf8");
  } catch (e) {
    fail(`cannot read the replay ${args.replay}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail(`the replay ${args.replay} is not valid JSON`);
  }
  const parsed = parseReplay(data);
  if (!parsed.ok) fail(`${args.replay}: ${parsed.reason}`);
  replay = parsed.replay;
  if (args.scenario && args.scenario !== replay.scenario) fail(`--scenario ${args.scenario} does not match the replay's scenario ${replay.scenario}`);
}

const scenario = replay?.scenario ?? args.scenario;
if (!scenario) fail(`--scenario is required (one of: ${SCENARIO_IDS.join(", ")})`);
if (!SCENARIO_IDS.includes(scenario as (typeof SCENARIO_IDS)[number])) fail(`unknown scenario "${scenario}" (choose one of: ${SCENARIO_IDS.join(", ")})`);
const seed = replay?.seed ?? wholeNumber("seed", args.seed, 1, 0xffffffff);
if (replay && args.seed !== undefined && wholeNumber("seed", args.seed, 0, 0xffffffff) !== replay.seed) fail(`--seed ${args.seed} does not match the replay's seed ${replay.seed}`);
const ticks = wholeNumber("ticks", args.ticks, replay?.ticks ?? 6000, 50_000_000);

const showProgress = !args.json && process.stderr.isTTY && ticks >= 20000;
const progress = (done: number) => {
  if (showProgress && done % 5000 === 0) process.stderr.write(`\r${progressBar(done, ticks)}`);
};
const started = process.hrtime.bigint();
let game: Game;
let rejected: { tick: number; reason: string }[] = [];
/** For a replay run to its full length: null when it matches the result the file claims. */
let mismatch: string | null = null;
if (replay) {
  const run = runReplay({ ...replay, seed }, ticks, progress);
  game = run.game;
  rejected = run.rejected;
  if (ticks === replay.ticks) mismatch = resultMismatch(replay, game);
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
  ended: s.ended ? { ...s.ended, reason: endText(s.ended, game.scenario, audit(s)) } : null,
  rejectedCommands: rejected.length,
  /** Whether the run matches the result a format-2 replay claims (null: nothing to compare). */
  claimedResult: replay?.result && ticks === replay.ticks ? { ...replay.result, matches: mismatch === null } : null,
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
    `  incidents      ${result.incidents} (${result.breaches} breaches, ${result.lostWrites} writes lost)`,
    `  score          ${result.score}`,
    s.ended ? `  ended          tick ${s.ended.tick}: ${s.ended.outcome} — ${endText(s.ended, game.scenario, audit(s))}` : `  still running`,
  ];
  if (result.claimedResult) lines.push(mismatch ? `  ✖ does not match the replay's claimed result: ${mismatch}` : "  ✔ matches the replay's claimed result");
  if (rejected.length) lines.push(`  ${rejected.length} replay command(s) rejected, first at tick ${rejected[0].tick}: ${rejected[0].reason}`);
  process.stdout.write(lines.join("\n") + "\n");
}

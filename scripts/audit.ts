// npm run audit -- <save-or-replay.json> [--json]: what a reviewer would say about the design.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { auditFindings } from "../shared/index.js";
import { loadDesign } from "./load-design.js";
import type { CliResult } from "./load-design.js";

const USAGE = "usage: npm run audit -- <save-or-replay.json> [--json]";

export function runAudit(argv: string[]): CliResult {
  const fail = (message: string): CliResult => ({ code: 2, stdout: "", stderr: `audit: ${message}\n${USAGE}\n` });
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: "boolean", default: false }, help: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (e) {
    return fail((e as Error).message);
  }
  if (parsed.values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  if (parsed.positionals.length !== 1) return fail(parsed.positionals.length ? "give exactly one file" : "which file? give a save or a replay");
  const loaded = loadDesign(parsed.positionals[0]);
  if (!loaded.ok) return fail(loaded.reason);

  const { game } = loaded;
  const findings = auditFindings(game.state, game.scenario).map(({ id, title, kind, severity, subjects, message, advice }) => ({ id, title, kind, severity, subjects, message, advice }));
  if (parsed.values.json) return { code: 0, stdout: JSON.stringify({ findings }) + "\n", stderr: "" };
  let text = `${game.scenario.title}, tick ${game.state.tick} (${loaded.kind}): ${findings.length} finding${findings.length === 1 ? "" : "s"}\n`;
  for (const f of findings) text += `\n[${f.severity}] ${f.title} (${f.kind})\n  ${f.message}\n  → ${f.advice}\n`;
  return { code: 0, stdout: text, stderr: "" };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runAudit(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}

// npm run export -- <save-or-replay.json> --format <haproxy|nginx|mysql|ufw|keepalived|zone|svg|md|all> --out <dir>
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EXPORT_FORMATS, exportDesign, type ExportFormat } from "../shared/export/index.js";
import { loadDesign, type CliResult } from "./load-design.js";

const FORMATS = [...EXPORT_FORMATS, "all"] as const;
const USAGE = `usage: npm run export -- <save-or-replay.json> --format <${FORMATS.join("|")}> --out <dir>`;

export function runExport(argv: string[]): CliResult {
  const fail = (message: string): CliResult => ({ code: 2, stdout: "", stderr: `export: ${message}\n${USAGE}\n` });
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { format: { type: "string" }, out: { type: "string" }, help: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (e) {
    return fail((e as Error).message);
  }
  if (parsed.values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  const { format, out } = parsed.values;
  if (parsed.positionals.length !== 1) return fail(parsed.positionals.length ? "give exactly one file" : "which file? give a save or a replay");
  if (!format) return fail("--format is required");
  if (!(FORMATS as readonly string[]).includes(format)) return fail(`unknown format "${format}"`);
  if (!out) return fail("--out <dir> is required");
  const loaded = loadDesign(parsed.positionals[0]);
  if (!loaded.ok) return fail(loaded.reason);

  const { game } = loaded;
  const files = exportDesign(game.state, format as ExportFormat | "all", { scenario: game.scenario, title: `www.foobar.com — ${game.scenario.title}` });
  try {
    for (const f of files) {
      const path = join(out, f.path);
      makeFolder(dirname(path));
      writeFileSync(path, f.content, f.path.endsWith(".sh") ? { mode: 0o755 } : undefined);
    }
  } catch (e) {
    return fail(`cannot write to ${out}: ${(e as Error).message}`);
  }
  const what = format === "keepalived" ? "active-passive load-balancer pair" : "server that needs it";
  return { code: 0, stdout: files.length ? files.map((f) => join(out, f.path)).join("\n") + "\n" : `nothing to export as ${format}: the design has no ${what}\n`, stderr: "" };
}

/** mkdir -p one level at a time: Node's recursive mkdir can spin forever under /proc. */
function makeFolder(dir: string): void {
  const full = resolve(dir);
  if (existsSync(full)) {
    if (!statSync(full).isDirectory()) throw new Error(`${dir} is a file, not a folder`);
    return;
  }
  makeFolder(dirname(full));
  mkdirSync(full);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runExport(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}

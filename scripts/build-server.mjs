// Compiles server/, shared/ and scripts/ to JavaScript in build/ (tsconfig.build.json) when a
// source is newer than the last build, so the server and the CLI run as plain Node: no tsx
// compiling every module at each start. Used by `npm start` and `npm run sim`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUILD_DIR = join(root, "build");
const SOURCES = ["server", "shared", "scripts", "tsconfig.json", "tsconfig.build.json", "package.json"];
/** Written after a successful build; its age is the build's age. */
const STAMP = join(BUILD_DIR, ".built");

/** Newest modification time under a file or folder, in ms (0 if missing). */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function staleReason() {
  if (!existsSync(STAMP)) return "build/ is missing";
  const builtAt = statSync(STAMP).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

/**
 * Builds if needed; exits the process with tsc's status when the build fails. Progress goes to
 * stderr so a command's stdout (e.g. `npm run sim -- --json`) stays clean.
 */
export function ensureServerBuild() {
  const why = staleReason();
  if (!why) return;
  console.error(`Compiling the server and the CLI (${why})…`);
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: ["ignore", process.stderr, process.stderr] });
  if (result.status !== 0) {
    console.error("The TypeScript build failed (see above). Fix it, then run the command again.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

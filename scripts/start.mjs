// `npm start`: build the client if dist/ is missing or older than its sources, then run the
// server (Colyseus + Express on one port). PORT chooses the port (default 2567).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = ["client", "shared", "assets", "index.html", "vite.config.ts", "package.json"];

/** Newest modification time under a file or folder, in ms (0 if missing). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function needsBuild() {
  const built = join(root, "dist", "index.html");
  if (!existsSync(built)) return "dist/ is missing";
  const builtAt = statSync(built).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

const why = needsBuild();
if (why) {
  console.log(`Building the client (${why})…`);
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The client build failed (see above). Fix it, then run npm start again.");
    process.exit(result.status ?? 1);
  }
}

const server = spawn(process.execPath, ["--import", "tsx", join(root, "server", "index.ts")], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

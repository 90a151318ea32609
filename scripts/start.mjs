// `npm start`: build the client if dist/ is missing or older than its sources, compile the server
// if build/ is, then run the server (Colyseus + Express on one port) as plain Node. PORT chooses
// the port (default 2567).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { BUILD_DIR, ensureServerBuild, newest, root } from "./build-server.mjs";

const SOURCES = ["client", "shared", "assets", "index.html", "vite.config.ts", "package.json"];

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

ensureServerBuild();

const server = spawn(process.execPath, [join(BUILD_DIR, "server", "index.js")], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

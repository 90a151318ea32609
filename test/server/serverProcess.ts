// The real server (`node --import tsx server/index.ts`, as `npm start` runs it) in a child
// process, on a test's own port and data folder, for tests over real HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(opts: { port: number; dataDir: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(root, "server/index.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(opts.port), NINES_DATA_DIR: opts.dataDir, NINES_QUIET: "1", NINES_DIST: join(opts.dataDir, "no-client"), ...opts.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${opts.port}`;
  // Wait until it answers (or dies): the condition, polled, not a fixed sleep.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

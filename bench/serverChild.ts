// A bench server in a child process (bench/benchServer.ts) and the readings it answers over IPC.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { BenchRequest } from "./benchServer.js";

type Request = BenchRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

export class ServerChild {
  private nextRequest = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();

  private constructor(private readonly child: ChildProcess, readonly port: number) {
    child.on("message", (m: { id: number; value: unknown }) => {
      this.waiting.get(m.id)?.(m.value);
      this.waiting.delete(m.id);
    });
  }

  /** Starts the real server plus the floor room on `port`; resolves once it listens. */
  static async start(port: number): Promise<{ server: ServerChild; coop: boolean }> {
    const script = join(import.meta.dirname, "benchServer.ts");
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", script, String(port)], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, NINES_QUIET: "1" },
    });
    const server = new ServerChild(child, port);
    const ready = await new Promise<{ coop: boolean }>((resolve, reject) => {
      server.waiting.set(0, resolve as (value: unknown) => void);
      child.once("exit", (code) => reject(new Error(`the bench server on port ${port} exited (${code}) before it was ready`)));
    });
    return { server, coop: ready.coop };
  }

  ask<T>(request: Request): Promise<T> {
    const id = this.nextRequest++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (value: unknown) => void);
      this.child.send({ ...request, id });
    });
  }

  stop(): void {
    this.child.kill("SIGTERM");
  }
}

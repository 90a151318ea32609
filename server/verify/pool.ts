// Replay verification off the event loop: a few worker threads, a bounded queue, and a time limit
// per job (a thread that overruns is terminated and replaced), so a flood of submissions slows
// only the verifier, never the rooms.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Verification } from "./verifyReplay.js";
import type { VerifyAnswer, VerifyJob } from "./worker.js";

export interface PoolOptions {
  /** Threads (default: half the cores, at least 1, at most 4). */
  size?: number;
  /** Longest a job may run, in ms (default 20 s). */
  timeoutMs?: number;
  /** Jobs that may wait for a thread; more are refused at once (default 64). */
  maxQueued?: number;
}

export class VerifierBusyError extends Error {
  constructor() {
    super("the verifier is busy: try again in a moment");
  }
}

/**
 * The worker's entry: compiled JavaScript beside this module when there is some, else the
 * TypeScript source through a small bootstrap that registers tsx in the thread.
 */
export function workerEntry(): URL {
  const compiled = new URL("./worker.js", import.meta.url);
  return existsSync(fileURLToPath(compiled)) ? compiled : new URL("./worker-tsx.mjs", import.meta.url);
}

interface Job {
  id: number;
  replay: string | unknown;
  resolve: (v: Verification) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Settles once the thread has loaded the simulation and says it is ready: jobs (and their clocks) start only then. */
  ready: Promise<void>;
  isReady: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export class VerifierPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxQueued: number;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxQueued = options.maxQueued ?? 64;
  }

  /** Verifies a replay (JSON text or a parsed value) in a thread. Rejects with VerifierBusyError when the queue is full. */
  verify(replay: string | unknown): Promise<Verification> {
    if (this.closed) return Promise.reject(new Error("the verifier is shut down"));
    if (this.queue.length >= this.maxQueued) return Promise.reject(new VerifierBusyError());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, replay, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts every thread now, so the first verification does not pay for their start-up. */
  async warm(): Promise<void> {
    while (this.threads.length < this.size) this.threads.push(this.spawn());
    await Promise.all(this.threads.map((t) => t.ready));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the verifier is shut down"));
    await Promise.all(this.threads.splice(0).map((t) => {
      if (t.timer) clearTimeout(t.timer);
      t.job?.reject(new Error("the verifier is shut down"));
      return t.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.find((t) => t.isReady && t.job === null);
      if (!thread) {
        // A thread still starting takes the job when it is ready; start one if there is room.
        const starting = this.threads.filter((t) => !t.isReady).length;
        if (this.threads.length < this.size && starting < this.queue.length) this.threads.push(this.spawn());
        return;
      }
      const job = this.queue.shift()!;
      thread.job = job;
      thread.timer = setTimeout(() => this.timeOut(thread), this.timeoutMs);
      thread.worker.ref(); // a job in progress keeps the process alive; an idle thread does not
      thread.worker.postMessage({ id: job.id, replay: job.replay } satisfies VerifyJob);
    }
  }

  private spawn(): Thread {
    // No inherited flags: the entry itself decides how TypeScript is loaded (see workerEntry).
    const worker = new Worker(workerEntry(), { execArgv: [] });
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const thread: Thread = { worker, ready, isReady: false, job: null, timer: null };
    worker.on("message", (answer: VerifyAnswer | "ready") => {
      if (answer === "ready") {
        thread.isReady = true;
        markReady();
        this.dispatch();
        if (!thread.job) worker.unref();
        return;
      }
      const job = thread.job;
      if (!job || job.id !== answer.id) return;
      this.finish(thread);
      job.resolve(answer.verification);
      this.dispatch();
    });
    worker.on("error", (err) => this.replace(thread, `the verifier failed: ${err.message}`));
    worker.on("exit", () => {
      markReady();
      this.replace(thread, "the verifier stopped unexpectedly");
    });
    return thread;
  }

  private finish(thread: Thread): void {
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    thread.job = null;
    thread.worker.unref();
  }

  private timeOut(thread: Thread): void {
    const job = thread.job;
    this.drop(thread);
    void thread.worker.terminate();
    const limit = this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`;
    job?.resolve({ valid: false, reason: `verification took longer than ${limit} and was stopped` });
    this.dispatch();
  }

  /** A thread that died: its job fails, and the next dispatch starts a fresh thread. */
  private replace(thread: Thread, reason: string): void {
    if (!this.threads.includes(thread)) return;
    const job = thread.job;
    this.drop(thread);
    job?.reject(new Error(reason));
    // A thread that dies before it is ready would die again: fail the waiting jobs rather than respawn forever.
    if (!thread.isReady) for (const waiting of this.queue.splice(0)) waiting.reject(new Error(reason));
    if (!this.closed) this.dispatch();
  }

  private drop(thread: Thread): void {
    this.finish(thread);
    const i = this.threads.indexOf(thread);
    if (i >= 0) this.threads.splice(i, 1);
    thread.worker.removeAllListeners("message");
  }
}

// A verifier thread: takes replay jobs from the pool and answers each with its verification.
import { parentPort } from "node:worker_threads";
import { verifyReplay, verifyReplayText, type Verification } from "./verifyReplay.js";

export interface VerifyJob {
  id: number;
  /** The replay as JSON text, or as an already parsed value. */
  replay: string | unknown;
}

export interface VerifyAnswer {
  id: number;
  verification: Verification;
}

if (!parentPort) throw new Error("server/verify/worker.ts runs only as a worker thread");
const port = parentPort;
port.on("message", (job: VerifyJob) => {
  let verification: Verification;
  try {
    verification = typeof job.replay === "string" ? verifyReplayText(job.replay) : verifyReplay(job.replay);
  } catch (e) {
    // A replay must never crash the thread; say what went wrong instead.
    verification = { valid: false, reason: `the replay could not be verified: ${(e as Error).message}` };
  }
  port.postMessage({ id: job.id, verification } satisfies VerifyAnswer);
});
port.postMessage("ready");

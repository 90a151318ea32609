// The verifier's threads must start whether the server runs from TypeScript (through tsx, as
// `npm start` does today) or from compiled JavaScript: here the pool and its worker are bundled
// to plain .js files and run by a bare `node`, with no TypeScript loader anywhere.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { play } from "../fixtures/plays.js";

const root = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "nines-verify-js-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the verifier pool from compiled JavaScript", () => {
  it("finds worker.js beside pool.js and verifies without tsx", async () => {
    await build({
      entryPoints: { pool: join(root, "server/verify/pool.ts"), worker: join(root, "server/verify/worker.ts") },
      outdir: dir,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
    });
    const { replay, game } = play("simple-stack", 3, 300);
    writeFileSync(join(dir, "replay.json"), JSON.stringify(replay));
    const script = `
      import { readFileSync } from "node:fs";
      import { VerifierPool, workerEntry } from ${JSON.stringify(join(dir, "pool.js"))};
      const pool = new VerifierPool({ size: 1 });
      const verification = await pool.verify(readFileSync(${JSON.stringify(join(dir, "replay.json"))}, "utf8"));
      console.log(JSON.stringify({ entry: workerEntry().pathname, verification }));
      await pool.close();
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, timeout: 30_000 });
    const out = JSON.parse(stdout);
    expect(out.entry).toBe(join(dir, "worker.js"));
    expect(out.verification).toMatchObject({ valid: true, hash: game.hash(), ticks: 300 });
  });
});

// The headless runner as a user calls it.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { play } from "../fixtures/plays.js";

const run = promisify(execFile);
const sim = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/sim.ts", ...args], { cwd: join(import.meta.dirname, "../.."), timeout: 60_000 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

// Each case starts a Node process (about a second with tsx); the limit only guards against a hang.
describe("npm run sim", { timeout: 60_000 }, () => {
  it("--json prints one object with the run's results on its last line", async () => {
    const r = await sim("--scenario", "distributed", "--seed", "42", "--ticks", "3000", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
    for (const key of ["scenario", "seed", "ticks", "hash", "sla", "served", "failed", "money", "score", "incidents"]) expect(out).toHaveProperty(key);
    expect(out).toMatchObject({ scenario: "distributed", seed: 42, ticks: 3000 });
    expect(out.sla).toBeGreaterThanOrEqual(0);
    expect(out.sla).toBeLessThanOrEqual(1);
    expect(out.hash).toMatch(/^[0-9a-f]{8}$/);
  });

  it("replays a recorded run to the same hash as playing it", async () => {
    const { game, replay } = play("secured", 42, 2000);
    const dir = mkdtempSync(join(tmpdir(), "nines-"));
    const file = join(dir, "run.json");
    writeFileSync(file, JSON.stringify(replay));
    const r = await sim("--replay", file, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim().split("\n").pop()!).hash).toBe(game.hash());
  });

  it("refuses bad input with a clear message and a non-zero exit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nines-"));
    const corrupt = join(dir, "corrupt.json");
    writeFileSync(corrupt, "{\"format\":1,");
    const cases: [string[], RegExp][] = [
      [["--scenario", "mars", "--ticks", "10"], /unknown scenario "mars"/],
      [["--scenario", "endless", "--seed=-3"], /--seed must be a whole number/],
      [["--scenario", "endless", "--seed", "99999999999"], /--seed must be at most 4294967295/],
      [["--scenario", "endless", "--ticks", "ten"], /--ticks must be a whole number/],
      [["--replay", corrupt], /not valid JSON/],
      [["--replay", join(dir, "missing.json")], /cannot read the replay/],
      [["--bogus"], /Unknown option/],
    ];
    const results = await Promise.all(cases.map(([args]) => sim(...args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(" ")).not.toBe(0);
      expect(r.stderr).toMatch(cases[i][1]);
    });
  });
});

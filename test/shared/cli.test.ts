// The headless runner as a user calls it.
import { execFile } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { score, SIM_VERSION } from "../../shared/index.js";
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

  it("--replay refuses what is not a regular file of a sensible size, with exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nines-"));
    const huge = join(dir, "huge.json");
    const fd = openSync(huge, "w");
    ftruncateSync(fd, 17 * 1024 * 1024); // sparse: nothing is written
    closeSync(fd);
    const endless = join(dir, "endless.json");
    writeFileSync(endless, JSON.stringify({ format: 1, simVersion: SIM_VERSION, scenario: "simple-stack", seed: 1, ticks: 100_000_000, commands: [] }));
    const cases: [string, RegExp][] = [
      ["/dev/zero", /\/dev\/zero is not a regular file/],
      [dir, /is not a regular file/],
      [join(dir, "missing.json"), /cannot read the replay .*ENOENT/],
      [huge, /is 17825792 bytes; a replay file may be at most 16777216 bytes/],
      [endless, /the replay runs 100000000 ticks; simple-stack lasts at most 6000/],
    ];
    const results = await Promise.all(cases.map(([file]) => sim("--replay", file)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0]).toBe(2);
      expect(r.stderr).toMatch(cases[i][1]);
    });
  });

  it("--replay fails a replay that is not the run it claims, naming why", async () => {
    const { game, replay } = play("simple-stack", 42, 400);
    const dir = mkdtempSync(join(tmpdir(), "nines-"));
    const claimed = { ...replay, result: { tick: game.tick, hash: game.hash(), score: score(game.state) } };
    const files = {
      honest: claimed,
      edited: { ...claimed, result: { ...claimed.result, score: claimed.result.score + 500 } },
      nulls: { ...replay, commands: Array.from({ length: 17 }, (_, tick) => ({ tick, cmd: null })) },
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(body));
    const [honest, edited, nulls] = await Promise.all(Object.keys(files).map((name) => sim("--replay", join(dir, `${name}.json`), "--json")));
    expect(honest.code).toBe(0);
    expect(JSON.parse(honest.stdout.trim())).toMatchObject({ valid: true, hash: game.hash(), score: claimed.result.score });
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/invalid replay: the replay claims a score of \d+ but re-simulates to \d+/);
    expect(nulls.code).toBe(1);
    expect(nulls.stderr).toMatch(/invalid replay: 17 command\(s\) rejected, the first at tick 0/);
    expect(JSON.parse(nulls.stdout.trim())).toMatchObject({ valid: false, invalidReason: expect.stringMatching(/^17 command/) });
  });
});

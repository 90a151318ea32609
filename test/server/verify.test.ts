// The strict verifier against tampered replays, in-process and through its worker threads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { score, type Replay } from "../../shared/index.js";
import { VerifierBusyError, VerifierPool } from "../../server/verify/pool.js";
import { ENDLESS_MAX_TICKS, verifyReplay, verifyReplayText } from "../../server/verify/verifyReplay.js";
import { play } from "../fixtures/plays.js";

type Submitted = Replay & { result?: { tick: number; hash: string; score: number } };

/** The scripted player's run with the result it claims, as the game's own replay files carry it. */
function honestRun(scenario = "simple-stack", ticks = 1500): Submitted {
  const { game, replay } = play(scenario, 42, ticks);
  return { ...replay, result: { tick: game.tick, hash: game.hash(), score: score(game.state) } };
}

const honest = honestRun();
const copy = (): Submitted => JSON.parse(JSON.stringify(honest));

describe("the replay verifier", () => {
  it("accepts an honest replay and gives the re-simulated score and hash", () => {
    expect(honest.result!.score).toBeGreaterThan(0);
    expect(verifyReplay(honest)).toEqual({ valid: true, score: honest.result!.score, hash: honest.result!.hash, ticks: 1500, scenario: "simple-stack", seed: 42 });
    // Without a claimed result the re-simulated one still counts.
    const { result: _, ...bare } = copy();
    expect(verifyReplay(bare)).toMatchObject({ valid: true, score: honest.result!.score });
  });

  it("refuses an edited score, tick or hash", () => {
    const score = copy();
    score.result!.score += 1000;
    expect(verifyReplay(score)).toEqual({ valid: false, reason: expect.stringMatching(/claims a score of \d+ but re-simulates to \d+/) });
    const tick = copy();
    tick.result!.tick = 1400;
    expect(verifyReplay(tick)).toMatchObject({ valid: false, reason: expect.stringMatching(/tick 1400/) });
    const hash = copy();
    hash.result!.hash = "00000000";
    expect(verifyReplay(hash)).toMatchObject({ valid: false, reason: expect.stringMatching(/hash 00000000/) });
    const malformed = copy() as unknown as { result: unknown };
    malformed.result = { tick: 1500, hash: "x", score: 1 };
    expect(verifyReplay(malformed)).toMatchObject({ valid: false, reason: expect.stringMatching(/not a valid replay: result\.hash/) });
  });

  it("refuses a command moved to another tick", () => {
    const later = copy();
    const dns = later.commands.find((c) => c.cmd.type === "setDns")!;
    dns.tick += 200; // still a legal command, but a different run
    expect(verifyReplay(later)).toMatchObject({ valid: false, reason: expect.stringMatching(/claims (a score|state hash)/) });
    const earlier = copy();
    earlier.commands.find((c) => c.cmd.type === "buyHost")!.tick = 100; // bought after its software is installed
    earlier.commands.sort((a, b) => a.tick - b.tick);
    expect(verifyReplay(earlier)).toMatchObject({ valid: false, reason: expect.stringMatching(/^3 command\(s\) rejected, the first at tick 50/) });
  });

  it("refuses a forged seed", () => {
    const forged = copy();
    forged.seed = 43;
    expect(verifyReplay(forged)).toMatchObject({ valid: false, reason: expect.stringMatching(/claims (a score|state hash)/) });
  });

  it("refuses a replay whose commands are all rejected", () => {
    const nulls = { ...copy(), result: undefined, commands: Array.from({ length: 17 }, (_, i) => ({ tick: i, cmd: null })) };
    expect(verifyReplay(nulls)).toEqual({ valid: false, reason: expect.stringMatching(/^17 command\(s\) rejected, the first at tick 0/) });
  });

  it("caps ticks and commands by the scenario's length, overrides included", () => {
    expect(verifyReplay({ ...copy(), result: undefined, ticks: 100_000_000 })).toMatchObject({ valid: false, reason: "the replay runs 100000000 ticks; simple-stack lasts at most 6000" });
    expect(verifyReplay({ ...copy(), result: undefined, scenario: "endless", ticks: ENDLESS_MAX_TICKS + 1 })).toMatchObject({ valid: false, reason: expect.stringMatching(/endless lasts at most 216000/) });
    expect(verifyReplay({ ...copy(), result: undefined, overrides: { durationMinutes: 1 } })).toMatchObject({ valid: false, reason: expect.stringMatching(/lasts at most 600/) });
    const flood = Array.from({ length: 7001 }, () => ({ tick: 0, cmd: { type: "setReplication", mode: "async" } }));
    expect(verifyReplay({ ...copy(), result: undefined, commands: flood })).toMatchObject({ valid: false, reason: "the replay holds 7001 commands; at most 7000 fit in simple-stack" });
    expect(verifyReplay({ ...copy(), result: undefined, commands: [{ tick: 1501, cmd: { type: "setReplication", mode: "async" } }] })).toMatchObject({ valid: false, reason: expect.stringMatching(/after the replay's end/) });
  });

  it("refuses what is not a replay", () => {
    expect(verifyReplayText("{\"format\":1,")).toEqual({ valid: false, reason: "the replay is not valid JSON" });
    expect(verifyReplay(null)).toMatchObject({ valid: false });
    expect(verifyReplay({ ...copy(), scenario: "mars" })).toMatchObject({ valid: false, reason: expect.stringMatching(/unknown scenario "mars"/) });
  });
});

describe("the verifier pool", () => {
  const pool = new VerifierPool({ size: 2, timeoutMs: 15_000, maxQueued: 4 });
  // Starting a thread (loading the simulation through tsx) takes about a second, more on a busy
  // machine: the threads start here, so the tests time only the work.
  beforeAll(() => pool.warm(), 60_000);
  afterAll(() => pool.close());

  it("verifies in worker threads, with the same answers as in-process", async () => {
    const forged = copy();
    forged.seed = 7;
    const [good, bad, text] = await Promise.all([pool.verify(honest), pool.verify(forged), pool.verify(JSON.stringify(honest))]);
    expect(good).toEqual(verifyReplay(honest));
    expect(bad).toMatchObject({ valid: false, reason: expect.stringMatching(/claims (a score|state hash)/) });
    expect(text).toEqual(good);
  });

  it("keeps the event loop free while it works", async () => {
    const long = { ...copy(), result: undefined, ticks: 5900 };
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const started = performance.now();
    const verification = await pool.verify(long);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(verification).toMatchObject({ valid: true });
    // The main thread kept turning all along (a blocked loop would count 0 or 1).
    expect(turns).toBeGreaterThan(Math.min(10, elapsed / 20));
  });

  it("refuses work beyond its queue at once", async () => {
    // Two threads take two jobs, four wait, the rest are turned away.
    const more = await Promise.all(Array.from({ length: 8 }, () => pool.verify(honest).then(() => "done", (e: Error) => e)));
    expect(more.filter((o) => o instanceof VerifierBusyError).length).toBe(2);
  });
});

describe("a verifier pool with a time limit", () => {
  // Two threads, so the second serves while the first is replaced. The limit is far above what a
  // small replay needs even on a busy machine (about 1 ms), and far below what the longest one
  // needs (216,000 ticks: 0.4 s on an idle machine, 1 s on a busy one).
  const strict = new VerifierPool({ size: 2, timeoutMs: 150 });
  beforeAll(() => strict.warm(), 60_000);
  afterAll(() => strict.close());

  it("stops a job that runs past its time limit and keeps serving", async () => {
    const longest = { ...copy(), result: undefined, scenario: "endless", ticks: ENDLESS_MAX_TICKS, commands: [] };
    expect(await strict.verify(longest)).toEqual({ valid: false, reason: expect.stringMatching(/^verification took longer than .* and was stopped$/) });
    const small = { ...copy(), result: undefined, ticks: 10, commands: [] };
    expect(await strict.verify(small)).toMatchObject({ valid: true, ticks: 10 });
  });
});

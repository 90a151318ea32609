// The classroom HTTP API over real HTTP: the real server process, a real SQLite file in a
// temporary folder, every bad input the issue names, the teacher token, and a restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { score } from "../../shared/index.js";
import { setChallengeStatus } from "../../server/storage/challenges.js";
import { openDatabase } from "../../server/storage/db.js";
import { addParticipant } from "../../server/storage/participants.js";
import { saveResult } from "../../server/storage/results.js";
import { play } from "../fixtures/plays.js";
import { startServer, type ServerProcess } from "./serverProcess.js";

const PORT = 3401;
const dataDir = mkdtempSync(join(tmpdir(), "nines-api-"));
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ port: PORT, dataDir });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const post = (path: string, body: string, contentType = "application/json") =>
  fetch(`${server.url}${path}`, { method: "POST", headers: { "Content-Type": contentType }, body });
const postJson = (path: string, value: unknown) => post(path, JSON.stringify(value));

interface Created {
  code: string;
  teacherToken: string;
  joinUrl: string;
  teacherUrl: string;
}

async function create(settings: Record<string, unknown> = { scenario: "distributed", durationMinutes: 20 }): Promise<Created> {
  const res = await postJson("/api/challenges", settings);
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

describe("POST /api/challenges", () => {
  it("creates a challenge: a short unambiguous code, a 128-bit teacher token and the links", async () => {
    const c = await create({ scenario: "secured", durationMinutes: 30, seed: 9, mode: "teams", teamSize: 3, budget: 700_000, allowedComponents: ["web", "app", "db", "firewall"], showStandings: false });
    expect(c.code).toMatch(/^[A-HJ-NP-Z]{6}$/);
    expect(Buffer.from(c.teacherToken, "base64url")).toHaveLength(16);
    expect(c.joinUrl).toBe(`${server.url}/join?code=${c.code}`);
    expect(c.teacherUrl).toBe(`${server.url}/teacher?code=${c.code}#token=${c.teacherToken}`);
    const codes = await Promise.all(Array.from({ length: 5 }, () => create().then((x) => x.code)));
    expect(new Set([...codes, c.code]).size).toBe(6);
  });

  it("answers 400 naming the bad field", async () => {
    const ok = { scenario: "distributed", durationMinutes: 20 };
    const cases: [string, string, RegExp][] = [
      ["unknown scenario", JSON.stringify({ ...ok, scenario: "mars" }), /^scenario: unknown scenario/],
      ["duration too short", JSON.stringify({ ...ok, durationMinutes: 0 }), /^durationMinutes: /],
      ["duration too long", JSON.stringify({ ...ok, durationMinutes: 181 }), /^durationMinutes: /],
      ["fractional duration", JSON.stringify({ ...ok, durationMinutes: 2.5 }), /^durationMinutes: /],
      ["missing duration", JSON.stringify({ scenario: "distributed" }), /^durationMinutes: /],
      ["an unknown field", JSON.stringify({ ...ok, teacherToken: "mine" }), /^unknown field "teacherToken"/],
      ["a string for a number", JSON.stringify({ ...ok, durationMinutes: "20" }), /^durationMinutes: .*expected number/],
      ["a string for a boolean", JSON.stringify({ ...ok, showStandings: "yes" }), /^showStandings: /],
      ["a bad mode", JSON.stringify({ ...ok, mode: "solo" }), /^mode: /],
      ["a negative budget", JSON.stringify({ ...ok, budget: -1 }), /^budget: /],
      ["an unknown component", JSON.stringify({ ...ok, allowedComponents: ["web", "cdn"] }), /^allowedComponents\.1: /],
      ["a seed out of range", JSON.stringify({ ...ok, seed: 2 ** 32 }), /^seed: /],
      ["a team size alone", JSON.stringify({ ...ok, teamSize: 3 }), /^teamSize: a team size needs mode "teams"/],
      ["a team size too large", JSON.stringify({ ...ok, mode: "teams", teamSize: 9 }), /^teamSize: /],
      ["not JSON", "{\"scenario\":", /not valid JSON/],
      ["an array", "[1,2]", /must be a JSON object/],
      ["null", "null", /JSON/],
    ];
    const answers = await Promise.all(cases.map(([, body]) => post("/api/challenges", body)));
    for (const [i, res] of answers.entries()) {
      expect(res.status, cases[i][0]).toBe(400);
      expect((await res.json()).error, cases[i][0]).toMatch(cases[i][2]);
    }
    const plain = await post("/api/challenges", "scenario=distributed", "text/plain");
    expect(plain.status).toBe(400);
    expect((await plain.json()).error).toMatch(/Content-Type: application\/json/);
  });

  it("answers 413 to a body over 64 KB", async () => {
    const res = await postJson("/api/challenges", { scenario: "distributed", durationMinutes: 20, pad: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
  });
});

describe("GET /api/challenges/:code", () => {
  it("gives the public summary, never the token or the seed", async () => {
    const c = await create({ scenario: "scale-up", durationMinutes: 15, seed: 1234, budget: 5_000_00 });
    const res = await fetch(`${server.url}/api/challenges/${c.code.toLowerCase()}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(c.teacherToken);
    const summary = JSON.parse(text);
    expect(summary).toMatchObject({ code: c.code, scenario: "scale-up", durationMinutes: 15, mode: "individual", teamSize: 1, budget: 500_000, showStandings: true, status: "lobby", round: 1, locked: false, participants: 0 });
    expect(summary).not.toHaveProperty("seed");
    expect(summary).not.toHaveProperty("teacherTokenHash");
  });

  it("answers 404 for an unknown or malformed code", async () => {
    for (const code of ["ZZZZZZ", "IO01IO", "x".repeat(300)]) {
      const res = await fetch(`${server.url}/api/challenges/${code}`);
      expect(res.status, code).toBe(404);
      expect((await res.json()).error).toMatch(/no challenge/);
    }
    expect((await fetch(`${server.url}/api/nowhere`)).status).toBe(404);
  });
});

describe("results", () => {
  let c: Created;
  beforeAll(async () => {
    c = await create({ scenario: "distributed", durationMinutes: 20, mode: "teams", teamSize: 2 });
    // A round as a room would record it, written to the same database file the server uses.
    const db = openDatabase(dataDir);
    addParticipant(db, { challengeCode: c.code, name: "=HYPERLINK(\"http://x\")", team: 1, rejoinTokenHash: "a1" });
    addParticipant(db, { challengeCode: c.code, name: "Ann \"the\" Admin, Jr", team: 2, rejoinTokenHash: "a2" });
    const base = { round: 1, hash: "0badf00d", ticks: 12000, uptimePermyriad: 9950, nines: 2, incidents: 3, timeline: [], recordedAt: 1 };
    saveResult(db, c.code, { ...base, team: 1, members: ["=HYPERLINK(\"http://x\")"], score: 500, money: -1250, findings: [] });
    saveResult(db, c.code, { ...base, team: 2, members: ["Ann \"the\" Admin, Jr"], score: 900, money: 45_000, findings: [{ id: "monitoring", title: "No monitoring" }] });
    db.close();
  });

  const get = (path: string, auth?: string) => fetch(`${server.url}/api/challenges/${c.code}/${path}`, auth ? { headers: { Authorization: auth } } : {});

  it("need the teacher token: 401 without, 403 with another one", async () => {
    const other = await create();
    for (const path of ["results.json", "results.csv"]) {
      const none = await get(path);
      expect(none.status, path).toBe(401);
      expect((await none.json()).error).toMatch(/teacher token/);
      expect((await get(path, `Basic ${c.teacherToken}`)).status).toBe(401);
      expect((await get(path, `Bearer ${other.teacherToken}`)).status, path).toBe(403);
      expect((await get(path, `Bearer ${c.teacherToken}x`)).status, path).toBe(403);
    }
    expect((await fetch(`${server.url}/api/challenges/ZZZZZZ/results.json`, { headers: { Authorization: `Bearer ${c.teacherToken}` } })).status).toBe(404);
  });

  it("results.json holds the settings, the students and each round's results", async () => {
    const res = await get("results.json", `Bearer ${c.teacherToken}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.settings).toMatchObject({ scenario: "distributed", mode: "teams", teamSize: 2, seed: expect.any(Number) });
    expect(body.participants.map((p: { name: string }) => p.name)).toEqual(["=HYPERLINK(\"http://x\")", "Ann \"the\" Admin, Jr"]);
    expect(body.rounds).toHaveLength(1);
    expect(body.rounds[0].results.map((r: { team: number; score: number }) => [r.team, r.score])).toEqual([[2, 900], [1, 500]]);
  });

  it("results.csv is quoted CSV, ranked, with formulas in names neutralised", async () => {
    const res = await get("results.csv", `Bearer ${c.teacherToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="nines-${c.code}-results.csv"`));
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe('"round","rank","team","members","score","uptime_percent","nines","money_dollars","incidents","open_findings"');
    expect(lines[1]).toBe('1,1,2,"Ann ""the"" Admin, Jr",900,99.5,2,450,3,"No monitoring"');
    expect(lines[2]).toBe('1,2,1,"\'=HYPERLINK(""http://x"")",500,99.5,2,-12.5,3,""');
    expect(lines[3]).toBe("");
  });
});

describe("POST /api/replays/verify", () => {
  const { game, replay } = play("simple-stack", 42, 600);
  const honest = { ...replay, result: { tick: game.tick, hash: game.hash(), score: score(game.state) } };

  it("re-simulates a replay: { valid, score, hash }, or { valid: false, reason } when tampered", async () => {
    const [good, tampered, nulls] = await Promise.all([
      postJson("/api/replays/verify", honest),
      postJson("/api/replays/verify", { ...honest, result: { ...honest.result, score: honest.result.score + 1 } }),
      postJson("/api/replays/verify", { ...replay, commands: Array.from({ length: 17 }, (_, tick) => ({ tick, cmd: null })) }),
    ]);
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ valid: true, score: honest.result.score, hash: honest.result.hash });
    expect(await tampered.json()).toEqual({ valid: false, reason: expect.stringMatching(/claims a score/) });
    expect(await nulls.json()).toEqual({ valid: false, reason: expect.stringMatching(/^17 command\(s\) rejected/) });
  });

  it("a flood of submissions does not hold up other requests", async () => {
    const c = await create();
    const long = { ...replay, result: undefined, ticks: 5900, commands: [] };
    let settled = 0;
    // Not awaited: they are still being verified (one by one) while the summary is asked for.
    for (let i = 0; i < 8; i++) void postJson("/api/replays/verify", long).then((r) => r.body?.cancel(), () => {}).finally(() => settled++);
    const summary = await fetch(`${server.url}/api/challenges/${c.code}`);
    expect(summary.status).toBe(200);
    expect(settled).toBeLessThan(8);
  });

  it("answers 400 to what is not JSON and 413 to a body over the cap", async () => {
    expect((await post("/api/replays/verify", "{\"format\":")).status).toBe(400);
    expect((await post("/api/replays/verify", "format=1", "text/plain")).status).toBe(400);
    const huge = { ...replay, commands: Array.from({ length: 3000 }, (_, tick) => ({ tick, cmd: { type: "setReplication", mode: "async" } })) };
    expect((await postJson("/api/replays/verify", huge)).status).toBe(413);
  });
});

describe("after a restart on the same data folder", () => {
  let kept: Created;
  let running: Created;
  beforeAll(async () => {
    kept = await create({ scenario: "simple-stack", durationMinutes: 10 });
    running = await create({ scenario: "secured", durationMinutes: 10 });
    await server.stop();
    // The second challenge was being played when the server stopped.
    const db = openDatabase(dataDir);
    setChallengeStatus(db, running.code, "running");
    db.close();
    server = await startServer({ port: PORT, dataDir });
  }, 90_000);

  it("the challenges are still there, and one that was running reads interrupted", async () => {
    const [a, b] = await Promise.all([kept, running].map((c) => fetch(`${server.url}/api/challenges/${c.code}`).then((r) => r.json())));
    expect(a).toMatchObject({ code: kept.code, scenario: "simple-stack", status: "lobby" });
    expect(b).toMatchObject({ code: running.code, scenario: "secured", status: "interrupted" });
  });

  it("the teacher token still opens the results", async () => {
    const res = await fetch(`${server.url}/api/challenges/${running.code}/results.json`, { headers: { Authorization: `Bearer ${running.teacherToken}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).rounds[0]).toMatchObject({ round: 1, startedAt: expect.any(Number), endedAt: expect.any(Number) });
  });
});

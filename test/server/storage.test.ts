// The classroom database on a real SQLite file in a temporary folder.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findChallenge, insertChallenge, listRounds, setChallengeStatus, startNextRound } from "../../server/storage/challenges.js";
import { DB_FILE_NAME, openDatabase, openStore, type Db } from "../../server/storage/db.js";
import { loadMigrations } from "../../server/storage/migrate.js";
import { addParticipant, listParticipants, removeParticipant, renameParticipant } from "../../server/storage/participants.js";
import { listResults, saveResult } from "../../server/storage/results.js";
import type { ChallengeSettings } from "../../server/classroom/settings.js";
import { roundResultOf } from "../../server/classroom/roundResult.js";
import { score } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";

const settings: ChallengeSettings = { scenario: "distributed", seed: 42, durationMinutes: 20, mode: "teams", teamSize: 3, showStandings: true };
const dirs: string[] = [];
const open: Db[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "nines-db-"));
  dirs.push(dir);
  return dir;
}
function track(db: Db): Db {
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("classroom storage", () => {
  it("creates its folder and file, runs in WAL mode and records each migration once", () => {
    const dir = join(tempDir(), "nested", "data");
    const db = track(openDatabase(dir));
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const versions = db.prepare("SELECT version FROM schema_version ORDER BY version").all();
    expect(versions).toEqual(loadMigrations().map((m) => ({ version: m.version })));
    db.close();
    // Opening again applies nothing twice.
    const again = track(openDatabase(dir));
    expect(again.prepare("SELECT COUNT(*) AS n FROM schema_version").get()).toEqual({ n: loadMigrations().length });
  });

  it("refuses a database newer than this build", () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(/schema version 999/);
  });

  it("keeps challenges across a restart and marks the live ones interrupted", () => {
    const dir = tempDir();
    const db = openStore(dir);
    for (const code of ["AAAAAA", "BBBBBB", "CCCCCC"]) expect(insertChallenge(db, { code, teacherTokenHash: "ab".repeat(32), settings, createdAt: 1 })).toBe(true);
    expect(insertChallenge(db, { code: "AAAAAA", teacherTokenHash: "cd".repeat(32), settings, createdAt: 2 })).toBe(false);
    setChallengeStatus(db, "BBBBBB", "running", 100);
    setChallengeStatus(db, "CCCCCC", "finished", 200);
    db.close();

    const reopened = track(openStore(dir));
    expect(findChallenge(reopened, "AAAAAA")).toMatchObject({ status: "lobby", settings, round: 1, locked: false });
    expect(findChallenge(reopened, "BBBBBB")?.status).toBe("interrupted");
    expect(findChallenge(reopened, "CCCCCC")?.status).toBe("finished");
    expect(listRounds(reopened, "BBBBBB")).toEqual([{ round: 1, seed: 42, startedAt: 100, endedAt: expect.any(Number) }]);
  });

  it("keeps names unique within a challenge (any case) and frees a removed student's name", () => {
    const db = track(openStore(tempDir()));
    insertChallenge(db, { code: "DDDDDD", teacherTokenHash: "ab".repeat(32), settings, createdAt: 1 });
    insertChallenge(db, { code: "EEEEEE", teacherTokenHash: "ab".repeat(32), settings, createdAt: 1 });
    const ada = addParticipant(db, { challengeCode: "DDDDDD", name: "Ada", team: 1, rejoinTokenHash: "t1" });
    expect(ada.ok).toBe(true);
    expect(addParticipant(db, { challengeCode: "DDDDDD", name: "ADA", team: 1, rejoinTokenHash: "t2" })).toEqual({ ok: false, reason: "name-taken" });
    expect(addParticipant(db, { challengeCode: "EEEEEE", name: "Ada", team: 1, rejoinTokenHash: "t3" }).ok).toBe(true);
    const bob = addParticipant(db, { challengeCode: "DDDDDD", name: "Bob", team: 2, rejoinTokenHash: "t4" });
    if (!bob.ok || !ada.ok) throw new Error("join failed");
    expect(renameParticipant(db, bob.participant.id, "ada")).toBe(false);
    removeParticipant(db, ada.participant.id);
    expect(renameParticipant(db, bob.participant.id, "ada")).toBe(true);
    expect(listParticipants(db, "DDDDDD").map((p) => p.name)).toEqual(["ada"]);
    expect(listParticipants(db, "DDDDDD", { includeRemoved: true }).map((p) => [p.name, p.removed, p.connection])).toEqual([["Ada", true, "gone"], ["ada", false, "connected"]]);
  });

  it("keeps results per round", () => {
    const db = track(openStore(tempDir()));
    insertChallenge(db, { code: "FFFFFF", teacherTokenHash: "ab".repeat(32), settings, createdAt: 1 });
    const result = { round: 1, team: 1, members: ["Ada"], score: 900, hash: "0123abcd", ticks: 12000, uptimePermyriad: 9990, nines: 3, money: 5000, incidents: 2, findings: [{ id: "monitoring", title: "No monitoring" }], timeline: [{ tick: 600, title: "web-01 went down", severity: "critical" }], recordedAt: 5 };
    saveResult(db, "FFFFFF", result);
    saveResult(db, "FFFFFF", { ...result, team: 2, score: 1200 });
    expect(startNextRound(db, "FFFFFF", 7)).toBe(2);
    saveResult(db, "FFFFFF", { ...result, round: 2, score: 100 });
    expect(listResults(db, "FFFFFF", 1).map((r) => r.score)).toEqual([1200, 900]);
    expect(listResults(db, "FFFFFF").map((r) => [r.round, r.team])).toEqual([[1, 2], [1, 1], [2, 1]]);
    expect(listResults(db, "FFFFFF")[1]).toEqual(result);
    expect(listRounds(db, "FFFFFF").map((r) => r.seed)).toEqual([42, 7]);
  });
});

describe("a round's result", () => {
  it("is read off the server's own game and stored as it was", () => {
    const { game } = play("simple-stack", 4, 600);
    const result = roundResultOf(game, { round: 1, team: 3, members: ["Ada", "Bob"] }, 99);
    expect(result).toMatchObject({ round: 1, team: 3, members: ["Ada", "Bob"], score: score(game.state), hash: game.hash(), ticks: 600, money: game.state.money, recordedAt: 99 });
    expect(result.findings.map((f) => f.id)).toContain("no-spof-host");
    const db = track(openStore(tempDir()));
    insertChallenge(db, { code: "GGGGGG", teacherTokenHash: "ab".repeat(32), settings, createdAt: 1 });
    saveResult(db, "GGGGGG", result);
    expect(listResults(db, "GGGGGG")).toEqual([result]);
  });
});

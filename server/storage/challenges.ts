// Challenges and their rounds.
import type Database from "better-sqlite3";
import type { ChallengeSettings } from "../classroom/settings.js";

type Db = Database.Database;

export type ChallengeStatus = "lobby" | "countdown" | "running" | "paused" | "finished" | "interrupted";

/** Statuses in which rooms are live: a server that stops then leaves the challenge interrupted. */
export const LIVE_STATUSES: readonly ChallengeStatus[] = ["countdown", "running", "paused"];

export interface Challenge {
  code: string;
  teacherTokenHash: string;
  settings: ChallengeSettings;
  status: ChallengeStatus;
  round: number;
  locked: boolean;
  createdAt: number;
}

export interface Round {
  round: number;
  seed: number;
  startedAt: number | null;
  endedAt: number | null;
}

interface ChallengeRow {
  code: string;
  teacher_token_hash: string;
  settings: string;
  status: ChallengeStatus;
  round: number;
  locked: number;
  created_at: number;
}

function fromRow(row: ChallengeRow): Challenge {
  return {
    code: row.code,
    teacherTokenHash: row.teacher_token_hash,
    settings: JSON.parse(row.settings) as ChallengeSettings,
    status: row.status,
    round: row.round,
    locked: row.locked === 1,
    createdAt: row.created_at,
  };
}

/** Inserts a challenge and its first round. False when the code is taken (the caller draws another). */
export function insertChallenge(db: Db, c: { code: string; teacherTokenHash: string; settings: ChallengeSettings; createdAt: number }): boolean {
  try {
    db.transaction(() => {
      db.prepare("INSERT INTO challenges (code, teacher_token_hash, settings, created_at) VALUES (?, ?, ?, ?)").run(c.code, c.teacherTokenHash, JSON.stringify(c.settings), c.createdAt);
      db.prepare("INSERT INTO rounds (challenge_code, round, seed) VALUES (?, 1, ?)").run(c.code, c.settings.seed);
    })();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") return false;
    throw e;
  }
}

export function findChallenge(db: Db, code: string): Challenge | undefined {
  const row = db.prepare("SELECT * FROM challenges WHERE code = ?").get(code) as ChallengeRow | undefined;
  return row && fromRow(row);
}

export function setChallengeStatus(db: Db, code: string, status: ChallengeStatus, at = Date.now()): void {
  db.transaction(() => {
    db.prepare("UPDATE challenges SET status = ? WHERE code = ?").run(status, code);
    if (status === "running") db.prepare("UPDATE rounds SET started_at = COALESCE(started_at, ?) WHERE challenge_code = ? AND round = (SELECT round FROM challenges WHERE code = ?)").run(at, code, code);
    if (status === "finished" || status === "interrupted") db.prepare("UPDATE rounds SET ended_at = COALESCE(ended_at, ?) WHERE challenge_code = ? AND round = (SELECT round FROM challenges WHERE code = ?)").run(at, code, code);
  })();
}

export function setChallengeLocked(db: Db, code: string, locked: boolean): void {
  db.prepare("UPDATE challenges SET locked = ? WHERE code = ?").run(locked ? 1 : 0, code);
}

/** Starts the next round of a finished (or interrupted) challenge, with the same seed or a new one. Returns its number. */
export function startNextRound(db: Db, code: string, seed: number): number {
  return db.transaction(() => {
    const c = findChallenge(db, code);
    if (!c) throw new Error(`no challenge ${code}`);
    const round = c.round + 1;
    db.prepare("INSERT INTO rounds (challenge_code, round, seed) VALUES (?, ?, ?)").run(code, round, seed);
    db.prepare("UPDATE challenges SET round = ?, status = 'lobby' WHERE code = ?").run(round, code);
    return round;
  })();
}

export function listRounds(db: Db, code: string): Round[] {
  const rows = db.prepare("SELECT round, seed, started_at, ended_at FROM rounds WHERE challenge_code = ? ORDER BY round").all(code) as { round: number; seed: number; started_at: number | null; ended_at: number | null }[];
  return rows.map((r) => ({ round: r.round, seed: r.seed, startedAt: r.started_at, endedAt: r.ended_at }));
}

/** Challenges that were live when the server stopped become `interrupted`. Returns how many. */
export function markRunningInterrupted(db: Db, at = Date.now()): number {
  const live = db.prepare(`SELECT code FROM challenges WHERE status IN (${LIVE_STATUSES.map(() => "?").join(", ")})`).all(...LIVE_STATUSES) as { code: string }[];
  for (const { code } of live) setChallengeStatus(db, code, "interrupted", at);
  return live.length;
}

// Replays the server accepted: a team's command log at the end of a round, or a verified solo run.
import type Database from "better-sqlite3";

type Db = Database.Database;

export interface StoredReplay {
  id: number;
  challengeCode: string | null;
  round: number | null;
  team: number | null;
  scenario: string;
  seed: number;
  ticks: number;
  hash: string;
  score: number;
  /** The replay file (JSON text). */
  body: string;
  createdAt: number;
}

export function saveReplay(db: Db, r: Omit<StoredReplay, "id" | "createdAt"> & { createdAt?: number }): number {
  const info = db
    .prepare("INSERT INTO replays (challenge_code, round, team, scenario, seed, ticks, hash, score, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .run(r.challengeCode, r.round, r.team, r.scenario, r.seed, r.ticks, r.hash, r.score, r.body, r.createdAt ?? Date.now());
  return Number(info.lastInsertRowid);
}

export function findReplay(db: Db, id: number): StoredReplay | undefined {
  const row = db.prepare("SELECT * FROM replays WHERE id = ?").get(id) as
    | { id: number; challenge_code: string | null; round: number | null; team: number | null; scenario: string; seed: number; ticks: number; hash: string; score: number; body: string; created_at: number }
    | undefined;
  if (!row) return undefined;
  return { id: row.id, challengeCode: row.challenge_code, round: row.round, team: row.team, scenario: row.scenario, seed: row.seed, ticks: row.ticks, hash: row.hash, score: row.score, body: row.body, createdAt: row.created_at };
}

/** The replays of one round of a challenge, by team. */
export function listRoundReplays(db: Db, challengeCode: string, round: number): StoredReplay[] {
  const ids = db.prepare("SELECT id FROM replays WHERE challenge_code = ? AND round = ? ORDER BY team, id").all(challengeCode, round) as { id: number }[];
  return ids.map(({ id }) => findReplay(db, id)!);
}

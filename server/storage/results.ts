// Each team's result for each round of a challenge, as the server's own simulation ended it.
import type Database from "better-sqlite3";

type Db = Database.Database;

export interface RoundResult {
  round: number;
  team: number;
  members: string[];
  score: number;
  hash: string;
  ticks: number;
  uptimePermyriad: number;
  nines: number;
  /** Cents. */
  money: number;
  incidents: number;
  /** Audit findings still open at the end. */
  findings: { id: string; title: string }[];
  /** The incident timeline in words, as the debrief showed it. */
  timeline: { tick: number; title: string; severity: string }[];
  recordedAt: number;
}

interface ResultRow {
  round: number;
  team: number;
  members: string;
  score: number;
  hash: string;
  ticks: number;
  uptime_permyriad: number;
  nines: number;
  money: number;
  incidents: number;
  findings: string;
  timeline: string;
  recorded_at: number;
}

/** Records (or replaces, if the round is recorded again) a team's result. */
export function saveResult(db: Db, challengeCode: string, r: RoundResult): void {
  db.prepare(
    `INSERT OR REPLACE INTO results (challenge_code, round, team, members, score, hash, ticks, uptime_permyriad, nines, money, incidents, findings, timeline, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(challengeCode, r.round, r.team, JSON.stringify(r.members), r.score, r.hash, r.ticks, r.uptimePermyriad, r.nines, r.money, r.incidents, JSON.stringify(r.findings), JSON.stringify(r.timeline), r.recordedAt);
}

/** Results of every round (or one), best score first within a round. */
export function listResults(db: Db, challengeCode: string, round?: number): RoundResult[] {
  const rows = (
    round === undefined
      ? db.prepare("SELECT * FROM results WHERE challenge_code = ? ORDER BY round, score DESC, team").all(challengeCode)
      : db.prepare("SELECT * FROM results WHERE challenge_code = ? AND round = ? ORDER BY score DESC, team").all(challengeCode, round)
  ) as ResultRow[];
  return rows.map((r) => ({
    round: r.round,
    team: r.team,
    members: JSON.parse(r.members) as string[],
    score: r.score,
    hash: r.hash,
    ticks: r.ticks,
    uptimePermyriad: r.uptime_permyriad,
    nines: r.nines,
    money: r.money,
    incidents: r.incidents,
    findings: JSON.parse(r.findings) as RoundResult["findings"],
    timeline: JSON.parse(r.timeline) as RoundResult["timeline"],
    recordedAt: r.recorded_at,
  }));
}

// Students who joined a challenge: their display name, team, rejoin token (hashed), whether their
// connection is live, and whether the teacher removed them.
import type Database from "better-sqlite3";

type Db = Database.Database;

export type ConnectionState = "connected" | "reconnecting" | "gone";

export interface Participant {
  id: number;
  challengeCode: string;
  name: string;
  team: number;
  connection: ConnectionState;
  removed: boolean;
  joinedAt: number;
}

interface ParticipantRow {
  id: number;
  challenge_code: string;
  name: string;
  team: number;
  connection: ConnectionState;
  removed: number;
  joined_at: number;
}

function fromRow(r: ParticipantRow): Participant {
  return { id: r.id, challengeCode: r.challenge_code, name: r.name, team: r.team, connection: r.connection, removed: r.removed === 1, joinedAt: r.joined_at };
}

const COLUMNS = "id, challenge_code, name, team, connection, removed, joined_at";

export type AddedParticipant = { ok: true; participant: Participant } | { ok: false; reason: "name-taken" };

/** Adds a student; refuses a name another student of the challenge already has (any case). */
export function addParticipant(db: Db, p: { challengeCode: string; name: string; team: number; rejoinTokenHash: string; joinedAt?: number }): AddedParticipant {
  try {
    const info = db
      .prepare("INSERT INTO participants (challenge_code, name, team, rejoin_token_hash, joined_at) VALUES (?, ?, ?, ?, ?)")
      .run(p.challengeCode, p.name, p.team, p.rejoinTokenHash, p.joinedAt ?? Date.now());
    return { ok: true, participant: findParticipant(db, Number(info.lastInsertRowid))! };
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE" && /participants\.(challenge_code|name)/.test((e as Error).message)) return { ok: false, reason: "name-taken" };
    throw e;
  }
}

export function findParticipant(db: Db, id: number): Participant | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM participants WHERE id = ?`).get(id) as ParticipantRow | undefined;
  return row && fromRow(row);
}

/** The student a rejoin token belongs to (removed students too: the caller decides what they may do). */
export function findByRejoinToken(db: Db, challengeCode: string, rejoinTokenHash: string): Participant | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM participants WHERE challenge_code = ? AND rejoin_token_hash = ?`).get(challengeCode, rejoinTokenHash) as ParticipantRow | undefined;
  return row && fromRow(row);
}

/** Everyone who joined, in joining order; removed students only when asked for. */
export function listParticipants(db: Db, challengeCode: string, opts: { includeRemoved?: boolean } = {}): Participant[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM participants WHERE challenge_code = ? ${opts.includeRemoved ? "" : "AND removed = 0"} ORDER BY id`)
    .all(challengeCode) as ParticipantRow[];
  return rows.map(fromRow);
}

export function setConnection(db: Db, id: number, connection: ConnectionState): void {
  db.prepare("UPDATE participants SET connection = ? WHERE id = ?").run(connection, id);
}

export function removeParticipant(db: Db, id: number): void {
  db.prepare("UPDATE participants SET removed = 1, connection = 'gone' WHERE id = ?").run(id);
}

/** Renames a student; false when another student of the challenge has that name. */
export function renameParticipant(db: Db, id: number, name: string): boolean {
  try {
    db.prepare("UPDATE participants SET name = ? WHERE id = ?").run(name, id);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return false;
    throw e;
  }
}

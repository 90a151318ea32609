// Numbered SQL migrations (`migrations/001_name.sql`, …) applied once each, in order, each in its
// own transaction; `schema_version` records which ran. A database newer than this build is refused
// rather than written to by code that does not know its tables.
import type Database from "better-sqlite3";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_-]+)\.sql$/;

/**
 * The SQL files sit beside this module in the source tree; a compiled build that does not copy
 * them finds them from the working directory instead.
 */
export function migrationsDir(): string {
  const beside = fileURLToPath(new URL("./migrations/", import.meta.url));
  return existsSync(beside) ? beside : join(process.cwd(), "server", "storage", "migrations");
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2], sql: readFileSync(join(dir, file), "utf8") }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${String(m.version).padStart(3, "0")}_${m.name} is out of sequence: expected number ${i + 1}`);
  });
  return migrations;
}

/** Applies the migrations not yet applied; returns the schema version the database is now at. */
export function migrate(db: Database.Database, migrations = loadMigrations()): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  const current = (db.prepare("SELECT MAX(version) AS v FROM schema_version").get() as { v: number | null }).v ?? 0;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > latest) throw new Error(`the database is at schema version ${current}, newer than this build knows (${latest}): run a newer Nines on it`);
  const record = db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)");
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
    })();
  }
  return latest;
}

// The classroom's SQLite database: one file in NINES_DATA_DIR (default ./data), created with its
// folder when missing, in WAL mode so the standings can be read while results are written.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { markRunningInterrupted } from "./challenges.js";
import { migrate } from "./migrate.js";

export type Db = Database.Database;

export const DB_FILE_NAME = "nines.sqlite";

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.NINES_DATA_DIR || "./data");
}

/** Opens (or creates) the database in `dir` and brings its schema up to date. */
export function openDatabase(dir = dataDir()): Db {
  let db: Db;
  try {
    mkdirSync(dir, { recursive: true });
    db = new Database(join(dir, DB_FILE_NAME));
  } catch (e) {
    throw new Error(`cannot open the database in ${dir} (set NINES_DATA_DIR to a writable folder): ${(e as Error).message}`);
  }
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

/**
 * What the server does with its database on start: open it, and mark every challenge that was
 * being played when the last server stopped as interrupted (its rooms are gone; nothing pretends
 * it is still running, and nothing is silently dropped).
 */
export function openStore(dir = dataDir()): Db {
  const db = openDatabase(dir);
  markRunningInterrupted(db);
  return db;
}

let shared: Db | undefined;

/** The server's one database, opened on first use (so importing the app opens nothing). */
export function serverDatabase(): Db {
  shared ??= openStore();
  return shared;
}

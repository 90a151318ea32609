// The one check for "is this the challenge's teacher?": the HTTP results routes and the rooms'
// teacher actions both call it, so a student can never act as the teacher through either door.
import type Database from "better-sqlite3";
import { findChallenge, type Challenge } from "../storage/challenges.js";
import { CODE_PATTERN, normaliseCode, tokenMatches } from "./secrets.js";

export type TeacherAuth =
  | { ok: true; challenge: Challenge }
  | { ok: false; status: 401 | 403 | 404; error: string };

/** `token` is what the caller presented (undefined when none). */
export function authorizeTeacher(db: Database.Database, code: string, token: string | undefined): TeacherAuth {
  const normal = normaliseCode(code);
  const challenge = CODE_PATTERN.test(normal) ? findChallenge(db, normal) : undefined;
  if (!challenge) return { ok: false, status: 404, error: `no challenge with code ${code.slice(0, 12)}` };
  if (!token) return { ok: false, status: 401, error: "this needs the teacher token (Authorization: Bearer <teacherToken>)" };
  if (!tokenMatches(token, challenge.teacherTokenHash)) return { ok: false, status: 403, error: "the teacher token does not match this challenge" };
  return { ok: true, challenge };
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

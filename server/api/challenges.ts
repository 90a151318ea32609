// Challenge routes: create one, read its public summary, and (with the teacher token) its results.
import type Database from "better-sqlite3";
import { Router, type Request } from "express";
import { findScenario } from "../../shared/index.js";
import { newJoinCode, newToken, hashToken, randomSeed, CODE_PATTERN, normaliseCode } from "../classroom/secrets.js";
import { ChallengeInputSchema, settingsFrom } from "../classroom/settings.js";
import { authorizeTeacher, bearerToken } from "../classroom/teacherAuth.js";
import { findChallenge, insertChallenge, listRounds, type Challenge } from "../storage/challenges.js";
import { listParticipants } from "../storage/participants.js";
import { listResults } from "../storage/results.js";
import { HttpError, jsonBody, parseBody, requireJson } from "./body.js";
import { toCsv } from "./csv.js";

type Db = Database.Database;

/** Where links point: NINES_PUBLIC_URL when the server sits behind a proxy, else the request's own origin. */
function publicOrigin(req: Request): string {
  const configured = process.env.NINES_PUBLIC_URL?.replace(/\/+$/, "");
  return configured || `${req.protocol}://${req.get("host")}`;
}

/** `database` is asked for on each request, so the server opens its file only once the API is used. */
export function challengeRoutes(database: () => Db): Router {
  const router = Router();

  router.post("/challenges", ...jsonBody(), (req, res) => {
    const db = database();
    const input = parseBody(ChallengeInputSchema, requireJson(req));
    const settings = settingsFrom(input, randomSeed);
    const teacherToken = newToken();
    let code = "";
    // Six letters from 24 give 191 million codes: a clash is rare, and simply drawn again.
    for (let attempt = 0; attempt < 20 && !code; attempt++) {
      const candidate = newJoinCode();
      if (insertChallenge(db, { code: candidate, teacherTokenHash: hashToken(teacherToken), settings, createdAt: Date.now() })) code = candidate;
    }
    if (!code) throw new HttpError(503, "could not find a free join code; try again");
    const origin = publicOrigin(req);
    res.status(201).json({
      code,
      teacherToken,
      // One path segment each, so the client's relative asset URLs still resolve from these pages.
      joinUrl: `${origin}/join?code=${code}`,
      // The token rides in the fragment, which browsers never send to a server or in a Referer.
      teacherUrl: `${origin}/teacher?code=${code}#token=${teacherToken}`,
    });
  });

  router.get("/challenges/:code", (req, res) => {
    const db = database();
    const code = normaliseCode(req.params.code);
    const challenge = CODE_PATTERN.test(code) ? findChallenge(db, code) : undefined;
    if (!challenge) throw new HttpError(404, `no challenge with code ${req.params.code.slice(0, 12)}`);
    res.json(publicSummary(db, challenge));
  });

  router.get("/challenges/:code/results.json", (req, res) => {
    const db = database();
    const challenge = teacherOnly(db, req);
    const participants = listParticipants(db, challenge.code, { includeRemoved: true });
    const results = listResults(db, challenge.code);
    res.json({
      ...publicSummary(db, challenge),
      settings: challenge.settings,
      participants: participants.map((p) => ({ name: p.name, team: p.team, connection: p.connection, removed: p.removed, joinedAt: p.joinedAt })),
      rounds: listRounds(db, challenge.code).map((r) => ({ ...r, results: results.filter((x) => x.round === r.round) })),
    });
  });

  router.get("/challenges/:code/results.csv", (req, res) => {
    const db = database();
    const challenge = teacherOnly(db, req);
    const header = ["round", "rank", "team", "members", "score", "uptime_percent", "nines", "money_dollars", "incidents", "open_findings"];
    const rows: (string | number)[][] = [];
    for (const { round } of listRounds(db, challenge.code)) {
      listResults(db, challenge.code, round).forEach((r, i) => {
        rows.push([round, i + 1, r.team, r.members.join("; "), r.score, r.uptimePermyriad / 100, r.nines, r.money / 100, r.incidents, r.findings.map((f) => f.title).join("; ")]);
      });
    }
    res
      .type("text/csv; charset=utf-8")
      .attachment(`nines-${challenge.code}-results.csv`)
      .send(toCsv(header, rows));
  });

  return router;
}

function teacherOnly(db: Db, req: Request): Challenge {
  const auth = authorizeTeacher(db, req.params.code, bearerToken(req.headers.authorization));
  if (!auth.ok) throw new HttpError(auth.status, auth.error);
  return auth.challenge;
}

/** What anyone with the code may know: never the token, nor the seed. */
function publicSummary(db: Db, c: Challenge) {
  const s = c.settings;
  return {
    code: c.code,
    scenario: s.scenario,
    scenarioTitle: findScenario(s.scenario)?.title ?? s.scenario,
    durationMinutes: s.durationMinutes,
    mode: s.mode,
    teamSize: s.teamSize,
    budget: s.budget ?? findScenario(s.scenario)?.money ?? null,
    allowedComponents: s.allowedComponents ?? findScenario(s.scenario)?.allowed.services ?? [],
    showStandings: s.showStandings,
    generatedNames: !!s.generatedNames,
    status: c.status,
    round: c.round,
    locked: c.locked,
    participants: listParticipants(db, c.code).length,
    createdAt: c.createdAt,
  };
}

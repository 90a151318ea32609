// The teacher's room over real sockets: the token is required, the countdown starts every team's
// room on the same tick, pause/resume/extend/end act on every room, standings arrive every second,
// and the results of each round are written to SQLite from the server's own games.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/storage/db.js";
import { listResults } from "../../server/storage/results.js";
import { listRoundReplays } from "../../server/storage/replays.js";
import { findChallenge, insertChallenge, setChallengeStatus } from "../../server/storage/challenges.js";
import { saveResult } from "../../server/storage/results.js";
import { hashToken } from "../../server/classroom/secrets.js";
import { runReplay, parseReplay, type ResultsMessage, type StandingsMessage, type ClassPhaseMessage, type SnapshotMessage } from "../../shared/index.js";
import { bootClassroom, createChallenge, dataDir, studentJoin, teacherJoin, until, type Listener } from "./classroomHarness.js";

const PORT = 3651;
let server: ColyseusTestServer;
let base: string;
let ws: string;

beforeAll(async () => {
  ({ server, base, ws } = await bootClassroom(PORT));
});
afterAll(async () => {
  await server?.shutdown();
});

const classView = (t: Listener) => t.last<{ phase: string; students: { name: string; connection: string }[]; endTick: number; round: number }>("class")!;

describe("the teacher's room", () => {
  it("lets in only the holder of the teacher token", async () => {
    const { code, teacherToken } = await createChallenge(base);
    await expect(teacherJoin(ws, code, undefined)).rejects.toThrow(/teacher token/);
    await expect(teacherJoin(ws, code, "not-the-token-at-all-xx")).rejects.toThrow(/does not match/);
    // A student's rejoin token is no teacher token either.
    const student = await studentJoin(base, ws, code, "Ada");
    await expect(teacherJoin(ws, code, student.seat.rejoinToken)).rejects.toThrow(/does not match/);
    const teacher = await teacherJoin(ws, code, teacherToken);
    await until(() => classView(teacher)?.students.length === 1, "the lobby to list Ada");
    expect(classView(teacher).students[0]).toMatchObject({ name: "Ada", connection: "connected" });
    // A student cannot start the challenge from the team room.
    student.listener.room.send("start", {});
    student.listener.room.send("pause", { paused: true });
    await until(() => student.listener.count("rejected") >= 2, "the student's refusals");
    expect(student.listener.all<{ reason: string }>("rejected").map((r) => r.reason)).toEqual(["in a class the teacher starts the challenge", "in a class only the teacher pauses"]);
    expect(classView(teacher).phase).toBe("lobby");
    // An unknown action or a bad payload is refused with a reason, and the teacher stays connected.
    teacher.room.send("explode", {});
    teacher.room.send("extend", { minutes: "lots" });
    await until(() => teacher.count("rejected") >= 2, "the teacher's refusals");
    expect(teacher.all<{ reason: string }>("rejected").map((r) => r.reason)).toEqual(['unknown action "explode"', "extend by a whole number of minutes from 1 to 60"]);
    expect(teacher.closedWith).toBeNull();
  });

  it("starts every room on the same tick after the countdown, pauses, extends and ends them, and stores the results", async () => {
    const { code, teacherToken } = await createChallenge(base, { durationMinutes: 5 });
    const teacher = await teacherJoin(ws, code, teacherToken);
    const a = await studentJoin(base, ws, code, "Ada");
    const b = await studentJoin(base, ws, code, "Brian");
    expect(a.seat.roomId).not.toBe(b.seat.roomId);

    teacher.room.send("start", {});
    await until(() => a.listener.last<ClassPhaseMessage>("classPhase")?.phase === "countdown", "the countdown to reach the students");
    expect(a.listener.last<ClassPhaseMessage>("classPhase")!.startsInMs).toBeGreaterThan(0);
    await until(() => a.listener.count("snapshot") > 0 && b.listener.count("snapshot") > 0, "both rooms to start");
    const first = [a, b].map((s) => s.listener.all<SnapshotMessage>("snapshot")[0]);
    expect(first.map((m) => [m.reason, m.tick])).toEqual([["new-game", 0], ["new-game", 0]]);

    await until(() => teacher.count("standings") >= 1, "standings");
    const standings = teacher.last<StandingsMessage>("standings")!;
    expect(standings.standings.map((s) => s.members[0]).sort()).toEqual(["Ada", "Brian"]);
    expect(standings.standings[0]).toHaveProperty("uptimePermyriad");
    expect(standings.standings[0]).toHaveProperty("openFindings");
    // Students see them too (showStandings is on by default).
    await until(() => a.listener.count("standings") >= 1, "the students' standings");

    teacher.room.send("pause", {});
    await until(() => classView(teacher).phase === "paused", "pause");
    const turnsAtPause = a.listener.all<{ ticks: number }>("turn").filter((t) => t.ticks > 0).length;
    const pausedTick = server.getRoomById(a.seat.roomId!).state.tick as number;
    await until(() => a.listener.all<{ ticks: number }>("turn").length > turnsAtPause + 20, "turns while paused");
    expect(server.getRoomById(a.seat.roomId!).state.tick).toBe(pausedTick);
    teacher.room.send("resume", {});
    await until(() => classView(teacher).phase === "running", "resume");

    teacher.room.send("extend", { minutes: 2 });
    await until(() => classView(teacher).endTick === 7 * 600, "the extension");
    await until(() => a.listener.all<SnapshotMessage>("snapshot").some((s) => s.reason === "resync"), "the longer game to reach Ada");

    teacher.room.send("end", {});
    await until(() => teacher.count("results") === 1 && a.listener.count("results") === 1, "the results");
    const results = teacher.last<ResultsMessage>("results")!;
    expect(results.teams.map((t) => t.rank)).toEqual([1, 2]);
    expect(results.teams[0].score).toBeGreaterThanOrEqual(results.teams[1].score);
    expect(classView(teacher).phase).toBe("finished");

    const db = openDatabase(dataDir);
    try {
      expect(findChallenge(db, code)!.status).toBe("finished");
      const stored = listResults(db, code, 1);
      expect(stored.map((r) => [r.members, r.score, r.hash])).toEqual(results.teams.map((t) => [t.members, t.score, t.hash]));
      // The stored replay re-simulates to the stored result: the score is the server's own game.
      const replays = listRoundReplays(db, code, 1);
      expect(replays).toHaveLength(2);
      for (const r of replays) {
        const parsed = parseReplay(JSON.parse(r.body));
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(runReplay(parsed.replay).game.hash()).toBe(r.hash);
      }
    } finally {
      db.close();
    }

    // Run it again: a new round in the lobby, the first round's results kept.
    teacher.room.send("again", { newSeed: false });
    await until(() => classView(teacher).phase === "lobby" && classView(teacher).round === 2, "round 2");
    const db2 = openDatabase(dataDir);
    try {
      expect(listResults(db2, code).filter((r) => r.round === 1)).toHaveLength(2);
    } finally {
      db2.close();
    }
  });

  it("ends the round by itself when the time is up", async () => {
    const { code, teacherToken } = await createChallenge(base, { durationMinutes: 1 });
    const teacher = await teacherJoin(ws, code, teacherToken);
    const a = await studentJoin(base, ws, code, "Cleo");
    teacher.room.send("start", {});
    await until(() => teacher.count("results") === 1, "the end of a one-minute round", 4500);
    expect(teacher.last<ResultsMessage>("results")!.teams[0]).toMatchObject({ members: ["Cleo"], tick: 600, rank: 1 });
    await until(() => a.listener.count("results") === 1, "Cleo's result");
    expect(a.listener.last<ResultsMessage>("results")!.teams[0].members).toEqual(["Cleo"]);
  });

  it("opens a finished challenge's stored results for the teacher link after a restart", async () => {
    // A challenge this server process never ran: as after a restart, only the SQLite file knows it.
    const db = openDatabase(dataDir);
    try {
      const settings = { scenario: "simple-stack" as const, seed: 7, durationMinutes: 20, mode: "individual" as const, teamSize: 1, showStandings: true };
      expect(insertChallenge(db, { code: "QWERTY", teacherTokenHash: hashToken("days-later-token-00000"), settings, createdAt: Date.now() - 3 * 86_400_000 })).toBe(true);
      for (const [team, score] of [[1, 900], [2, 1200]]) {
        saveResult(db, "QWERTY", { round: 1, team, members: [`Student ${team}`], score, hash: "0badc0de", ticks: 12000, uptimePermyriad: 9990, nines: 3, money: 100, incidents: 2, findings: [{ id: "spof-host", title: "Single point of failure" }], timeline: [{ tick: 300, title: "Traffic doubled", severity: "info" }], recordedAt: Date.now() });
      }
      setChallengeStatus(db, "QWERTY", "finished");
    } finally {
      db.close();
    }
    await expect(teacherJoin(ws, "QWERTY", "wrong-token-0000000000")).rejects.toThrow(/does not match/);
    const teacher = await teacherJoin(ws, "QWERTY", "days-later-token-00000");
    await until(() => teacher.count("results") === 1, "the stored results");
    const results = teacher.last<ResultsMessage>("results")!;
    expect(results.teams.map((t) => [t.rank, t.members[0], t.score])).toEqual([[1, "Student 2", 1200], [2, "Student 1", 900]]);
    // The whole debrief comes back: the incident timeline as well as the findings.
    expect(results.teams[0].timeline).toEqual([{ tick: 300, title: "Traffic doubled", severity: "info" }]);
    expect(classView(teacher).phase).toBe("finished");
  });
});

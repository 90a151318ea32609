// Students over real sockets: seats and name rules, generated names, teams, a rejoin with the
// token kept in the browser (same room, seat, name and game), and the teacher's moderation
// (remove, lock, rename) seen live in the teacher's lobby.
import type { ColyseusTestServer } from "@colyseus/testing";
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, SIM_VERSION, type SnapshotMessage } from "../../shared/index.js";
import { bootClassroom, createChallenge, Listener, seat, studentJoin, teacherJoin, until } from "./classroomHarness.js";

const PORT = 3652;
let server: ColyseusTestServer;
let base: string;
let ws: string;

beforeAll(async () => {
  ({ server, base, ws } = await bootClassroom(PORT));
});
afterAll(async () => {
  await server?.shutdown();
});

type View = { phase: string; locked: boolean; students: { id: number; name: string; team: number; connection: string }[] };
const view = (t: Listener) => t.last<View>("class")!;
const join = (roomId: string, options: Record<string, unknown>) => new Client(ws).joinById(roomId, { simVersion: SIM_VERSION, protocol: PROTOCOL_VERSION, ...options });

describe("students in a challenge", () => {
  it("refuses names that break the rules, with the reason, and keeps names unique", async () => {
    const { code } = await createChallenge(base);
    const bad: [unknown, RegExp][] = [
      ["   ", /empty/],
      ["a".repeat(25), /longer than 24/],
      ["Bob\u0007", /control or invisible characters/],
      ["Eve\u202e", /control or invisible characters/],
      [42, /expected string/],
    ];
    for (const [name, reason] of bad) {
      const answer = await seat(base, code, { name });
      expect(answer.status, String(name)).toBe(400);
      expect(answer.body.error).toMatch(reason);
    }
    expect((await seat(base, code, { name: "x", extra: 1 })).body.error).toMatch(/unknown field "extra"/);
    expect((await seat(base, "ZZZZZZ", { name: "Ann" })).status).toBe(404);
    const ok = await seat(base, code, { name: "  <b>Ann</b>   Lee  " });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe("<b>Ann</b> Lee");
    const again = await seat(base, code, { name: "<B>ANN</B> LEE" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already called/);
  });

  it("gives generated names (a colour and an animal) when the challenge asks for privacy, and fills teams", async () => {
    const { code } = await createChallenge(base, { generatedNames: true, mode: "teams", teamSize: 2 });
    const seats = await Promise.all([1, 2, 3].map(() => seat(base, code, { name: "Real Name" })));
    const names = seats.map((s) => s.body.name!);
    for (const n of names) expect(n).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(new Set(names).size).toBe(3);
    expect(seats.map((s) => s.body.team).sort()).toEqual([1, 1, 2]);
    const rooms = seats.map((s) => s.body.roomId);
    expect(new Set(rooms).size).toBe(2);
  });

  it("takes a student back into the same room, seat, name and game with the rejoin token", async () => {
    const { code, teacherToken } = await createChallenge(base, { durationMinutes: 10 });
    const teacher = await teacherJoin(ws, code, teacherToken);
    const ada = await studentJoin(base, ws, code, "Ada");
    teacher.room.send("start", {});
    await until(() => ada.listener.count("snapshot") > 0, "the game to start");
    await until(() => (server.getRoomById(ada.seat.roomId!).state.tick as number) > 50, "some ticks");

    // The page reloads: the socket drops without a goodbye.
    ada.listener.room.connection.close(4999, "reload");
    await until(() => view(teacher).students[0].connection === "reconnecting", "the teacher to see Ada reconnecting");
    const back = await seat(base, code, { rejoinToken: ada.seat.rejoinToken });
    expect(back.body).toMatchObject({ name: "Ada", team: ada.seat.team, roomId: ada.seat.roomId, participantId: ada.seat.participantId });
    const room = await join(back.body.roomId!, { seat: back.body.rejoinToken });
    const again = new Listener(room);
    await until(() => again.count("snapshot") > 0, "the snapshot of the running game");
    expect(again.last<SnapshotMessage>("snapshot")!.tick).toBeGreaterThan(50);
    await until(() => view(teacher).students[0].connection === "connected", "Ada connected again");
    expect(view(teacher).students).toHaveLength(1);
    // A made-up token gets no seat.
    expect((await seat(base, code, { rejoinToken: "made-up-token-000000000" })).status).toBe(404);
    await expect(join(ada.seat.roomId!, { seat: "made-up-token-000000000" })).rejects.toThrow(/not part of the challenge/);
    await expect(join(ada.seat.roomId!, {})).rejects.toThrow(/join a class with its code/);
  });

  it("lets the teacher remove, rename and lock, and shows the teacher a spectator view of a board", async () => {
    const { code, teacherToken } = await createChallenge(base);
    const teacher = await teacherJoin(ws, code, teacherToken);
    const ada = await studentJoin(base, ws, code, "Ada");
    const bo = await studentJoin(base, ws, code, "Bo");
    await until(() => view(teacher)?.students.length === 2, "two students");
    const [adaId, boId] = [ada.seat.participantId!, bo.seat.participantId!];

    teacher.room.send("rename", { participant: boId, name: "Ada" });
    teacher.room.send("rename", { participant: boId, name: "Bo\u0000b" });
    await until(() => teacher.count("rejected") === 2, "refused renames");
    expect(teacher.all<{ reason: string }>("rejected").map((r) => r.reason)).toEqual(["someone in this challenge is already called Ada", "the name contains control or invisible characters"]);
    teacher.room.send("rename", { participant: boId, name: "Bodhi" });
    await until(() => view(teacher).students.some((s) => s.name === "Bodhi"), "the rename");
    const boRoom = server.getRoomById(bo.seat.roomId!);
    await until(() => [...boRoom.state.players.values()].some((p: { name: string }) => p.name === "Bodhi"), "the new name in Bo's room");

    teacher.room.send("remove", { participant: adaId });
    await until(() => ada.listener.closedWith !== null, "Ada sent away");
    expect(ada.listener.last<{ reason: string }>("dismissed")!.reason).toMatch(/removed you/);
    expect(view(teacher).students.map((s) => s.name)).toEqual(["Bodhi"]);
    expect((await seat(base, code, { rejoinToken: ada.seat.rejoinToken })).status).toBe(403);
    await expect(join(ada.seat.roomId!, { seat: ada.seat.rejoinToken })).rejects.toThrow(/removed you/);
    // A removed student's name is free again.
    expect((await seat(base, code, { name: "Ada" })).status).toBe(200);

    teacher.room.send("lock", { locked: true });
    await until(() => view(teacher).locked, "the lock");
    const locked = await seat(base, code, { name: "Late" });
    expect(locked.status).toBe(403);
    expect(locked.body.error).toMatch(/locked/);
    // Students already seated still get back in.
    expect((await seat(base, code, { rejoinToken: bo.seat.rejoinToken })).status).toBe(200);

    // The teacher watches Bodhi's board: a spectator gets the game but is no player and can do nothing.
    teacher.room.send("start", {});
    await until(() => bo.listener.count("snapshot") > 0, "the start");
    const watch = new Listener(await join(bo.seat.roomId!, { teacherToken }));
    await until(() => watch.count("snapshot") > 0 || watch.count("turn") > 0, "the spectator's view");
    expect(boRoom.state.players.size).toBe(1);
    watch.room.send("cmd", { seq: 0, cmd: { type: "buyHost", tier: "small", public: true } });
    watch.room.send("pause", { paused: true });
    await until(() => watch.count("rejected") === 1, "the refusal of the spectator's command");
    expect(watch.last<{ reason: string }>("rejected")!.reason).toMatch(/read-only/);
    await until(() => watch.count("turn") > 30, "more turns");
    expect(boRoom.state.paused).toBe(false);
    expect(server.getRoomById(bo.seat.roomId!).state.players.size).toBe(1);
    await expect(join(bo.seat.roomId!, { teacherToken: "wrong-token-0000000000" })).rejects.toThrow(/does not match/);
  });

  it("starts a student who joins a running class at the class's tick", async () => {
    const { code, teacherToken } = await createChallenge(base, { durationMinutes: 10 });
    const teacher = await teacherJoin(ws, code, teacherToken);
    const early = await studentJoin(base, ws, code, "Early");
    teacher.room.send("start", {});
    await until(() => (server.getRoomById(early.seat.roomId!).state.tick as number) > 200, "the class to be under way");
    const late = await studentJoin(base, ws, code, "Late");
    await until(() => late.listener.count("snapshot") > 0, "the late student's game");
    const lateStart = late.listener.all<SnapshotMessage>("snapshot")[0].tick;
    expect(lateStart).toBeGreaterThan(200);
    expect(Math.abs(lateStart - (server.getRoomById(early.seat.roomId!).state.tick as number))).toBeLessThan(100);
    teacher.room.send("end", {});
    await until(() => teacher.count("results") === 1, "the results");
  });
});

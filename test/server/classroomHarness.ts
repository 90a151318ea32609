// Shared by the classroom room tests: the real server config (API and rooms) on a test's own port
// with SQLite in a temporary folder, team rooms on a fast turn clock, a short countdown, and
// helpers that act as the teacher's page and the students' pages do.
import "../../server/wsEsmShim.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The database opens on first use: point it at a fresh folder before the server boots.
export const dataDir = mkdtempSync(join(tmpdir(), "nines-classroom-"));
process.env.NINES_DATA_DIR = dataDir;
process.env.NINES_QUIET = "1";

import { boot, type ColyseusTestServer } from "@colyseus/testing";
import config from "@colyseus/tools";
import { Client, type Room } from "colyseus.js";
import appConfig from "../../server/app.config.js";
import { ChallengeRun } from "../../server/classroom/challengeRun.js";
import { ClassroomRoom } from "../../server/rooms/ClassroomRoom.js";
import { CoopRoom } from "../../server/rooms/CoopRoom.js";
import { TeamRoom } from "../../server/rooms/TeamRoom.js";
import { CLASSROOM_ROOM, PROTOCOL_VERSION, SIM_VERSION, TEAM_ROOM } from "../../shared/index.js";

/** Team rooms whose turns come every 2 ms, 8 ticks each: a one-minute round lasts well under a second. */
export class FastTeamRoom extends TeamRoom {
  protected override turnMs = 2;
  protected override commandsPerSecond = 50 * 20;
  override begin(scenario: string, seed: number, endTick: number, atTick?: number): void {
    super.begin(scenario, seed, endTick, atTick);
    this.clockOfTurns!.speed = 8;
  }
}

ChallengeRun.countdownMs = 150;

export function classroomConfig() {
  return config({
    ...appConfig,
    initializeGameServer: (gs) => {
      gs.define("coop", CoopRoom);
      gs.define(CLASSROOM_ROOM, ClassroomRoom).filterBy(["code"]);
      gs.define(TEAM_ROOM, FastTeamRoom);
    },
  });
}

export async function bootClassroom(port: number): Promise<{ server: ColyseusTestServer; base: string; ws: string }> {
  const server = await boot(classroomConfig(), port);
  return { server, base: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}` };
}

export async function until(cond: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface Created { code: string; teacherToken: string }

export async function createChallenge(base: string, settings: Record<string, unknown> = {}): Promise<Created> {
  const res = await fetch(`${base}/api/challenges`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ scenario: "simple-stack", durationMinutes: 1, seed: 42, ...settings }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

export interface SeatAnswer { status: number; body: { roomId?: string; rejoinToken?: string; name?: string; team?: number; participantId?: number; error?: string } }

export async function seat(base: string, code: string, body: Record<string, unknown>): Promise<SeatAnswer> {
  const res = await fetch(`${base}/api/challenges/${code}/seat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as SeatAnswer["body"] };
}

/** A page's view of a room: every message by type. */
export class Listener {
  readonly messages = new Map<string, unknown[]>();
  closedWith: number | null = null;
  constructor(readonly room: Room) {
    room.onMessage("*", (type, message) => {
      const list = this.messages.get(String(type)) ?? [];
      list.push(message);
      this.messages.set(String(type), list);
    });
    room.onLeave((code) => (this.closedWith = code));
  }
  all<T>(type: string): T[] {
    return (this.messages.get(type) ?? []) as T[];
  }
  last<T>(type: string): T | undefined {
    return this.all<T>(type).at(-1);
  }
  count(type: string): number {
    return this.all(type).length;
  }
}

export async function teacherJoin(ws: string, code: string, teacherToken: string | undefined): Promise<Listener> {
  const room = await new Client(ws).joinOrCreate(CLASSROOM_ROOM, { code, teacherToken });
  return new Listener(room);
}

/** A student as the page does it: a seat over HTTP, then the team room with it. */
export async function studentJoin(base: string, ws: string, code: string, name: string): Promise<{ listener: Listener; seat: SeatAnswer["body"] }> {
  const answer = await seat(base, code, { name });
  if (answer.status !== 200) throw new Error(`seat refused: ${answer.status} ${answer.body.error}`);
  const room = await new Client(ws).joinById(answer.body.roomId!, { seat: answer.body.rejoinToken, simVersion: SIM_VERSION, protocol: PROTOCOL_VERSION });
  return { listener: new Listener(room), seat: answer.body };
}

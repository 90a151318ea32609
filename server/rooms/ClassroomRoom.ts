// The teacher's control channel for one challenge: only a client holding the teacher token gets in
// (the same check as the HTTP results routes), sees every student's connection live, receives the
// standings once a second and the results at the end, and sends the teacher's actions. Each
// action is answered with `rejected` and a reason when refused; nothing here throws at a client.
import { Room, type Client } from "@colyseus/core";
import { CLASSROOM_ROOM, type ResultsMessage, type StandingsMessage } from "../../shared/index.js";
import { openRun, type ChallengeRun, type ClassListener } from "../classroom/challengeRun.js";
import { normaliseCode } from "../classroom/secrets.js";
import { authorizeTeacher } from "../classroom/teacherAuth.js";
import { serverDatabase } from "../storage/db.js";

/** The teacher's actions, each with its payload read strictly. */
const ACTIONS = ["start", "pause", "resume", "extend", "end", "again", "remove", "lock", "rename"] as const;
type Action = (typeof ACTIONS)[number];
const LOBBY_EVERY_MS = 2000;

export class ClassroomRoom extends Room {
  private run!: ChallengeRun;
  private stopListening: (() => void) | null = null;

  override onCreate(raw: { code?: unknown }): void {
    const code = typeof raw?.code === "string" ? normaliseCode(raw.code) : "";
    const run = openRun(serverDatabase(), code);
    if (!run) throw new Error(`no challenge with code ${code.slice(0, 12)}`);
    this.run = run;
    // One teacher room per challenge: a second teacher tab joins this one.
    this.roomId = `${CLASSROOM_ROOM}-${run.code}`;
    const listener: ClassListener = {
      changed: () => this.broadcast("class", this.classView()),
      standings: (m: StandingsMessage) => this.broadcast("standings", m),
      results: (m: ResultsMessage) => this.broadcast("results", m),
    };
    this.stopListening = run.listen(listener);
    this.onMessage("*", (client, type, message) => this.act(client, String(type), message));
    // A heartbeat of the lobby, so connection changes are never missed by a page.
    this.clock.setInterval(() => this.broadcast("class", this.classView()), LOBBY_EVERY_MS);
  }

  /** The one teacher check, shared with the HTTP API: a student's page can never get in. */
  override onAuth(_client: Client, raw: { code?: unknown; teacherToken?: unknown }): true {
    const token = typeof raw?.teacherToken === "string" ? raw.teacherToken : undefined;
    const auth = authorizeTeacher(serverDatabase(), this.run.code, token);
    if (!auth.ok) throw new Error(auth.error);
    return true;
  }

  override onJoin(client: Client): void {
    client.send("class", this.classView());
    if (this.run.phase === "running" || this.run.phase === "paused") client.send("standings", { round: this.run.round, standings: this.run.standings() });
    if (this.run.lastResults) client.send("results", this.run.lastResults);
  }

  override onDispose(): void {
    this.stopListening?.();
  }

  private act(client: Client, type: string, raw: unknown): void {
    const message = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    let reason: string | void;
    try {
      reason = (ACTIONS as readonly string[]).includes(type) ? this.perform(type as Action, message) : `unknown action "${type.slice(0, 40)}"`;
    } catch (err) {
      console.error(`[classroom ${this.run.code}] "${type}" failed: ${err instanceof Error ? err.stack : String(err)}`);
      reason = "the server could not do that";
    }
    if (reason) client.send("rejected", { type: type.slice(0, 40), reason });
  }

  private perform(action: Action, m: Record<string, unknown>): string | void {
    switch (action) {
      case "start": return this.run.start();
      case "pause": return this.run.pause(true);
      case "resume": return this.run.pause(false);
      case "extend": return this.run.extend(m.minutes);
      case "end": return this.run.end();
      case "again": return this.run.again(m.newSeed);
      case "remove": return this.run.remove(m.participant);
      case "lock": return this.run.lock(m.locked);
      case "rename": return this.run.rename(m.participant, m.name);
    }
  }

  /** Everything the teacher's page shows about the challenge besides standings and results. */
  classView() {
    const status = this.run.status();
    const s = this.run.settings;
    return {
      code: this.run.code,
      phase: status.phase,
      round: status.round,
      locked: status.locked,
      startsInMs: status.startsAt ? Math.max(0, status.startsAt - Date.now()) : 0,
      endTick: status.endTick,
      seed: this.run.seed,
      settings: { scenario: s.scenario, durationMinutes: s.durationMinutes, mode: s.mode, teamSize: s.teamSize, showStandings: s.showStandings, generatedNames: !!s.generatedNames },
      students: status.participants.map((p) => ({ id: p.id, name: p.name, team: p.team, connection: p.connection })),
      teamRooms: this.run.teamRooms(),
    };
  }
}

export type ClassView = ReturnType<ClassroomRoom["classView"]>;

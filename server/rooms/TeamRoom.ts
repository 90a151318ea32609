// A team's room in a classroom challenge: a co-op room (the same lockstep, intake and reconnection)
// that belongs to a challenge. Students are seated by the challenge (a rejoin token from
// POST /api/challenges/:code/seat), the clock belongs to the teacher, and the teacher may watch
// with the teacher token as a spectator who sends nothing.
import { Protocol, type Client } from "@colyseus/core";
import { Game, TEAM_ROOM, type ClientMessageType } from "../../shared/index.js";
import { liveRun, type ChallengeRun, type TeamRoomHandle } from "../classroom/challengeRun.js";
import { challengeOverrides } from "../classroom/settings.js";
import { authorizeTeacher } from "../classroom/teacherAuth.js";
import { TurnClock } from "../lockstep/turnClock.js";
import { serverDatabase } from "../storage/db.js";
import { CoopRoom } from "./CoopRoom.js";

/** The clock and the room's set-up are the teacher's: students' messages for them are refused. */
const TEACHER_ONLY: Partial<Record<ClientMessageType, string>> = {
  start: "in a class the teacher starts the challenge",
  setup: "in a class the teacher chose the scenario",
  playAgain: "in a class the teacher starts the next round",
  pause: "in a class only the teacher pauses",
  speed: "in a class everyone plays at the same speed",
  roles: "roles are not used in a class",
  assignRole: "roles are not used in a class",
  hostOnlyPause: "in a class only the teacher pauses",
};

type Seated = { kind: "student"; participantId: number; name: string } | { kind: "spectator" };

interface TeamJoinOptions {
  seat?: unknown;
  teacherToken?: unknown;
  simVersion?: unknown;
  protocol?: unknown;
}

export class TeamRoom extends CoopRoom implements TeamRoomHandle {
  private run!: ChallengeRun;
  private team = 0;
  private readonly seated = new Map<string, Seated>();
  protected override unseatedReason = "you are watching this board: the teacher's view is read-only";

  override async onCreate(raw: unknown): Promise<void> {
    const options = (raw ?? {}) as { challenge?: unknown; team?: unknown };
    const run = typeof options.challenge === "string" ? liveRun(options.challenge) : undefined;
    if (!run || typeof options.team !== "number") throw new Error(`a ${TEAM_ROOM} room is opened by its challenge`);
    await super.onCreate({});
    // The room lives as long as the challenge: a class that steps away for a minute finds its game.
    this.autoDispose = false;
    this.run = run;
    this.team = options.team;
    this.setMetadata({ challenge: run.code, team: this.team });
    run.attach(this.team, this);
  }

  override onAuth(_client: Client, raw: TeamJoinOptions): Seated {
    if (typeof raw?.teacherToken === "string") {
      const auth = authorizeTeacher(serverDatabase(), this.run.code, raw.teacherToken);
      if (!auth.ok) throw new Error(auth.error);
      return { kind: "spectator" };
    }
    if (typeof raw?.seat !== "string") throw new Error("join a class with its code first (this room needs your seat)");
    const admitted = this.run.admit(raw.seat, this.team);
    if (!admitted.ok) throw new Error(admitted.reason);
    return { kind: "student", participantId: admitted.participant.id, name: admitted.participant.name };
  }

  override onJoin(client: Client, raw: TeamJoinOptions, seated?: Seated): void {
    if (!seated) return;
    this.seated.set(client.sessionId, seated);
    if (seated.kind === "spectator") {
      if (this.clockOfTurns) this.sendGame(client);
    } else {
      super.onJoin(client, { name: seated.name, simVersion: raw.simVersion, protocol: raw.protocol });
      this.run.connection(seated.participantId, "connected");
    }
    client.send("classPhase", this.run.phaseMessage());
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const seated = this.seated.get(client.sessionId);
    if (seated?.kind !== "student") {
      this.seated.delete(client.sessionId);
      return;
    }
    if (!consented) this.run.connection(seated.participantId, "reconnecting");
    await super.onLeave(client, consented);
    if (this.state.players.has(client.sessionId)) {
      this.run.connection(seated.participantId, "connected");
      return;
    }
    this.seated.delete(client.sessionId);
    const stillHere = [...this.seated.values()].some((s) => s.kind === "student" && s.participantId === seated.participantId);
    if (!stillHere) this.run.connection(seated.participantId, "gone");
  }

  override async onDispose(): Promise<void> {
    this.run?.detach(this.team, this);
    await super.onDispose();
  }

  protected override messageRefused(type: ClientMessageType): string | null {
    return TEACHER_ONLY[type] ?? null;
  }

  protected override gameEnded(): void {
    this.run.roomEnded();
  }

  // ---- TeamRoomHandle: what the challenge does to this room ----------------------------------

  get game(): Game | null {
    return this.clockOfTurns?.game ?? null;
  }

  begin(scenario: string, seed: number, endTick: number, atTick = 0): void {
    this.overrides = { ...challengeOverrides(this.run.settings), durationTicks: endTick };
    this.startGame(scenario, seed);
    // A student who joins a running class starts where the class is: the same events at the same second.
    if (atTick > 0) this.clockOfTurns!.game.run(atTick);
    this.state.tick = this.clockOfTurns!.game.tick;
    this.broadcastSnapshot("new-game");
  }

  setPaused(paused: boolean): void {
    if (!this.clockOfTurns || this.state.phase !== "playing") return;
    this.clockOfTurns.paused = paused;
    this.state.paused = paused;
    this.notice(paused ? "paused" : "resumed", "", paused ? "The teacher paused the challenge" : "The teacher resumed the challenge");
  }

  /** A longer round: the game's own length moves (it lives in the state), so a replay still ends where this one does. */
  extendTo(endTick: number): void {
    const clock = this.clockOfTurns;
    if (!clock || clock.game.state.ended) return;
    const state = clock.game.state;
    state.overrides = { ...(state.overrides ?? {}), durationTicks: endTick };
    this.overrides = state.overrides;
    const longer = new TurnClock(Game.restore(clock.game.snapshot()));
    longer.paused = clock.paused;
    this.clockOfTurns = longer;
    this.broadcastSnapshot("resync");
  }

  stop(): void {
    if (this.state.phase === "playing") this.state.phase = "ended";
  }

  reset(): void {
    this.clockOfTurns = null;
    this.state.phase = "lobby";
    this.state.paused = false;
    this.state.tick = 0;
  }

  dismiss(participantId: number, why: string): void {
    for (const [sessionId, s] of this.seated) {
      if (s.kind !== "student" || s.participantId !== participantId) continue;
      const client = this.clients.getById(sessionId);
      client?.send("dismissed", { reason: why });
      client?.leave(Protocol.WS_CLOSE_CONSENTED);
      this.seated.delete(sessionId);
      this.state.players.delete(sessionId);
    }
  }

  renamed(participantId: number, name: string): void {
    for (const [sessionId, s] of this.seated) {
      if (s.kind !== "student" || s.participantId !== participantId) continue;
      s.name = name;
      const player = this.state.players.get(sessionId);
      if (player) player.name = name;
    }
  }

  tell(type: "standings" | "results" | "classPhase", message: unknown): void {
    this.broadcast(type, message);
  }

  private sendGame(client: Client): void {
    const game = this.clockOfTurns!.game;
    client.send("snapshot", { tick: game.tick, snapshot: game.snapshot(), reason: "join" });
  }
}

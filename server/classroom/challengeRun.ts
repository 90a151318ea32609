// One live challenge in this server process: who sits where, the round's clock (countdown, pause,
// extend, end), the standings once a second, and the results written to SQLite at the end. The
// team rooms (co-op rooms that belong to the challenge) and the teacher's room both talk to it;
// it is the one place where a teacher's action becomes a change in every room at once.
import { matchMaker } from "@colyseus/core";
import {
  COUNTDOWN_SECONDS, rankStandings, standingOf, TEAM_ROOM, TICKS_PER_MINUTE,
  type ClassPhase, type ClassPhaseMessage, type Game, type ResultsMessage, type Standing, type StandingsMessage,
} from "../../shared/index.js";
import { findChallenge, listRounds, setChallengeLocked, setChallengeStatus, startNextRound, type Challenge } from "../storage/challenges.js";
import type { Db } from "../storage/db.js";
import {
  addParticipant, findByRejoinToken, findParticipant, listParticipants, removeParticipant, renameParticipant, setConnection, type ConnectionState, type Participant,
} from "../storage/participants.js";
import { saveReplay } from "../storage/replays.js";
import { listResults, saveResult } from "../storage/results.js";
import { debriefOf } from "./debrief.js";
import { checkDisplayName, generatedName } from "./names.js";
import { roundResultOf } from "./roundResult.js";
import { hashToken, newToken, randomSeed } from "./secrets.js";
import type { ChallengeSettings } from "./settings.js";

export const MAX_EXTEND_MINUTES = 60;
const STANDINGS_EVERY_MS = 1000;

/** What a team room does for the challenge (TeamRoom implements it). */
export interface TeamRoomHandle {
  readonly roomId: string;
  readonly game: Game | null;
  /** Starts the round's game; a room opened late catches up to `atTick` so every board shares the clock. */
  begin(scenario: string, seed: number, endTick: number, atTick?: number): void;
  setPaused(paused: boolean): void;
  extendTo(endTick: number): void;
  /** Stops the clock for good this round (the teacher ended it, or the time is up). */
  stop(): void;
  /** Back to waiting for the next round. */
  reset(): void;
  dismiss(participantId: number, why: string): void;
  renamed(participantId: number, name: string): void;
  tell(type: "standings" | "results" | "classPhase", message: unknown): void;
}

export interface Seat {
  rejoinToken: string;
  participantId: number;
  name: string;
  team: number;
  roomId: string;
}

export type SeatAnswer = { ok: true; seat: Seat } | { ok: false; status: 400 | 403 | 404 | 409; reason: string };

export interface ClassListener {
  changed(): void;
  standings(message: StandingsMessage): void;
  results(message: ResultsMessage): void;
}

export interface ClassStatus {
  phase: ClassPhase;
  round: number;
  locked: boolean;
  /** Epoch ms when the countdown reaches zero (0 when not counting down). */
  startsAt: number;
  endTick: number;
  participants: (Participant & { connection: ConnectionState })[];
}

const runs = new Map<string, ChallengeRun>();

/** The live run of a stored challenge, opened on first use; undefined for an unknown code. */
export function openRun(db: Db, code: string): ChallengeRun | undefined {
  const existing = runs.get(code);
  if (existing) return existing;
  const challenge = findChallenge(db, code);
  if (!challenge) return undefined;
  const run = new ChallengeRun(db, challenge);
  runs.set(code, run);
  return run;
}

/** The run a team room belongs to, if it is live in this process. */
export function liveRun(code: string): ChallengeRun | undefined {
  return runs.get(code);
}

export class ChallengeRun {
  /** The countdown's length; room tests shorten it (the protocol is the same). */
  static countdownMs = COUNTDOWN_SECONDS * 1000;
  readonly code: string;
  readonly settings: ChallengeSettings;
  phase: ClassPhase;
  round: number;
  locked: boolean;
  seed: number;
  startsAt = 0;
  endTick: number;
  lastResults: ResultsMessage | null = null;
  private readonly rooms = new Map<number, TeamRoomHandle>();
  private readonly opening = new Map<number, Promise<TeamRoomHandle>>();
  private readonly listeners = new Set<ClassListener>();
  private countdown: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout;

  constructor(private readonly db: Db, challenge: Challenge) {
    this.code = challenge.code;
    this.settings = challenge.settings;
    // A round that was live when the server stopped stays interrupted: its rooms are gone.
    this.phase = challenge.status;
    this.round = challenge.round;
    this.locked = challenge.locked;
    this.seed = listRounds(db, this.code).find((r) => r.round === this.round)?.seed ?? this.settings.seed;
    this.endTick = this.settings.durationMinutes * TICKS_PER_MINUTE;
    if (this.phase === "finished") this.lastResults = storedResults(db, this.code, this.round);
    this.ticker = setInterval(() => this.publishStandings(), STANDINGS_EVERY_MS);
    this.ticker.unref();
  }

  listen(listener: ClassListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): ClassStatus {
    return { phase: this.phase, round: this.round, locked: this.locked, startsAt: this.startsAt, endTick: this.endTick, participants: listParticipants(this.db, this.code) };
  }

  // ---- students -------------------------------------------------------------------------------

  /** A seat for a student: back into their own with a rejoin token, else a new one. */
  async seat(request: { name?: unknown; rejoinToken?: unknown }): Promise<SeatAnswer> {
    if (typeof request.rejoinToken === "string" && request.rejoinToken) {
      const known = findByRejoinToken(this.db, this.code, hashToken(request.rejoinToken));
      if (known?.removed) return { ok: false, status: 403, reason: "the teacher removed you from this challenge" };
      if (known) {
        const room = await this.roomFor(known.team);
        return { ok: true, seat: { rejoinToken: request.rejoinToken, participantId: known.id, name: known.name, team: known.team, roomId: room.roomId } };
      }
      if (request.name === undefined) return { ok: false, status: 404, reason: "this seat is not part of the challenge: join with a name" };
    }
    if (this.locked) return { ok: false, status: 403, reason: "the teacher has locked this challenge: no new students" };
    if (this.phase === "finished" || this.phase === "interrupted") return { ok: false, status: 409, reason: "this challenge is over; ask the teacher to start a new round" };
    const taken = listParticipants(this.db, this.code).map((p) => p.name);
    let name: string;
    if (this.settings.generatedNames) name = generatedName(taken);
    else {
      const check = checkDisplayName(request.name, taken);
      if (!check.ok) return { ok: false, status: /already called/.test(check.reason) ? 409 : 400, reason: check.reason };
      name = check.name;
    }
    const rejoinToken = newToken();
    const added = addParticipant(this.db, { challengeCode: this.code, name, team: this.freeTeam(), rejoinTokenHash: hashToken(rejoinToken) });
    if (!added.ok) return { ok: false, status: 409, reason: `someone in this challenge is already called ${name}` };
    const p = added.participant;
    const room = await this.roomFor(p.team);
    this.changed();
    return { ok: true, seat: { rejoinToken, participantId: p.id, name: p.name, team: p.team, roomId: room.roomId } };
  }

  /** The student a rejoin token seats in `team`'s room, or why not. */
  admit(rejoinToken: string, team: number): { ok: true; participant: Participant } | { ok: false; reason: string } {
    const p = findByRejoinToken(this.db, this.code, hashToken(rejoinToken));
    if (!p) return { ok: false, reason: "this seat is not part of the challenge: join with the code again" };
    if (p.removed) return { ok: false, reason: "the teacher removed you from this challenge" };
    if (p.team !== team) return { ok: false, reason: "this seat belongs to another team's room" };
    return { ok: true, participant: p };
  }

  connection(participantId: number, state: ConnectionState): void {
    const p = findParticipant(this.db, participantId);
    if (!p || p.removed || p.connection === state) return;
    setConnection(this.db, participantId, state);
    this.changed();
  }

  membersOf(team: number): string[] {
    return listParticipants(this.db, this.code).filter((p) => p.team === team).map((p) => p.name);
  }

  /** Individual: a team of one each. Teams: the lowest-numbered team with a free place. */
  private freeTeam(): number {
    const everyone = listParticipants(this.db, this.code, { includeRemoved: true });
    const highest = everyone.reduce((m, p) => Math.max(m, p.team), 0);
    if (this.settings.mode === "individual") return highest + 1;
    const sizes = new Map<number, number>();
    for (const p of everyone) if (!p.removed) sizes.set(p.team, (sizes.get(p.team) ?? 0) + 1);
    for (let t = 1; t <= highest; t++) if ((sizes.get(t) ?? 0) < this.settings.teamSize) return t;
    return highest + 1;
  }

  private roomFor(team: number): Promise<TeamRoomHandle> {
    const open = this.rooms.get(team);
    if (open) return Promise.resolve(open);
    let pending = this.opening.get(team);
    if (!pending) {
      pending = matchMaker.createRoom(TEAM_ROOM, { challenge: this.code, team }).then(() => {
        this.opening.delete(team);
        const room = this.rooms.get(team);
        if (!room) throw new Error(`team room ${team} of ${this.code} did not register`);
        return room;
      });
      this.opening.set(team, pending);
    }
    return pending;
  }

  /** A team room announces itself when created, and catches up with the round. */
  attach(team: number, room: TeamRoomHandle): void {
    const lead = Math.max(0, ...[...this.rooms.values()].map((r) => r.game?.tick ?? 0));
    this.rooms.set(team, room);
    if (this.phase === "running" || this.phase === "paused") {
      room.begin(this.settings.scenario, this.seed, this.endTick, lead);
      if (this.phase === "paused") room.setPaused(true);
    }
  }

  /** Each team's room id, for the teacher's read-only view of a board. */
  teamRooms(): { team: number; roomId: string }[] {
    return [...this.rooms].map(([team, room]) => ({ team, roomId: room.roomId })).sort((a, b) => a.team - b.team);
  }

  detach(team: number, room: TeamRoomHandle): void {
    if (this.rooms.get(team) === room) this.rooms.delete(team);
  }

  // ---- the teacher's actions (the caller has checked the teacher token) -----------------------

  start(): string | void {
    if (this.phase !== "lobby") return `the challenge is ${this.phase}, not waiting in the lobby`;
    this.startsAt = Date.now() + ChallengeRun.countdownMs;
    this.countdown = setTimeout(() => this.go(), ChallengeRun.countdownMs);
    this.setPhase("countdown");
  }

  /** The countdown reached zero: every room starts its game in this one callback, on the same tick. */
  private go(): void {
    this.startsAt = 0;
    for (const room of this.rooms.values()) room.begin(this.settings.scenario, this.seed, this.endTick);
    this.setPhase("running");
  }

  pause(paused: boolean): string | void {
    if (paused && this.phase !== "running") return "only a running challenge can be paused";
    if (!paused && this.phase !== "paused") return "the challenge is not paused";
    for (const room of this.rooms.values()) room.setPaused(paused);
    this.setPhase(paused ? "paused" : "running");
  }

  extend(minutes: unknown): string | void {
    if (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTEND_MINUTES) return `extend by a whole number of minutes from 1 to ${MAX_EXTEND_MINUTES}`;
    if (!["countdown", "running", "paused"].includes(this.phase)) return "only a challenge in play can be extended";
    this.endTick += minutes * TICKS_PER_MINUTE;
    for (const room of this.rooms.values()) room.extendTo(this.endTick);
    this.changed();
  }

  end(): string | void {
    if (!["countdown", "running", "paused"].includes(this.phase)) return "the challenge is not in play";
    this.finish();
  }

  again(newSeed: unknown): string | void {
    if (this.phase !== "finished" && this.phase !== "interrupted") return "a new round starts once this one is over";
    if (typeof newSeed !== "boolean") return "say whether the new round gets a new seed (true or false)";
    this.seed = newSeed ? randomSeed() : this.seed;
    this.round = startNextRound(this.db, this.code, this.seed);
    this.endTick = this.settings.durationMinutes * TICKS_PER_MINUTE;
    this.lastResults = null;
    for (const room of this.rooms.values()) room.reset();
    this.phase = "lobby";
    this.changed();
  }

  remove(participantId: unknown): string | void {
    const p = this.participant(participantId);
    if (typeof p === "string") return p;
    removeParticipant(this.db, p.id);
    this.rooms.get(p.team)?.dismiss(p.id, "The teacher removed you from this challenge.");
    this.changed();
  }

  lock(locked: unknown): string | void {
    if (typeof locked !== "boolean") return "locked must be true or false";
    this.locked = locked;
    setChallengeLocked(this.db, this.code, locked);
    this.changed();
  }

  rename(participantId: unknown, rawName: unknown): string | void {
    const p = this.participant(participantId);
    if (typeof p === "string") return p;
    const others = listParticipants(this.db, this.code).filter((o) => o.id !== p.id).map((o) => o.name);
    const check = checkDisplayName(rawName, others);
    if (!check.ok) return check.reason;
    if (!renameParticipant(this.db, p.id, check.name)) return `someone in this challenge is already called ${check.name}`;
    this.rooms.get(p.team)?.renamed(p.id, check.name);
    this.changed();
  }

  private participant(id: unknown): Participant | string {
    const p = typeof id === "number" && Number.isInteger(id) ? findParticipant(this.db, id) : undefined;
    if (!p || p.challengeCode !== this.code || p.removed) return "there is no such student in this challenge";
    return p;
  }

  // ---- the clock and the results --------------------------------------------------------------

  /** A team room's game reached the end of the round by itself. */
  roomEnded(): void {
    if (this.phase !== "running") return;
    const games = [...this.rooms.values()].map((r) => r.game);
    if (games.every((g) => !g || g.state.ended || g.tick >= this.endTick)) this.finish();
  }

  standings(): Standing[] {
    const list: Standing[] = [];
    for (const [team, room] of this.rooms) if (room.game) list.push(standingOf(team, this.membersOf(team), room.game.state));
    return rankStandings(list);
  }

  private publishStandings(): void {
    if (this.phase !== "running" && this.phase !== "paused") return;
    const message: StandingsMessage = { round: this.round, standings: this.standings() };
    for (const l of this.listeners) l.standings(message);
    if (this.settings.showStandings) for (const room of this.rooms.values()) room.tell("standings", message);
  }

  private finish(): void {
    clearTimeout(this.countdown);
    this.startsAt = 0;
    const now = Date.now();
    const teams = [];
    for (const [team, room] of this.rooms) {
      room.stop();
      const game = room.game;
      if (!game) continue;
      teams.push({ team, game, standing: standingOf(team, this.membersOf(team), game.state) });
    }
    const ranked = rankStandings(teams.map((t) => t.standing));
    const message: ResultsMessage = { round: this.round, teams: [] };
    // Scores come only from these games, which this server ran from the students' commands.
    for (const standing of ranked) {
      const { game } = teams.find((t) => t.team === standing.team)!;
      const debrief = debriefOf(standing, message.teams.length + 1, game.hash(), game.state);
      message.teams.push(debrief);
      saveResult(this.db, this.code, roundResultOf(game, { round: this.round, team: standing.team, members: standing.members }, now));
      saveReplay(this.db, {
        challengeCode: this.code, round: this.round, team: standing.team, scenario: game.state.scenario, seed: game.state.seed,
        ticks: game.tick, hash: debrief.hash, score: standing.score, body: JSON.stringify(game.toReplay()),
      });
    }
    this.lastResults = message;
    this.setPhase("finished");
    for (const l of this.listeners) l.results(message);
    for (const room of this.rooms.values()) room.tell("results", message);
  }

  private setPhase(phase: ClassPhase): void {
    this.phase = phase;
    setChallengeStatus(this.db, this.code, phase);
    this.changed();
  }

  /** What a student's page needs to show the timer and the state of the round. */
  phaseMessage(): ClassPhaseMessage {
    return { phase: this.phase, startsInMs: this.startsAt ? Math.max(0, this.startsAt - Date.now()) : 0, endTick: this.endTick, round: this.round, showStandings: this.settings.showStandings, teams: this.settings.mode === "teams" };
  }

  private changed(): void {
    const message = this.phaseMessage();
    for (const room of this.rooms.values()) room.tell("classPhase", message);
    for (const l of this.listeners) l.changed();
  }
}

/**
 * A finished round as stored, for a teacher link opened after a restart: the scores, figures,
 * incident timeline and open findings of each team.
 */
function storedResults(db: Db, code: string, round: number): ResultsMessage | null {
  const rows = listResults(db, code, round);
  if (rows.length === 0) return null;
  return {
    round,
    teams: rows.map((r, i) => ({
      team: r.team, members: r.members, tick: r.ticks, uptimePermyriad: r.uptimePermyriad, nines: r.nines, money: r.money,
      incidents: r.incidents, openFindings: r.findings.length, score: r.score, ended: true, rank: i + 1, hash: r.hash,
      timeline: r.timeline, findings: r.findings.map((f) => ({ ...f, detail: "" })),
    })),
  };
}

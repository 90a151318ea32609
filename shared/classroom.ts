// The classroom's words between server and pages: the round's phase, a team's standing, the end of
// a round with each team's debrief. Pure data and pure functions, shared by the rooms, the teacher
// page and the student's page so all three agree on them.
import { auditFindings } from "./audit/index.js";
import type { GameState } from "./model/types.js";
import { nines, score, uptimePermyriad } from "./sim/metrics.js";

export const CLASSROOM_ROOM = "classroom";
export const TEAM_ROOM = "team";
/** Seconds between the teacher's Start and the first tick, the same for every room. */
export const COUNTDOWN_SECONDS = 5;

export type ClassPhase = "lobby" | "countdown" | "running" | "paused" | "finished" | "interrupted";

/** The round as a student's page shows it (sent on join and whenever it changes). */
export interface ClassPhaseMessage {
  phase: ClassPhase;
  round: number;
  /** Milliseconds until the countdown reaches zero, when sent (0 when not counting down): no clocks need to agree. */
  startsInMs: number;
  /** The tick at which the round ends. */
  endTick: number;
  showStandings: boolean;
  /** Teams (show the team number) or each student alone. */
  teams: boolean;
}

/** One team's live figures, from the game the server runs. */
export interface Standing {
  team: number;
  members: string[];
  tick: number;
  uptimePermyriad: number;
  nines: number;
  /** Cents. */
  money: number;
  incidents: number;
  openFindings: number;
  score: number;
  ended: boolean;
}

export interface StandingsMessage {
  round: number;
  /** Best first. */
  standings: Standing[];
}

/** What a team's debrief shows once the round is over. */
export interface TeamDebrief extends Standing {
  rank: number;
  hash: string;
  timeline: { tick: number; title: string; severity: string }[];
  findings: { id: string; title: string; detail: string }[];
}

export interface ResultsMessage {
  round: number;
  /** Best first; rank 1 is the winner. */
  teams: TeamDebrief[];
}

export function standingOf(team: number, members: string[], state: GameState): Standing {
  return {
    team,
    members,
    tick: state.tick,
    uptimePermyriad: uptimePermyriad(state),
    nines: nines(state),
    money: state.money,
    incidents: state.incidents.length,
    openFindings: auditFindings(state).length,
    score: score(state),
    ended: state.ended !== null,
  };
}

/** Best score first; ties go to the lower team number so every page shows the same order. */
export function rankStandings<T extends Standing>(list: T[]): T[] {
  return [...list].sort((a, b) => b.score - a.score || a.team - b.team);
}

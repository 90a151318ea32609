// The classroom's words between server and pages: a team's standing, the end of a round, and the
// rules a display name must follow. Pure data and pure functions, shared by the room, the teacher
// page and the student's page so all three agree on them.
import { audit } from "./audit.js";
import { incidentText } from "./content/words.js";
import type { GameState } from "./model/types.js";
import { nines, score, slaPermyriad } from "./sim/metrics.js";

export const CLASSROOM_ROOM = "classroom";
export const TEAM_ROOM = "team";
export const DISPLAY_NAME_MAX = 24;
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
    uptimePermyriad: slaPermyriad(state),
    nines: nines(state),
    money: state.money,
    incidents: state.incidents.length,
    openFindings: audit(state).filter((f) => !f.ok).length,
    score: score(state),
    ended: state.ended !== null,
  };
}

export function debriefOf(standing: Standing, rank: number, hash: string, state: GameState): TeamDebrief {
  return {
    ...standing,
    rank,
    hash,
    timeline: state.incidents.map((i) => ({ tick: i.tick, title: incidentText(i).title, severity: i.severity })),
    findings: audit(state).filter((f) => !f.ok).map((f) => ({ id: f.id, title: f.title, detail: f.detail })),
  };
}

/** Best score first; ties go to the lower team number so every page shows the same order. */
export function rankStandings<T extends Standing>(list: T[]): T[] {
  return [...list].sort((a, b) => b.score - a.score || a.team - b.team);
}

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

/**
 * A display name as a student typed it: trimmed, inner spaces collapsed, no control or invisible
 * formatting characters, 1 to 24 characters. It is always shown as text, never as markup.
 */
export function checkDisplayName(raw: unknown): NameCheck {
  if (typeof raw !== "string") return { ok: false, reason: "the name must be text" };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/.test(raw)) return { ok: false, reason: "the name may not contain control characters" };
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length === 0) return { ok: false, reason: "the name is empty" };
  if ([...name].length > DISPLAY_NAME_MAX) return { ok: false, reason: `the name is longer than ${DISPLAY_NAME_MAX} characters` };
  return { ok: true, name };
}

const COLOURS = ["Red", "Orange", "Yellow", "Green", "Teal", "Blue", "Indigo", "Violet", "Pink", "Brown", "Grey", "Gold", "Silver", "Coral", "Lime", "Amber"];
const ANIMALS = ["Otter", "Fox", "Owl", "Panda", "Koala", "Lynx", "Heron", "Badger", "Beaver", "Falcon", "Gecko", "Hare", "Ibex", "Jaguar", "Lemur", "Moose", "Newt", "Orca", "Puffin", "Quail", "Raven", "Seal", "Tapir", "Walrus", "Yak", "Zebra"];

/**
 * A name for schools that forbid real names: a colour and an animal, the first free one from
 * `pick` (a number the caller draws), with a number added once all pairs are taken.
 */
export function generatedName(pick: number, taken: ReadonlySet<string>): string {
  const pairs = COLOURS.length * ANIMALS.length;
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  for (let round = 0; ; round++) {
    for (let i = 0; i < pairs; i++) {
      const n = (pick + i) % pairs;
      const name = `${COLOURS[n % COLOURS.length]} ${ANIMALS[Math.floor(n / COLOURS.length)]}${round ? ` ${round + 1}` : ""}`;
      if (!lower.has(name.toLowerCase())) return name;
    }
  }
}

// A team's debrief at the end of a round, read off the game the server ran: its incident timeline
// in words and what the architecture audit still finds. The words live here, outside shared/'s
// simulation modules, so rewriting a sentence can never change a hash.
import { audit, incidentText, type GameState, type Standing, type TeamDebrief } from "../../shared/index.js";

export function debriefOf(standing: Standing, rank: number, hash: string, state: GameState): TeamDebrief {
  return {
    ...standing,
    rank,
    hash,
    timeline: state.incidents.map((i) => ({ tick: i.tick, title: incidentText(i).title, severity: i.severity })),
    findings: audit(state).filter((f) => !f.ok).map((f) => ({ id: f.id, title: f.title, detail: f.detail })),
  };
}

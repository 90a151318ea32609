// A team's result, read off the game the server itself ran (or re-simulated from a verified
// replay): the only place a classroom score comes from.
import { audit, incidentText, nines, score, uptimePermyriad, type Game } from "../../shared/index.js";
import type { RoundResult } from "../storage/results.js";

export function roundResultOf(game: Game, who: { round: number; team: number; members: string[] }, recordedAt = Date.now()): RoundResult {
  const s = game.state;
  return {
    round: who.round,
    team: who.team,
    members: [...who.members],
    score: score(s),
    hash: game.hash(),
    ticks: s.tick,
    uptimePermyriad: uptimePermyriad(s),
    nines: nines(s),
    money: s.money,
    incidents: s.incidents.length,
    findings: audit(s).filter((f) => !f.ok).map((f) => ({ id: f.id, title: f.title })),
    timeline: s.incidents.map((i) => ({ tick: i.tick, title: incidentText(i).title, severity: i.severity })),
    recordedAt,
  };
}

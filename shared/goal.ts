// How the player stands against the chapter's goal, for the HUD and the end screen.
import { audit, requiredCheck } from "./audit/index.js";
import type { Scenario } from "./content/scenario.js";
import type { GameState } from "./model/types.js";
import { slaPermyriad } from "./sim/metrics.js";

export interface GoalProgress {
  text: string;
  /** Share served so far and the share required, in 1/10000. */
  slaPermyriad: number;
  minSlaPermyriad: number;
  slaOk: boolean;
  /** The architecture checks the goal requires, each with its current verdict. */
  checks: { id: string; title: string; ok: boolean; detail: string }[];
  /** Ticks until the chapter ends (-1 in endless mode). */
  ticksLeft: number;
  /** Permille of the chapter's time elapsed (0 in endless mode). */
  timePermille: number;
}

export function goalProgress(state: GameState, scenario: Scenario): GoalProgress {
  const findings = audit(state, scenario);
  const sla = slaPermyriad(state);
  const duration = scenario.durationTicks;
  return {
    text: scenario.goal.text,
    slaPermyriad: sla,
    minSlaPermyriad: scenario.goal.minSlaPermyriad,
    slaOk: sla >= scenario.goal.minSlaPermyriad,
    checks: scenario.goal.requires.map((id) => {
      const f = requiredCheck(findings, id);
      return { id, title: f.title, ok: f.ok, detail: f.detail };
    }),
    ticksLeft: duration > 0 ? Math.max(0, duration - state.tick) : -1,
    timePermille: duration > 0 ? Math.min(1000, Math.floor((state.tick * 1000) / duration)) : 0,
  };
}

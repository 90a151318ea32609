// What a teacher chooses for a challenge, parsed once (strictly: an unknown field is an error)
// and turned into the game's overrides, so every team plays exactly the challenge's scenario.
import { z } from "zod";
import {
  MAX_BUDGET_CENTS, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, SCENARIO_IDS, SERVICE_ORDER, TICKS_PER_MINUTE,
  type ScenarioId, type ScenarioOverrides, type ServiceKind,
} from "../../shared/index.js";

export const MAX_TEAM_SIZE = 8;

const SCENARIOS = SCENARIO_IDS as readonly [ScenarioId, ...ScenarioId[]];
const SERVICE_KINDS = SERVICE_ORDER as readonly [ServiceKind, ...ServiceKind[]];

export const ChallengeInputSchema = z.strictObject({
  scenario: z.enum(SCENARIOS, { error: `unknown scenario (choose one of: ${SCENARIO_IDS.join(", ")})` }),
  durationMinutes: z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  mode: z.enum(["individual", "teams"]).optional(),
  teamSize: z.number().int().min(1).max(MAX_TEAM_SIZE).optional(),
  /** Starting money in cents. */
  budget: z.number().int().min(0).max(MAX_BUDGET_CENTS).optional(),
  allowedComponents: z.array(z.enum(SERVICE_KINDS)).min(1).max(SERVICE_KINDS.length).optional(),
  showStandings: z.boolean().optional(),
  /** Privacy: students get a generated name (a colour and an animal) instead of typing one. */
  generatedNames: z.boolean().optional(),
}).refine((c) => c.teamSize === undefined || c.mode === "teams", { message: 'a team size needs mode "teams"', path: ["teamSize"] });

export type ChallengeInput = z.infer<typeof ChallengeInputSchema>;

/** The settings as stored: every choice made explicit (defaults filled in, the seed drawn). */
export interface ChallengeSettings {
  scenario: ScenarioId;
  seed: number;
  durationMinutes: number;
  mode: "individual" | "teams";
  teamSize: number;
  budget?: number;
  allowedComponents?: ServiceKind[];
  showStandings: boolean;
  generatedNames?: boolean;
}

export function settingsFrom(input: ChallengeInput, randomSeed: () => number): ChallengeSettings {
  const mode = input.mode ?? "individual";
  const settings: ChallengeSettings = {
    scenario: input.scenario,
    seed: input.seed ?? randomSeed(),
    durationMinutes: input.durationMinutes,
    mode,
    teamSize: mode === "individual" ? 1 : (input.teamSize ?? 2),
    showStandings: input.showStandings ?? true,
  };
  if (input.generatedNames) settings.generatedNames = true;
  if (input.budget !== undefined) settings.budget = input.budget;
  if (input.allowedComponents) settings.allowedComponents = SERVICE_ORDER.filter((k) => input.allowedComponents!.includes(k));
  return settings;
}

/** The game overrides a challenge's rooms and its verifier use: the same for every team. */
export function challengeOverrides(settings: ChallengeSettings): ScenarioOverrides {
  const overrides: ScenarioOverrides = { durationTicks: settings.durationMinutes * TICKS_PER_MINUTE };
  if (settings.budget !== undefined) overrides.budget = settings.budget;
  if (settings.allowedComponents) overrides.allowedComponents = [...settings.allowedComponents];
  return overrides;
}

// A challenge's settings as part of the game: a teacher may change a scenario's starting money,
// its length and the components students may install. The game keeps the overrides in its state,
// so a snapshot or a replay of a challenge run rebuilds exactly the scenario it was played on.
import { z } from "zod";
import type { ServiceKind } from "../model/types.js";
import { SERVICE_ORDER, TICKS_PER_MINUTE } from "./catalog.js";
import type { Scenario } from "./scenario.js";

export const MIN_DURATION_MINUTES = 1;
export const MAX_DURATION_MINUTES = 180;
/** Starting money, in cents: up to $10,000,000. */
export const MAX_BUDGET_CENTS = 1_000_000_000;

const SERVICE_KINDS = SERVICE_ORDER as readonly [ServiceKind, ...ServiceKind[]];

/** Overrides as written by a teacher or a tool: the length in ticks or in minutes, not both. */
export const OverridesInputSchema = z
  .strictObject({
    budget: z.number().int().min(0).max(MAX_BUDGET_CENTS).optional(),
    durationTicks: z.number().int().min(MIN_DURATION_MINUTES * TICKS_PER_MINUTE).max(MAX_DURATION_MINUTES * TICKS_PER_MINUTE).optional(),
    durationMinutes: z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES).optional(),
    allowedComponents: z.array(z.enum(SERVICE_KINDS)).min(1).max(SERVICE_KINDS.length).optional(),
  })
  .refine((o) => o.durationTicks === undefined || o.durationMinutes === undefined, {
    message: "give the length as durationTicks or durationMinutes, not both",
    path: ["durationMinutes"],
  });

export type OverridesInput = z.infer<typeof OverridesInputSchema>;

/** The canonical form kept in the game state: the length in ticks, components in catalogue order. */
export interface ScenarioOverrides {
  budget?: number;
  durationTicks?: number;
  allowedComponents?: ServiceKind[];
}

export type ParsedOverrides = { ok: true; overrides: ScenarioOverrides } | { ok: false; reason: string };

export function parseOverrides(input: unknown): ParsedOverrides {
  const parsed = OverridesInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid overrides: ${issue.path.join(".") || "overrides"}: ${issue.message}` };
  }
  const o = parsed.data;
  const overrides: ScenarioOverrides = {};
  if (o.budget !== undefined) overrides.budget = o.budget;
  if (o.durationMinutes !== undefined) overrides.durationTicks = o.durationMinutes * TICKS_PER_MINUTE;
  if (o.durationTicks !== undefined) overrides.durationTicks = o.durationTicks;
  if (o.allowedComponents) overrides.allowedComponents = SERVICE_ORDER.filter((k) => o.allowedComponents!.includes(k));
  return { ok: true, overrides };
}

/** The scenario a challenge is played on: the same chapter with the teacher's money, length and components. */
export function applyOverrides(scenario: Scenario, overrides: ScenarioOverrides | undefined): Scenario {
  if (!overrides) return scenario;
  return {
    ...scenario,
    money: overrides.budget ?? scenario.money,
    durationTicks: overrides.durationTicks ?? scenario.durationTicks,
    allowed: overrides.allowedComponents ? { ...scenario.allowed, services: [...overrides.allowedComponents] } : scenario.allowed,
  };
}

/** True when there is nothing to override (such a game is the plain scenario, with no overrides kept). */
export function isEmptyOverrides(overrides: ScenarioOverrides): boolean {
  return overrides.budget === undefined && overrides.durationTicks === undefined && overrides.allowedComponents === undefined;
}

import type { Scenario, ScenarioId } from "../scenario.js";
import { simpleStack } from "./simple-stack.js";
import { distributed } from "./distributed.js";
import { secured } from "./secured.js";
import { scaleUp } from "./scale-up.js";
import { endless } from "./endless.js";

export const SCENARIOS: readonly Scenario[] = [simpleStack, distributed, secured, scaleUp, endless];
export const SCENARIO_IDS: readonly ScenarioId[] = SCENARIOS.map((s) => s.id);

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

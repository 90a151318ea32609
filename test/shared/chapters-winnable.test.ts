// Every chapter can be won by the scripted player (test/fixtures/plays.ts) on other seeds than the
// golden 42. All 30 seeds (30/30 in each chapter when this was written) take minutes, so this
// samples two per chapter, each its own test;
// for chapter 4 they are seeds its old design lost (the small standby load balancer overloaded).
import { describe, expect, it } from "vitest";
import { findScenario, SCENARIO_IDS } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";

const SEEDS: Record<string, number[]> = { "simple-stack": [2, 3], distributed: [2, 3], secured: [2, 3], "scale-up": [2, 4] };

describe("chapters are winnable on other seeds", () => {
  for (const id of SCENARIO_IDS) {
    const scenario = findScenario(id)!;
    if (scenario.durationTicks <= 0) continue;
    for (const seed of SEEDS[id] ?? [1]) {
      it(`${id}, seed ${seed}: the scripted player wins`, () => {
        const { game } = play(id, seed, scenario.durationTicks + 10);
        expect(game.state.ended?.outcome).toBe("won");
      });
    }
  }
});

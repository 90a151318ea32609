// One source of truth: the client reads the game's rules from shared/ instead of keeping copies.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

describe("the client keeps no copy of shared's read model", () => {
  it("has no sight.ts: what the board may show of failures comes from shared/view.ts", () => {
    expect(existsSync(join(ROOT, "client", "logic", "sight.ts"))).toBe(false);
    for (const f of ["client/ui/failingNow.ts", "client/logic/trafficLanes.ts"]) {
      expect(readFileSync(join(ROOT, f), "utf8")).toMatch(/failuresHidden[^\n]*from "\.\.\/\.\.\/shared\/index\.js"/);
    }
  });
});

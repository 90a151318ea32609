// The examples bundled into the client ("Load game" → Examples) restore to the curriculum designs.
import { describe, expect, it } from "vitest";
import { EXAMPLE_SAVES } from "../../client/logic/examples.js";
import { restoreText } from "../../client/logic/saveSlots.js";

describe("bundled examples", () => {
  it("each restores to a game of its chapter, with its servers", () => {
    expect(EXAMPLE_SAVES.map((e) => e.id)).toEqual(["simple-stack", "distributed", "secured", "scale-up"]);
    for (const ex of EXAMPLE_SAVES) {
      const r = restoreText(ex.text);
      if (!r.ok) throw new Error(`${ex.id}: ${r.reason}`);
      expect(r.game.state.scenario).toBe(ex.id);
      expect(r.game.state.hosts.length).toBeGreaterThan(0);
      expect(r.game.state.dns.www).not.toBeNull();
    }
  });
});

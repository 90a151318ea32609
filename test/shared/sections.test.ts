// Per-section hashes: a desync report names the part of the state that differs.
import { describe, expect, it } from "vitest";
import { diffSections, Game, sectionHashes, STATE_SECTIONS } from "../../shared/index.js";

function pair() {
  const a = Game.create("distributed", 42);
  a.run(300);
  const b = Game.restore(a.snapshot());
  return { a, b };
}

describe("section hashes", () => {
  it("every state field belongs to a named section (nothing falls into 'other')", () => {
    const { a } = pair();
    const named = new Set(Object.values(STATE_SECTIONS).flat() as string[]);
    for (const key of Object.keys(a.state)) expect(named.has(key), key).toBe(true);
    expect(Object.keys(sectionHashes(a.state))).not.toContain("other");
  });

  it("equal states have equal sections", () => {
    const { a, b } = pair();
    expect(diffSections(sectionHashes(a.state), sectionHashes(b.state))).toEqual([]);
  });

  it("one corrupted host field is named as 'hosts' and nothing else", () => {
    const { a, b } = pair();
    b.state.hosts[0].backlog += 1;
    expect(diffSections(sectionHashes(a.state), sectionHashes(b.state))).toEqual(["hosts"]);
    expect(b.hash()).not.toBe(a.hash());
  });

  it("money, the random generator and incidents each name their own section", () => {
    const { a, b } = pair();
    b.state.money -= 1;
    b.state.rng ^= 1;
    expect(diffSections(sectionHashes(a.state), sectionHashes(b.state))).toEqual(["economy", "rng"]);
  });

  it("a section present on one side only counts as different", () => {
    expect(diffSections({ hosts: "1", rng: "2" }, { hosts: "1" })).toEqual(["rng"]);
  });
});

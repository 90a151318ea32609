// Display names: what the projector will show, and the generated names for privacy.
import { describe, expect, it } from "vitest";
import { checkDisplayName, generatedName, MAX_NAME_LENGTH } from "../../server/classroom/names.js";

describe("display names", () => {
  it("are trimmed, spaces collapsed, and kept as typed otherwise", () => {
    expect(checkDisplayName("  Ada   Lovelace ")).toEqual({ ok: true, name: "Ada Lovelace" });
    expect(checkDisplayName("<b>Bob</b>")).toEqual({ ok: true, name: "<b>Bob</b>" }); // shown as text, never as HTML
    expect(checkDisplayName("Zoë 🦊")).toEqual({ ok: true, name: "Zoë 🦊" });
  });

  it("are refused when empty, too long, not text, or hiding characters", () => {
    expect(checkDisplayName("   ")).toMatchObject({ ok: false, reason: "the name is empty" });
    expect(checkDisplayName("x".repeat(MAX_NAME_LENGTH + 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/longer than 24/) });
    expect(checkDisplayName("🦊".repeat(MAX_NAME_LENGTH))).toMatchObject({ ok: true });
    expect(checkDisplayName(42)).toMatchObject({ ok: false, reason: "the name must be text" });
    for (const sneaky of ["Ann\u0000", "Ann\nBob", "Ann\u200bBob", "evil\u202Egnp.exe", "tab\there"]) {
      expect(checkDisplayName(sneaky), JSON.stringify(sneaky)).toMatchObject({ ok: false, reason: expect.stringMatching(/control or invisible/) });
    }
  });

  it("are unique within a challenge whatever their case", () => {
    expect(checkDisplayName("ada", ["Ada", "Bob"])).toMatchObject({ ok: false, reason: expect.stringMatching(/already called ada/) });
    expect(checkDisplayName("Ada B", ["Ada", "Bob"])).toMatchObject({ ok: true });
  });

  it("can be generated: a colour and an animal nobody has", () => {
    expect(generatedName([], () => 0)).toBe("Amber Badger");
    expect(generatedName(["amber badger"], () => 0)).toBe("Amber Beaver");
    const taken: string[] = [];
    for (let i = 0; i < 600; i++) taken.push(generatedName(taken));
    expect(new Set(taken.map((n) => n.toLowerCase())).size).toBe(600);
    expect(taken.every((n) => checkDisplayName(n).ok)).toBe(true);
  });
});

// The state holds codes and numbers; the words live in content/words.ts. Rewriting a sentence must
// not change a hash, a replay or a save.
import { describe, expect, it } from "vitest";
import { endText, Game, incidentText, noteText, type IncidentKind } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";

const PROSE_KEYS = ["title", "cause", "prevention", "reason", "text"];

function proseKeysIn(value: unknown, path = "state", out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => proseKeysIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (PROSE_KEYS.includes(k)) out.push(`${path}.${k}`);
      proseKeysIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** Every string in the state, to check no sentence hides there. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => strings(v, out));
  return out;
}

describe("words live outside the state", () => {
  it("a played run's state holds no prose: no title/cause/prevention/reason fields, no sentences", () => {
    const { game } = play("secured", 42, 7200);
    expect(game.state.incidents.length).toBeGreaterThan(3);
    expect(game.state.ended).not.toBeNull();
    expect(proseKeysIn(game.state)).toEqual([]);
    // Host names, addresses and codes only: nothing with a space in it.
    expect(strings(game.state).filter((s) => /\s/.test(s))).toEqual([]);
  });

  it("every incident of the run has words, and the host's name appears where it matters", () => {
    const { game } = play("distributed", 42, 9000);
    for (const i of game.state.incidents) {
      const t = incidentText(i);
      expect(t.title.length, i.kind).toBeGreaterThan(5);
      expect(t.cause.length).toBeGreaterThan(5);
      expect(t.prevention.length).toBeGreaterThan(5);
      if (i.params.host && i.kind !== "ddos") expect(t.title).toContain(i.params.host);
    }
  });

  it("every incident kind, note code and ending can be put into words", () => {
    const kinds: IncidentKind[] = ["host-failure", "process-crash", "disk-full", "primary-crash", "deploy", "cert-expired", "cert-expiring", "ddos", "ssh-bruteforce", "port-scan", "db-exposed", "eavesdrop", "breach", "overload", "flash-crowd", "lost-writes", "failover", "traffic-growth", "sniffing"];
    for (const kind of kinds) expect(incidentText({ kind, params: { host: "web-01" } }).title).toBeTruthy();
    expect(noteText({ code: "deploying", version: 3 })).toBe("deploying v3");
    expect(noteText({ code: "resizing", tier: "large" })).toBe("resizing to large");
    expect(noteText(null)).toBe("");
    const scenario = Game.create("simple-stack", 1).scenario;
    expect(endText({ tick: 1, outcome: "lost", why: "sla", slaPermyriad: 9512 }, scenario)).toMatch(/95\.12 %/);
    expect(endText({ tick: 1, outcome: "lost", why: "audit", failing: ["spof"] }, scenario, [{ id: "spof", title: "No single point of failure" }])).toMatch(/No single point of failure/);
  });

  it("no simulation module imports the words, so rewriting a sentence cannot change a hash", async () => {
    const { readFileSync, readdirSync, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts") && /content\/words\.js|\.\/words\.js/.test(readFileSync(p, "utf8"))) importers.push(p);
      }
    };
    walk("shared");
    // The exporters write documents for people (the write-up, the whiteboard); nothing simulated reads them.
    expect(importers.filter((p) => !p.startsWith("shared/export/")).sort()).toEqual(["shared/index.ts"]);
  });
});

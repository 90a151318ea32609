// The state hash split by section, so a desync report can say *where* two games drifted apart
// ("hosts differ") instead of only *that* they did. Every state field belongs to exactly one
// section; a field added later and not yet sorted in lands in "other", so it is still compared.
import { hashHex } from "./hash.js";
import type { GameState } from "./model/types.js";

export const STATE_SECTIONS = {
  meta: ["simVersion", "scenario", "seed", "tick", "nextId", "topologyVersion", "launchedAt", "codeVersion", "ended"],
  hosts: ["hosts"],
  links: ["links"],
  pairs: ["pairs"],
  dns: ["dns"],
  economy: ["money", "reputation", "growthPermille", "demandCarry", "revenueCarry", "staleCarry", "totals", "second"],
  incidents: ["incidents", "knownOpenPorts", "users"],
  rng: ["rng"],
  replication: ["replication", "readSplit", "semisync", "unreplicatedWrites"],
  schedule: ["schedule", "effects"],
  undo: ["lastBuilds"],
} as const satisfies Record<string, readonly (keyof GameState)[]>;

export type SectionName = keyof typeof STATE_SECTIONS | "other";

const SECTION_OF = new Map<string, SectionName>();
for (const [section, keys] of Object.entries(STATE_SECTIONS)) for (const k of keys) SECTION_OF.set(k, section as SectionName);

/** One hash per section of the state, keyed by section name ("hosts", "economy", "rng", …). */
export function sectionHashes(state: GameState): Record<string, string> {
  const parts: Record<string, Record<string, unknown>> = {};
  for (const section of Object.keys(STATE_SECTIONS)) parts[section] = {};
  for (const key in state) {
    const section = SECTION_OF.get(key) ?? "other";
    (parts[section] ??= {})[key] = (state as unknown as Record<string, unknown>)[key];
  }
  const out: Record<string, string> = {};
  for (const section of Object.keys(parts).sort()) out[section] = hashHex(parts[section]);
  return out;
}

/** The names of the sections whose hashes differ (a section missing on one side differs), sorted. */
export function diffSections(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n] !== b[n]).sort();
}

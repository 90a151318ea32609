// Adapter until shared/ grows its own per-section state hash (issue 7 §1, branch `seams`): the
// state hashed in named sections, so a desync report can say *what* differs. The lead swaps this
// file's body for shared's `sectionHashes`/`diffSections` when that lands; the client must use the
// same function as the server, or every section will look different.
import { hashHex, type GameState } from "../../shared/index.js";

/** Which top-level state keys make up each section; keys not listed fall into "other". */
const SECTIONS: Record<string, readonly (keyof GameState)[]> = {
  hosts: ["hosts"],
  links: ["links", "pairs", "topologyVersion"],
  dns: ["dns"],
  economy: ["money", "reputation", "growthPermille", "demandCarry", "revenueCarry", "totals", "second"],
  incidents: ["incidents", "effects", "schedule", "knownOpenPorts"],
  rng: ["rng", "nextId"],
  replication: ["replication", "unreplicatedWrites"],
  build: ["lastBuild", "codeVersion"],
};

const LISTED = new Set<string>(Object.values(SECTIONS).flat());

export function sectionHashes(state: GameState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, keys] of Object.entries(SECTIONS)) {
    const part: Record<string, unknown> = {};
    for (const k of keys) part[k] = state[k];
    out[name] = hashHex(part);
  }
  const other: Record<string, unknown> = {};
  for (const k of Object.keys(state)) if (!LISTED.has(k)) other[k] = (state as unknown as Record<string, unknown>)[k];
  out.other = hashHex(other);
  return out;
}

/** Names of the sections whose hashes differ (or that one side lacks), in a stable order. */
export function diffSections(ours: Record<string, string>, theirs: Record<string, string>): string[] {
  const names = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  return [...names].filter((n) => ours[n] !== theirs[n]).sort();
}

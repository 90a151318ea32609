// The database inspector's replication lines, in words: a replica's link, lag and stale reads, and
// the primary's semi-sync state. Pure, so it is tested without a browser.
import { replicaStatus, semisyncNow, type GameState, type Host, type ReadSplit } from "../../shared/index.js";
import { duration } from "./format.js";

export const READ_SPLIT_LABELS: Record<ReadSplit, string> = {
  replicas: "Replicas only",
  all: "Spread over all",
  primary: "Primary only",
};

export const READ_SPLIT_HINTS: Record<ReadSplit, string> = {
  replicas: "the primary keeps its CPU for writes; reads may be stale",
  all: "every database shares the reads",
  primary: "always fresh; the primary carries everything",
};

/** Whether the read split means anything yet: it chooses between the primary and its replicas. */
export function hasReplica(state: GameState): boolean {
  return state.hosts.some((h) => h.services.some((x) => x.kind === "db" && x.role === "replica"));
}

/** The line above the read-split buttons: where reads go now (every read to the primary until a replica exists). */
export function readsGoToLine(state: GameState): string {
  if (!hasReplica(state)) return "Every read goes to the primary: there is no replica to share them yet.";
  return `Reads go to: ${READ_SPLIT_LABELS[state.readSplit].toLowerCase()} (now)`;
}

/** "3 stale reads/s — lag 1.2 s", or why the replica copies nothing; null for a primary. */
export function replicaLine(state: GameState, host: Host): string | null {
  const r = replicaStatus(state, host);
  if (!r) return null;
  if (r.primary === null) return "No primary to copy from.";
  if (!r.linked) return `✖ No link to the primary ${r.primary}: receives no writes · ${duration(r.lagTicks)} behind`;
  const stale = r.staleRps >= 10 ? Math.round(r.staleRps) : Math.round(r.staleRps * 10) / 10;
  return `${stale} stale reads/s — lag ${lagText(r.lagTicks)}`;
}

function lagText(ticks: number): string {
  return ticks < 600 ? `${(ticks / 10).toFixed(1)} s` : duration(ticks);
}

/** What semi-sync is doing on the primary right now; null under asynchronous replication. */
export function semisyncLine(state: GameState): string | null {
  const now = semisyncNow(state);
  switch (now.mode) {
    case "async": return null;
    case "acknowledged": return "Semi-sync: each commit waits for a replica to receive it.";
    case "waiting": return `⚠ Semi-sync: no replica can acknowledge; commits wait (${(now.msLeft / 1000).toFixed(1)} s left before falling back to async).`;
    case "fell-back": return "⚠ Semi-sync fell back to async: no replica can acknowledge. It resumes when one is back.";
  }
}

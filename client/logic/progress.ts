// Best results per chapter, for the chapter select screen.
import { readJson, type KeyValueStore } from "./storage.js";

export interface BestResult {
  outcome: "won" | "lost" | "complete";
  score: number;
  slaPermyriad: number;
  nines: number;
  /** Ticks played. */
  ticks: number;
}

const KEY = "nines.progress";
type Progress = Record<string, BestResult>;

export function loadProgress(store: KeyValueStore): Progress {
  return readJson<Progress>(store, KEY) ?? {};
}

/** A win beats a loss; between equals, the higher score. */
export function isBetter(next: BestResult, prev: BestResult | undefined): boolean {
  if (!prev) return true;
  const rank = (r: BestResult) => (r.outcome === "won" ? 2 : r.outcome === "complete" ? 1 : 0);
  if (rank(next) !== rank(prev)) return rank(next) > rank(prev);
  return next.score > prev.score;
}

/** Records a finished run; returns true if it is a new best. */
export function recordResult(store: KeyValueStore, scenario: string, result: BestResult): boolean {
  const progress = loadProgress(store);
  if (!isBetter(result, progress[scenario])) return false;
  progress[scenario] = result;
  try {
    store.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Not fatal: the result still shows on the end screen.
  }
  return true;
}

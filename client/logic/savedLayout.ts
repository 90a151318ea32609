// Where the player dragged their servers is theirs, not the simulation's: it never enters the
// game state (nor its hash), but it travels with a save. In browser storage it sits beside the
// snapshot; in a downloaded file it is an extra "board" key next to the snapshot's own keys,
// which the simulation ignores, so the file stays a valid snapshot for every other tool.
import type { Point } from "./boardLayout.js";

export type Positions = ReadonlyMap<number, Point>;

/** What is written: host id → [x, y], rounded to whole world units. */
export type PositionsJson = Record<string, [number, number]>;

/** Far beyond any real board: a bad file cannot push a server out of reach. */
const LIMIT = 1_000_000;
const MAX_ENTRIES = 10_000;

export function positionsToJson(positions: Positions): PositionsJson {
  const out: PositionsJson = {};
  for (const [id, p] of positions) out[String(id)] = [Math.round(p.x), Math.round(p.y)];
  return out;
}

/** Reads positions back, dropping anything malformed (a save must load even if this part is odd). */
export function positionsFromJson(value: unknown): Map<number, Point> {
  const out = new Map<number, Point>();
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (out.size >= MAX_ENTRIES) break;
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0 || !Array.isArray(v) || v.length !== 2) continue;
    const [x, y] = v as unknown[];
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (Math.abs(x) > LIMIT || Math.abs(y) > LIMIT) continue;
    out.set(id, { x, y });
  }
  return out;
}

/** The save file's text: the snapshot with the board's positions beside it. */
export function fileWithPositions(snapshot: string, positions: Positions): string {
  if (positions.size === 0) return snapshot;
  const data = JSON.parse(snapshot) as Record<string, unknown>;
  return JSON.stringify({ ...data, board: { positions: positionsToJson(positions) } });
}

/** The positions a save file carries (none for a plain snapshot or a file that is not JSON). */
export function positionsInFile(text: string): Map<number, Point> {
  try {
    const data = JSON.parse(text) as { board?: { positions?: unknown } } | null;
    return positionsFromJson(data?.board?.positions);
  } catch {
    return new Map();
  }
}

// Loads a design for the command-line tools: a save file (a Game snapshot, as the game downloads
// it) or a replay (simulated to its last tick first). Errors are sentences for the user.
import { readFileSync } from "node:fs";
import { Game, parseReplay, runReplay } from "../shared/index.js";

/** What a command-line tool prints and the status it exits with (testable without a process). */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type Loaded = { ok: true; game: Game; kind: "save" | "replay" } | { ok: false; reason: string };

export function loadDesign(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? `no such file: ${file}` : code === "EISDIR" ? `${file} is a folder, not a save or replay file` : `cannot read ${file}: ${(e as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${file} is not JSON: expected a Nines save or replay file` };
  }
  if (data && typeof data === "object" && "commands" in data) {
    const parsed = parseReplay(data);
    if (!parsed.ok) return { ok: false, reason: `${file}: ${parsed.reason}` };
    const run = runReplay(parsed.replay);
    return { ok: true, game: run.game, kind: "replay" };
  }
  try {
    // A downloaded save may carry the board layout beside the snapshot; the snapshot is what counts.
    return { ok: true, game: Game.restore(text), kind: "save" };
  } catch (e) {
    return { ok: false, reason: `${file}: ${(e as Error).message}` };
  }
}

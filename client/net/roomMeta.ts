// The room's metadata as plain data: who is here, in which phase, at what speed. The room keeps it
// in Colyseus Schema state; this reads that state into objects the panels can render, so no panel
// depends on how the schema is declared.
import { ROLES, type Role } from "../../shared/index.js";
import type { Speed } from "../logic/fixedStep.js";

export interface PlayerMeta {
  id: string;
  name: string;
  colour: string;
  role: Role | null;
  connected: boolean;
  ready: boolean;
  isHost: boolean;
  cursor: { x: number; y: number } | null;
}

export type RoomPhase = "lobby" | "playing" | "ended";

export interface RoomMeta {
  code: string;
  phase: RoomPhase;
  scenario: string;
  seed: number | null;
  speed: Speed;
  paused: boolean;
  tick: number;
  hostOnlyPause: boolean;
  rolesEnabled: boolean;
  players: PlayerMeta[];
}

type Loose = Record<string, unknown> | undefined | null;

const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function cursorOf(p: Loose): { x: number; y: number } | null {
  if (!p) return null;
  const c = p.cursor as Loose;
  if (c) {
    const x = num(c.x);
    const y = num(c.y);
    return x === null || y === null || (c as { visible?: unknown }).visible === false ? null : { x, y };
  }
  const x = num(p.cursorX);
  const y = num(p.cursorY);
  // The room starts every cursor at (0, 0): a player who never moved over the board has none.
  return x === null || y === null || (x === 0 && y === 0) ? null : { x, y };
}

function roleOf(v: unknown): Role | null {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v) ? (v as Role) : null;
}

function speedOf(v: unknown): Speed {
  return v === 2 || v === 4 || v === 8 ? v : 1;
}

function phaseOf(v: unknown): RoomPhase {
  return v === "playing" || v === "ended" ? v : "lobby";
}

/** Reads the decoded Schema state (any shape close to the protocol's) into RoomMeta. */
export function readRoomMeta(state: unknown): RoomMeta {
  const s = (state ?? {}) as Record<string, unknown>;
  const players: PlayerMeta[] = [];
  const map = s.players as { forEach?: (fn: (p: Loose, key: string) => void) => void } | undefined;
  map?.forEach?.((p, key) => {
    if (!p) return;
    players.push({
      id: key,
      name: str(p.name, "player"),
      colour: str(p.colour, "#f4f4f5"),
      role: roleOf(p.role),
      connected: p.connected !== false,
      ready: p.ready === true,
      isHost: p.isHost === true,
      cursor: cursorOf(p),
    });
  });
  return {
    code: str(s.code),
    phase: phaseOf(s.phase),
    scenario: str(s.scenario),
    seed: num(s.seed),
    speed: speedOf(s.speed),
    paused: s.paused === true,
    tick: num(s.tick) ?? 0,
    hostOnlyPause: s.hostOnlyPause === true,
    rolesEnabled: s.rolesEnabled === true,
    players,
  };
}

// Where things sit on the board, in world units. The internet and DNS hold the left edge; hosts
// stand in columns by role (load balancers, web, application, database), like the whiteboard
// diagrams of the course. A big group wraps into a block of columns. A host that is not wired in
// yet (no link, not named in DNS) waits in a row below, off the request path, so it is never drawn
// across a wire it is not part of; a column that would sit on the internet's wire to a later
// column moves down a row. A host the player dragged keeps its spot.
import { resolveName, type GameState, type Host } from "../../shared/index.js";
import { roleRank } from "./roles.js";

export const HOST_W = 188;
export const HOST_H = 112;
const GAP_X = 90;
const GAP_Y = 34;
/** A column of up to 6 stays one column; bigger groups wrap into a roughly square block. */
const MIN_ROWS = 6;
function rowsFor(count: number): number {
  return count <= MIN_ROWS ? Math.max(1, count) : Math.max(MIN_ROWS, Math.ceil(Math.sqrt(count * 1.3)));
}
export const INTERNET = { x: 0, y: 0, w: 150, h: 110 };
export const DNS = { w: 150, h: 78 };

export interface Point { x: number; y: number }

export interface BoardLayout {
  hosts: Map<number, Point>;
  internet: Point;
  dns: Point;
  /** Column headers: label and x of the column's centre. */
  columns: { label: string; x: number; y: number }[];
  bounds: { x: number; y: number; w: number; h: number };
}

const LABELS = ["Load balancers", "Web servers", "App servers", "Databases"];
const UNWIRED_LABEL = "Not wired in yet";

/** On the request path: linked to another server, named in DNS, or one of a load-balancer pair. */
function wiredIn(state: GameState, h: Host, published: ReadonlySet<string>): boolean {
  return (h.publicIp !== null && published.has(h.publicIp))
    || state.links.some((l) => l.from === h.id || l.to === h.id)
    || state.pairs.some((p) => p.members.includes(h.id));
}

export function layoutBoard(state: GameState, pinned: ReadonlyMap<number, Point> = new Map()): BoardLayout {
  const groups: number[][] = [[], [], [], []];
  const unwired: number[] = [];
  const published = new Set(resolveName(state));
  // With nothing wired in yet there is no wire to keep clear: every server takes its column.
  const anyWired = state.hosts.some((h) => wiredIn(state, h, published));
  for (const h of state.hosts) (!anyWired || wiredIn(state, h, published) ? groups[roleRank(h)] : unwired).push(h.id);
  const shifted = columnsOffTheWire(state, groups, published);
  const tallest = Math.max(1, ...groups.map((g, rank) => rowsFor(g.length) + (shifted.has(rank) ? 1 : 0)));
  const height = tallest * HOST_H + (tallest - 1) * GAP_Y;
  const hosts = new Map<number, Point>();
  const columns: BoardLayout["columns"] = [];
  let x = INTERNET.w / 2 + GAP_X + 40;
  groups.forEach((ids, rank) => {
    if (ids.length === 0) return;
    const cols = Math.ceil(ids.length / rowsFor(ids.length));
    const rows = Math.ceil(ids.length / cols);
    const colHeight = rows * HOST_H + (rows - 1) * GAP_Y;
    const top = -colHeight / 2 + HOST_H / 2 + (shifted.has(rank) ? HOST_H + GAP_Y : 0);
    ids.forEach((id, k) => {
      const c = Math.floor(k / rows);
      const r = k % rows;
      hosts.set(id, { x: x + HOST_W / 2 + c * (HOST_W + 36), y: top + r * (HOST_H + GAP_Y) });
    });
    const groupWidth = cols * HOST_W + (cols - 1) * 36;
    columns.push({ label: LABELS[rank], x: x + groupWidth / 2, y: -height / 2 - 44 });
    x += groupWidth + GAP_X;
  });
  if (unwired.length) {
    const rowY = height / 2 + GAP_Y + 40 + HOST_H / 2 + (shifted.size ? HOST_H + GAP_Y : 0);
    const left = INTERNET.w / 2 + GAP_X + 40;
    unwired.forEach((id, k) => hosts.set(id, { x: left + HOST_W / 2 + k * (HOST_W + 36), y: rowY }));
    columns.push({ label: UNWIRED_LABEL, x: left + (unwired.length * (HOST_W + 36) - 36) / 2, y: rowY - HOST_H / 2 - 24 });
  }
  for (const [id, p] of pinned) if (hosts.has(id)) hosts.set(id, { ...p });

  const internet = { x: 0, y: 0 };
  const dns = { x: 0, y: -Math.max(150, height / 2 - 10) };
  let minX = -INTERNET.w / 2, maxX = Math.max(x - GAP_X, 520), minY = Math.min(dns.y - DNS.h / 2, -height / 2 - 70), maxY = Math.max(height / 2, INTERNET.h);
  for (const p of hosts.values()) {
    minX = Math.min(minX, p.x - HOST_W / 2);
    maxX = Math.max(maxX, p.x + HOST_W / 2);
    minY = Math.min(minY, p.y - HOST_H / 2 - 20);
    maxY = Math.max(maxY, p.y + HOST_H / 2 + 20);
  }
  const pad = 30;
  return { hosts, internet, dns, columns, bounds: { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad } };
}

/**
 * The columns (by rank) whose middle row would sit on the internet's wire to a published host in a
 * later column: with one row each, every column's middle is at the internet's height.
 */
function columnsOffTheWire(state: GameState, groups: number[][], published: ReadonlySet<string>): Set<number> {
  const entryRanks = groups.map((ids) => ids.some((id) => {
    const ip = state.hosts.find((h) => h.id === id)?.publicIp;
    return ip !== null && ip !== undefined && published.has(ip);
  }));
  const out = new Set<number>();
  const lastEntry = entryRanks.lastIndexOf(true);
  for (let rank = 0; rank < lastEntry; rank++) if (groups[rank].length % 2 === 1 && !entryRanks[rank]) out.add(rank);
  return out;
}

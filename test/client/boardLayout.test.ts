// The board never draws a server across a wire it is not part of: a server not wired in yet waits
// in its own row, and a column moves off the internet's wire to a later column.
import { describe, expect, it } from "vitest";
import { Game, type Command } from "../../shared/index.js";
import { HOST_H, HOST_W, layoutBoard } from "../../client/logic/boardLayout.js";
import { laneSegment, type Segment } from "../../client/board/geometry.js";

/** Does the segment pass through the box (shrunk by a pixel, so touching an edge is fine)? */
function crosses(s: Segment, cx: number, cy: number): boolean {
  const x0 = cx - HOST_W / 2 + 1, x1 = cx + HOST_W / 2 - 1, y0 = cy - HOST_H / 2 + 1, y1 = cy + HOST_H / 2 - 1;
  // Liang–Barsky clipping: the part of the segment inside the box, if any.
  let t0 = 0, t1 = 1;
  const dx = s.x2 - s.x1, dy = s.y2 - s.y1;
  for (const [p, q] of [[-dx, s.x1 - x0], [dx, x1 - s.x1], [-dy, s.y1 - y0], [dy, y1 - s.y1]]) {
    if (p === 0) { if (q < 0) return false; continue; }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r); else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** Every wire the board draws (links, and the internet's lines to public servers) and the boxes it crosses. */
function wiresThroughServers(g: Game): string[] {
  const layout = layoutBoard(g.state);
  const wires: { from: number; to: number }[] = [
    ...g.state.links.map((l) => ({ from: l.from, to: l.to })),
    ...g.state.hosts.filter((h) => h.publicIp).map((h) => ({ from: 0, to: h.id })),
  ];
  const out: string[] = [];
  for (const w of wires) {
    const seg = laneSegment(layout, w.from, w.to, { x1: 0, y1: 0, x2: 0, y2: 0 });
    if (!seg) continue;
    for (const h of g.state.hosts) {
      if (h.id === w.from || h.id === w.to) continue;
      const p = layout.hosts.get(h.id)!;
      if (crosses(seg, p.x, p.y)) out.push(`${h.name} sits on the wire ${w.from === 0 ? "internet" : g.state.hosts.find((x) => x.id === w.from)!.name} → ${g.state.hosts.find((x) => x.id === w.to)!.name}`);
    }
  }
  return out;
}

const id = (g: Game, name: string) => g.state.hosts.find((h) => h.name === name)!.id;
const ok = (g: Game, cmd: Command) => expect(g.apply(cmd)).toEqual({ ok: true });

describe("board layout", () => {
  it("chapter 2: a new load balancer stands aside until it is wired, then takes its column", () => {
    const g = Game.create("distributed", 1);
    ok(g, { type: "buyHost", tier: "small", public: true });
    ok(g, { type: "install", host: id(g, "server-02"), service: "lb" });
    let layout = layoutBoard(g.state);
    const server = layout.hosts.get(id(g, "server-01"))!;
    const lb = layout.hosts.get(id(g, "lb-01"))!;
    expect(lb.y).toBeGreaterThan(server.y + HOST_H);
    expect(layout.columns.map((c) => c.label)).toEqual(["Web servers", "Not wired in yet"]);
    expect(wiresThroughServers(g)).toEqual([]);

    ok(g, { type: "connect", from: id(g, "lb-01"), to: id(g, "server-01") });
    layout = layoutBoard(g.state);
    expect(layout.columns.map((c) => c.label)).toEqual(["Load balancers", "Web servers"]);
    expect(layout.hosts.get(id(g, "lb-01"))!.x).toBeLessThan(layout.hosts.get(id(g, "server-01"))!.x);
    // www still names server-01: the internet's wire to it must not run through lb-01.
    expect(wiresThroughServers(g)).toEqual([]);

    ok(g, { type: "setDns", recordType: "A", values: [g.state.hosts.find((h) => h.name === "lb-01")!.publicIp!], ttl: 300 });
    expect(layoutBoard(g.state).hosts.get(id(g, "lb-01"))!.y).toBe(0);
  });

  it("chapter 1: with nothing wired in yet, the one server takes its column at once", () => {
    const g = Game.create("simple-stack", 1);
    ok(g, { type: "buyHost", tier: "medium", public: true });
    expect(layoutBoard(g.state).columns.map((c) => c.label)).toEqual(["Web servers"]);
    ok(g, { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    expect(layoutBoard(g.state).columns.map((c) => c.label)).toEqual(["Web servers"]);
  });

  // Chapter 3 starts with every server public on purpose: its lines from the internet show the
  // exposure the chapter closes, and they fan out across the columns until firewalls go in.
  it("the chapters' starting boards with private backends draw no server across another's wire", () => {
    for (const s of ["distributed", "scale-up"]) expect(wiresThroughServers(Game.create(s, 1)), s).toEqual([]);
  });
});

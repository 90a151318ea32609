// The wires: one line per link plus the internet's lines to public hosts. Thicker where more
// requests flow; red with a ✖ in the middle where many fail (a mark, not only a colour). Redrawn a
// few times a second, not every frame, and at a fixed cost per link whatever the traffic.
import Phaser from "phaser";
import type { GameState } from "../../shared/index.js";
import type { BoardLayout } from "../logic/boardLayout.js";
import { laneRate, type Lane } from "../logic/trafficLanes.js";
import { laneSegment, type Segment } from "./geometry.js";
import { COLOURS } from "./palette.js";

const seg: Segment = { x1: 0, y1: 0, x2: 0, y2: 0 };

/** Lines are grouped by look and each group is one path: hundreds of links cost a few strokes. */
interface Style { width: number; colour: number; alpha: number; dashed: boolean }
interface Group { style: Style; lines: number[] }

export class LinkLayer {
  readonly g: Phaser.GameObjects.Graphics;
  private readonly groups = new Map<string, Group>();
  private readonly arrows = new Map<number, number[]>();

  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(1);
  }

  draw(state: GameState, layout: BoardLayout, lanes: readonly Lane[], connectFrom: number | null, zoom: number): void {
    const g = this.g;
    g.clear();
    for (const grp of this.groups.values()) grp.lines.length = 0;
    for (const list of this.arrows.values()) list.length = 0;
    const byKey = new Map<string, Lane>();
    for (const l of lanes) byKey.set(l.key, l);
    const arrows = zoom >= 0.3;
    for (const link of state.links) {
      const lane = byKey.get(`l${link.id}`);
      if (!laneSegment(layout, lane ? lane.fromId : link.from, lane ? lane.toId : link.to, seg)) continue;
      this.add(lane ?? null, false, arrows, zoom);
    }
    // The internet reaches every host with a public address; the wire lights up when used.
    for (const host of state.hosts) {
      if (!host.publicIp || !laneSegment(layout, 0, host.id, seg)) continue;
      this.add(byKey.get(`e${host.id}`) ?? null, true, arrows, zoom);
    }
    for (const { style, lines } of this.groups.values()) {
      if (lines.length === 0) continue;
      g.lineStyle(style.width, style.colour, style.alpha);
      g.beginPath();
      for (let i = 0; i < lines.length; i += 4) {
        g.moveTo(lines[i], lines[i + 1]);
        g.lineTo(lines[i + 2], lines[i + 3]);
        if (style.dashed && arrows) cross(g, (lines[i] + lines[i + 2]) / 2, (lines[i + 1] + lines[i + 3]) / 2, 7 + style.width);
      }
      g.strokePath();
    }
    for (const [colour, pts] of this.arrows) {
      if (pts.length === 0) continue;
      g.fillStyle(colour, 0.9);
      g.beginPath();
      for (let i = 0; i < pts.length; i += 6) {
        g.moveTo(pts[i], pts[i + 1]); g.lineTo(pts[i + 2], pts[i + 3]); g.lineTo(pts[i + 4], pts[i + 5]); g.closePath();
      }
      g.fillPath();
    }
    if (connectFrom !== null) {
      const from = layout.hosts.get(connectFrom);
      if (from) g.lineStyle(2, COLOURS.connect, 0.8).strokeCircle(from.x, from.y, 96);
    }
  }

  private add(lane: Lane | null, fromInternet: boolean, arrows: boolean, zoom: number): void {
    const rate = lane ? laneRate(lane) : 0;
    // Thickness in a few steps, so lines share styles: thicker where more requests flow. Zoomed
    // far out, lines stay under a screen pixel: the difference is invisible there, and wide
    // strokes are what a software rasteriser pays for most.
    let width = rate > 0 ? 2 + Math.min(7, Math.round(1.3 * Math.log10(1 + rate))) : fromInternet ? 1.5 : 2;
    if (zoom < 0.45) width = Math.min(width, 0.9 / zoom);
    const failing = lane !== null && lane.failedShare > 0.2;
    const colour = failing ? COLOURS.linkFailing : rate > 0 ? COLOURS.linkBusy : COLOURS.link;
    const alpha = failing ? 0.85 : rate > 0 ? 0.55 : fromInternet ? 0.35 : 0.8;
    const key = `${width}|${colour}|${alpha}|${failing}`;
    let grp = this.groups.get(key);
    if (!grp) this.groups.set(key, (grp = { style: { width, colour, alpha, dashed: failing }, lines: [] }));
    grp.lines.push(seg.x1, seg.y1, seg.x2, seg.y2);
    if (!arrows) return;
    // An arrowhead shows which way requests go.
    const dx = seg.x2 - seg.x1;
    const dy = seg.y2 - seg.y1;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const tipX = seg.x2 - ux * 3;
    const tipY = seg.y2 - uy * 3;
    const s = 7 + width;
    let pts = this.arrows.get(colour);
    if (!pts) this.arrows.set(colour, (pts = []));
    pts.push(tipX, tipY, tipX - ux * s - uy * s * 0.55, tipY - uy * s + ux * s * 0.55, tipX - ux * s + uy * s * 0.55, tipY - uy * s - ux * s * 0.55);
  }
}

/** A ✖ on a failing wire: the same two strokes however many requests fail. */
function cross(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
  g.moveTo(x - r, y - r);
  g.lineTo(x + r, y + r);
  g.moveTo(x + r, y - r);
  g.lineTo(x - r, y + r);
}

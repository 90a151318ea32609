// The wires: one line per link plus the internet's lines to public hosts. Thicker where more
// requests flow; dashed red where many fail (a pattern, not only a colour). Redrawn a few times a
// second, not every frame.
import Phaser from "phaser";
import type { GameState } from "../../shared/index.js";
import type { BoardLayout } from "../logic/boardLayout.js";
import { laneRate, type Lane } from "../logic/trafficLanes.js";
import { laneSegment, type Segment } from "./geometry.js";
import { COLOURS } from "./palette.js";

const seg: Segment = { x1: 0, y1: 0, x2: 0, y2: 0 };

export class LinkLayer {
  private readonly g: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(1);
  }

  draw(state: GameState, layout: BoardLayout, lanes: readonly Lane[], connectFrom: number | null): void {
    const g = this.g;
    g.clear();
    const byKey = new Map<string, Lane>();
    for (const l of lanes) byKey.set(l.key, l);
    // Idle links first, so busy ones draw on top.
    for (const link of state.links) {
      const lane = byKey.get(`l${link.id}`);
      const a = lane ? lane.fromId : link.from;
      const b = lane ? lane.toId : link.to;
      if (!laneSegment(layout, a, b, seg)) continue;
      this.line(lane ?? null, false);
    }
    // The internet reaches every host with a public address; the wire lights up when used.
    for (const host of state.hosts) {
      if (!host.publicIp) continue;
      const lane = byKey.get(`e${host.id}`) ?? null;
      if (!laneSegment(layout, 0, host.id, seg)) continue;
      this.line(lane, true);
    }
    if (connectFrom !== null) {
      const from = layout.hosts.get(connectFrom);
      if (from) g.lineStyle(2, COLOURS.connect, 0.8).strokeCircle(from.x, from.y, 96);
    }
  }

  private line(lane: Lane | null, fromInternet: boolean): void {
    const g = this.g;
    const rate = lane ? laneRate(lane) : 0;
    const width = rate > 0 ? 2 + Math.min(7, 1.3 * Math.log10(1 + rate)) : fromInternet ? 1.5 : 2;
    const failing = lane !== null && lane.failedShare > 0.2;
    const colour = failing ? COLOURS.linkFailing : rate > 0 ? COLOURS.linkBusy : COLOURS.link;
    const alpha = rate > 0 ? 0.55 : fromInternet ? 0.35 : 0.8;
    if (failing) {
      dashed(g, seg, width, colour, 0.8);
    } else {
      g.lineStyle(width, colour, alpha).lineBetween(seg.x1, seg.y1, seg.x2, seg.y2);
    }
    // An arrowhead shows which way requests go.
    const dx = seg.x2 - seg.x1;
    const dy = seg.y2 - seg.y1;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const tipX = seg.x2 - ux * 3;
    const tipY = seg.y2 - uy * 3;
    const s = 7 + width;
    g.fillStyle(colour, Math.min(1, alpha + 0.3)).fillTriangle(tipX, tipY, tipX - ux * s - uy * s * 0.55, tipY - uy * s + ux * s * 0.55, tipX - ux * s + uy * s * 0.55, tipY - uy * s - ux * s * 0.55);
  }
}

function dashed(g: Phaser.GameObjects.Graphics, s: Segment, width: number, colour: number, alpha: number): void {
  const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
  g.lineStyle(width, colour, alpha);
  for (let d = 0; d < len; d += 18) {
    const a = d / len;
    const b = Math.min(len, d + 10) / len;
    g.lineBetween(s.x1 + (s.x2 - s.x1) * a, s.y1 + (s.y2 - s.y1) * a, s.x1 + (s.x2 - s.x1) * b, s.y1 + (s.y2 - s.y1) * b);
  }
}

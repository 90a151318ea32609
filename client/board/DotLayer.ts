// Draws the request dots: a fixed pool of sprites mirroring the TrafficDots pool, so the cost of
// a frame depends on the pool size, never on how many requests the simulation pushed.
import Phaser from "phaser";
import type { BoardLayout } from "../logic/boardLayout.js";
import type { TrafficDots } from "../logic/trafficDots.js";
import { laneSegment, type Segment } from "./geometry.js";
import { DOT_TEXTURES, FAIL_TEXTURE } from "./palette.js";

const seg: Segment = { x1: 0, y1: 0, x2: 0, y2: 0 };

export class DotLayer {
  private readonly sprites: Phaser.GameObjects.Image[] = [];

  constructor(private readonly scene: Phaser.Scene, private readonly dots: TrafficDots) {
    this.ensure();
  }

  private ensure(): void {
    while (this.sprites.length < this.dots.pool.length) {
      this.sprites.push(this.scene.add.image(0, 0, DOT_TEXTURES[0]).setScale(0.5).setDepth(5).setVisible(false));
    }
  }

  draw(layout: BoardLayout): void {
    this.ensure();
    const pool = this.dots.pool;
    for (let i = 0; i < this.sprites.length; i++) {
      const s = this.sprites[i];
      const d = pool[i];
      if (!d || !d.active || !laneSegment(layout, d.fromId, d.toId, seg)) {
        if (s.visible) s.setVisible(false);
        continue;
      }
      const x = seg.x1 + (seg.x2 - seg.x1) * d.t;
      const y = seg.y1 + (seg.y2 - seg.y1) * d.t;
      // Dots ride slightly apart by class, so a busy wire shows its mix.
      const off = (d.cls - 1.5) * 2.2;
      s.setPosition(x, y + off);
      const key = d.bouncing ? FAIL_TEXTURE : DOT_TEXTURES[d.cls];
      if (s.texture.key !== key) s.setTexture(key);
      s.setScale(d.bouncing ? 0.62 : d.cls === 3 ? 0.6 : 0.5);
      s.setAlpha(d.bouncing ? Math.max(0.25, d.t / Math.max(0.01, d.failAt)) : 1);
      if (!s.visible) s.setVisible(true);
    }
  }
}

// Load-balancer pairs: a dashed bracket around the two members, labelled with the virtual IP and
// the pair's numbers (the standby idle and the failover time, or the split of requests), so a
// pair made in the inspector is visible on the board (what the bracket holds is in pairView.ts).
import Phaser from "phaser";
import type { GameState, TickReport } from "../../shared/index.js";
import type { BoardLayout } from "../logic/boardLayout.js";
import { pairBrackets } from "../logic/pairView.js";
import { COLOURS } from "./palette.js";

const DASH = 10;

export class PairLayer {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly labels = new Map<number, Phaser.GameObjects.Text>();
  private key = "";

  constructor(private readonly scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(0.5);
  }

  draw(state: GameState, layout: BoardLayout, report: TickReport | null = null): void {
    const brackets = pairBrackets(state, layout, report);
    const key = brackets.map((b) => `${b.pairId}:${b.x},${b.y},${b.w},${b.h},${b.label}`).join("|");
    if (key === this.key) return;
    this.key = key;
    const g = this.g;
    g.clear();
    g.lineStyle(2, COLOURS.select, 0.75);
    const keep = new Set<number>();
    for (const b of brackets) {
      keep.add(b.pairId);
      dashedRect(g, b.x, b.y, b.w, b.h);
      let text = this.labels.get(b.pairId);
      if (!text) {
        text = this.scene.add.text(0, 0, "", { fontFamily: "Inter, system-ui, sans-serif", fontSize: "13px", color: "#56b4e9", fontStyle: "bold" }).setResolution(2).setDepth(0.5);
        this.labels.set(b.pairId, text);
      }
      text.setText(`⇄ ${b.label}`).setPosition(b.x + 10, b.y + 5);
    }
    for (const [id, text] of this.labels) {
      if (keep.has(id)) continue;
      text.destroy();
      this.labels.delete(id);
    }
  }
}

function dashedRect(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number): void {
  g.beginPath();
  const side = (x1: number, y1: number, x2: number, y2: number) => {
    const len = Math.hypot(x2 - x1, y2 - y1);
    for (let d = 0; d < len; d += 2 * DASH) {
      const a = d / len;
      const b = Math.min(len, d + DASH) / len;
      g.moveTo(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a);
      g.lineTo(x1 + (x2 - x1) * b, y1 + (y2 - y1) * b);
    }
  };
  side(x, y, x + w, y);
  side(x + w, y, x + w, y + h);
  side(x + w, y + h, x, y + h);
  side(x, y + h, x, y);
  g.strokePath();
}

// The other players on the board: their cursors (an arrow in their colour with their name, so the
// colour is never the only sign of who it is) and the pings anyone makes by holding the mouse
// down (a ring that grows and fades, with the pinger's name). Board coordinates throughout.
import Phaser from "phaser";
import type { PresenceModel } from "./boardModel.js";

const FONT = "Inter, 'Segoe UI', system-ui, sans-serif";
/** Hold this long without moving to ping. */
export const PING_HOLD_MS = 400;
const PING_MS = 1600;
/** Cursors glide towards their latest position (the room sends ~10 a second). */
const CURSOR_EASE = 0.35;

interface CursorSprite {
  arrow: Phaser.GameObjects.Graphics;
  label: Phaser.GameObjects.Text;
  x: number;
  y: number;
  seen: boolean;
}

function colourNumber(css: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(css);
  return m ? parseInt(m[1], 16) : 0xf4f4f5;
}

export class PresenceLayer {
  private readonly cursors = new Map<string, CursorSprite>();
  private hold: { x: number; y: number; sx: number; sy: number; at: number; fired: boolean } | null = null;

  constructor(private readonly scene: Phaser.Scene, private readonly model: PresenceModel) {
    const input = scene.input;
    input.on("pointermove", (p: Phaser.Input.Pointer) => {
      const w = p.positionToCamera(scene.cameras.main) as Phaser.Math.Vector2;
      this.model.pointerMoved(w.x, w.y);
      if (this.hold && Math.abs(p.x - this.hold.sx) + Math.abs(p.y - this.hold.sy) > 6) this.hold = null;
    });
    input.on("pointerdown", (p: Phaser.Input.Pointer) => {
      if (p.downElement !== scene.game.canvas || !p.leftButtonDown()) return;
      const w = p.positionToCamera(scene.cameras.main) as Phaser.Math.Vector2;
      this.hold = { x: w.x, y: w.y, sx: p.x, sy: p.y, at: scene.time.now, fired: false };
    });
    input.on("pointerup", () => (this.hold = null));
  }

  /** Whether the current press became a ping (so its release is not also a click). */
  get pinged(): boolean {
    return this.hold?.fired ?? false;
  }

  update(time: number): void {
    if (this.hold && !this.hold.fired && time - this.hold.at >= PING_HOLD_MS) {
      this.hold.fired = true;
      this.model.pingAt(this.hold.x, this.hold.y);
    }
    for (const ping of this.model.takePings()) this.ring(ping.x, ping.y, colourNumber(ping.colour), ping.name);
    for (const c of this.cursors.values()) c.seen = false;
    const zoom = this.scene.cameras.main.zoom;
    for (const other of this.model.cursors()) {
      let c = this.cursors.get(other.id);
      if (!c) {
        const arrow = this.scene.add.graphics().setDepth(50);
        const label = this.scene.add.text(0, 0, "", { fontFamily: FONT, fontSize: "12px", fontStyle: "bold", color: "#0f141b", padding: { x: 4, y: 1 } }).setDepth(50).setResolution(2);
        c = { arrow, label, x: other.x, y: other.y, seen: true };
        this.cursors.set(other.id, c);
      }
      c.seen = true;
      c.x += (other.x - c.x) * CURSOR_EASE;
      c.y += (other.y - c.y) * CURSOR_EASE;
      const colour = colourNumber(other.colour);
      // Drawn at screen size whatever the zoom: a cursor is a pointer, not a thing on the board.
      const s = 1 / zoom;
      c.arrow.clear().setPosition(c.x, c.y).setScale(s);
      c.arrow.fillStyle(colour, 1).lineStyle(1.5, 0x0f141b, 1);
      c.arrow.beginPath().moveTo(0, 0).lineTo(0, 18).lineTo(5, 13).lineTo(9, 21).lineTo(12, 19.5).lineTo(8.5, 12).lineTo(15, 12).closePath();
      c.arrow.fillPath().strokePath();
      if (c.label.text !== other.name) c.label.setText(other.name);
      c.label.setBackgroundColor(other.colour).setPosition(c.x + 14 * s, c.y + 18 * s).setScale(s);
    }
    for (const [id, c] of this.cursors) {
      if (c.seen) continue;
      c.arrow.destroy();
      c.label.destroy();
      this.cursors.delete(id);
    }
  }

  private ring(x: number, y: number, colour: number, name: string): void {
    const scene = this.scene;
    const s = 1 / scene.cameras.main.zoom;
    const g = scene.add.graphics().setDepth(49).setPosition(x, y);
    const label = scene.add.text(x, y - 34 * s, `◎ ${name}`, { fontFamily: FONT, fontSize: "13px", fontStyle: "bold", color: "#e8edf3", backgroundColor: "#0f141bcc", padding: { x: 4, y: 2 } })
      .setOrigin(0.5, 1).setDepth(49).setResolution(2).setScale(s);
    const anim = { t: 0 };
    scene.tweens.add({
      targets: anim, t: 1, duration: PING_MS, ease: "Sine.easeOut",
      onUpdate: () => {
        g.clear();
        // Two rings, one growing after the other, and a dot that stays: visible without colour.
        for (const phase of [0, 0.35]) {
          const k = Math.max(0, Math.min(1, (anim.t - phase) / (1 - phase)));
          if (k <= 0) continue;
          g.lineStyle(4 * s, colour, 1 - k);
          g.strokeCircle(0, 0, (10 + 50 * k) * s);
        }
        g.fillStyle(colour, 1 - anim.t * 0.6).fillCircle(0, 0, 6 * s);
        label.setAlpha(1 - anim.t * anim.t);
      },
      onComplete: () => { g.destroy(); label.destroy(); },
    });
  }
}

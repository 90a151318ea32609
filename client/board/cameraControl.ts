// Panning (drag the background), zooming (wheel, buttons) and fitting the board to the view. The
// board keeps fitting itself as it grows until the player moves the camera themselves.
import Phaser from "phaser";
import type { BoardLayout } from "../logic/boardLayout.js";
import { onCanvas } from "./pointerGuard.js";

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 1.6;
/** Room kept free for the floating toolbar (bottom) and legend (top), in screen pixels. */
const TOP_UI = 44;
const BOTTOM_UI = 78;

export class CameraControl {
  manual = false;
  private panFrom: { x: number; y: number; sx: number; sy: number } | null = null;
  private moved = false;

  constructor(private readonly scene: Phaser.Scene, private readonly onBackgroundClick: () => void) {
    const input = scene.input;
    input.on("pointerdown", (p: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => {
      if (over.length > 0 || !onCanvas(scene, p)) return;
      const cam = scene.cameras.main;
      this.panFrom = { x: p.x, y: p.y, sx: cam.scrollX, sy: cam.scrollY };
      this.moved = false;
    });
    input.on("pointermove", (p: Phaser.Input.Pointer) => {
      if (!this.panFrom || !p.isDown) return;
      const cam = scene.cameras.main;
      const dx = p.x - this.panFrom.x;
      const dy = p.y - this.panFrom.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) this.moved = true;
      if (this.moved) {
        cam.setScroll(this.panFrom.sx - dx / cam.zoom, this.panFrom.sy - dy / cam.zoom);
        this.manual = true;
      }
    });
    input.on("pointerup", (_p: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => {
      if (this.panFrom && !this.moved && over.length === 0) this.onBackgroundClick();
      this.panFrom = null;
    });
    input.on("wheel", (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      this.zoomAt(dy > 0 ? 1 / 1.12 : 1.12, p.x, p.y);
    });
  }

  zoomAt(factor: number, sx?: number, sy?: number): void {
    const cam = this.scene.cameras.main;
    const px = sx ?? cam.width / 2;
    const py = sy ?? cam.height / 2;
    const before = cam.getWorldPoint(px, py);
    cam.setZoom(Phaser.Math.Clamp(cam.zoom * factor, MIN_ZOOM, MAX_ZOOM));
    const after = cam.getWorldPoint(px, py);
    cam.setScroll(cam.scrollX + before.x - after.x, cam.scrollY + before.y - after.y);
    this.manual = true;
  }

  fit(layout: BoardLayout): void {
    const cam = this.scene.cameras.main;
    const b = layout.bounds;
    const viewH = Math.max(100, cam.height - TOP_UI - BOTTOM_UI);
    const zoom = Phaser.Math.Clamp(Math.min(cam.width / b.w, viewH / b.h), MIN_ZOOM, 1.35);
    cam.setZoom(zoom);
    // Centre the board in the free band between the legend and the toolbar.
    const shift = (BOTTOM_UI - TOP_UI) / 2 / zoom;
    cam.centerOn(b.x + b.w / 2, b.y + b.h / 2 + shift);
    this.manual = false;
  }
}

// Textures drawn at start-up with Phaser graphics: the request dots (one shape per class) and
// the failure cross. Drawn at 2× and shown at half size so they stay crisp when zoomed.
import Phaser from "phaser";
import { CLASS_COLOURS, DOT_TEXTURES, FAIL_TEXTURE } from "./palette.js";

const OUTLINE = 0x0b0f14;

export function makeDotTextures(scene: Phaser.Scene): void {
  const g = scene.add.graphics();
  const size = 24;
  const c = size / 2;
  const draw = (key: string, paint: () => void) => {
    g.clear();
    paint();
    g.generateTexture(key, size, size);
  };
  draw(DOT_TEXTURES[0], () => {
    g.fillStyle(OUTLINE).fillCircle(c, c, 9);
    g.fillStyle(CLASS_COLOURS[0]).fillCircle(c, c, 7);
  });
  draw(DOT_TEXTURES[1], () => {
    g.fillStyle(OUTLINE).fillRect(c - 8, c - 8, 16, 16);
    g.fillStyle(CLASS_COLOURS[1]).fillRect(c - 6, c - 6, 12, 12);
  });
  draw(DOT_TEXTURES[2], () => {
    g.fillStyle(OUTLINE).fillPoints(diamond(c, 10), true);
    g.fillStyle(CLASS_COLOURS[2]).fillPoints(diamond(c, 7.5), true);
  });
  draw(DOT_TEXTURES[3], () => {
    g.fillStyle(OUTLINE).fillPoints(star(c, 11.5, 5, 8), true);
    g.fillStyle(CLASS_COLOURS[3]).fillPoints(star(c, 9.5, 3.5, 8), true);
  });
  draw(FAIL_TEXTURE, () => {
    g.lineStyle(7, 0xffffff).lineBetween(5, 5, 19, 19).lineBetween(19, 5, 5, 19);
    g.lineStyle(4, 0xd55e00).lineBetween(6, 6, 18, 18).lineBetween(18, 6, 6, 18);
  });
  g.destroy();
}

function diamond(c: number, r: number): Phaser.Math.Vector2[] {
  return [new Phaser.Math.Vector2(c, c - r), new Phaser.Math.Vector2(c + r, c), new Phaser.Math.Vector2(c, c + r), new Phaser.Math.Vector2(c - r, c)];
}

function star(c: number, outer: number, inner: number, points: number): Phaser.Math.Vector2[] {
  const out: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI * i) / points - Math.PI / 2;
    out.push(new Phaser.Math.Vector2(c + r * Math.cos(a), c + r * Math.sin(a)));
  }
  return out;
}

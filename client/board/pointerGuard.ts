// Phaser also hears mouse presses made on the DOM panels floating over the canvas (it listens on
// the window), and would hit-test them against the board. Only presses on the canvas count.
import type Phaser from "phaser";

export function onCanvas(scene: Phaser.Scene, pointer: Phaser.Input.Pointer): boolean {
  return pointer.downElement === scene.game.canvas;
}

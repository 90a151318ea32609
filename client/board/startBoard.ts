// Starts Phaser in the board's element. This module (and Phaser with it) is loaded with a dynamic
// import, after the menu is already on screen.
import Phaser from "phaser";
import { BoardScene } from "./BoardScene.js";
import type { BoardHandle, BoardModel } from "./boardModel.js";
import { BootScene } from "./BootScene.js";
import { chooseRenderer } from "./chooseRenderer.js";

export function startBoard(parent: HTMLElement, model: BoardModel): BoardHandle {
  const board = new BoardScene(model);
  const game = new Phaser.Game({
    type: chooseRenderer(location.search),
    parent,
    backgroundColor: "#0f141b",
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 600 },
    render: { antialias: true, roundPixels: false },
    banner: false,
    disableContextMenu: true,
    scene: [new BootScene(model), board],
  });
  return {
    game,
    fit: () => board.fit(),
    zoom: (f) => board.zoom(f),
    centre: (id) => board.centre(id),
    destroy: () => game.destroy(true),
  };
}

// Boot/preload: loads the board's pictures (SVG, drawn for this game) with a progress bar, makes
// the dot textures, then hands over to the board.
import Phaser from "phaser";
import appIcon from "../../assets/board/app.svg?url";
import dbIcon from "../../assets/board/db.svg?url";
import dnsIcon from "../../assets/board/dns.svg?url";
import firewallIcon from "../../assets/board/firewall.svg?url";
import flameIcon from "../../assets/board/flame.svg?url";
import internetIcon from "../../assets/board/internet.svg?url";
import lbIcon from "../../assets/board/lb.svg?url";
import monitorIcon from "../../assets/board/monitor.svg?url";
import serverIcon from "../../assets/board/server.svg?url";
import webIcon from "../../assets/board/web.svg?url";
import type { BoardModel } from "./boardModel.js";
import { makeDotTextures } from "./textures.js";

const ICONS: [string, string, number, number][] = [
  ["svc-web", webIcon, 56, 56], ["svc-app", appIcon, 56, 56], ["svc-db", dbIcon, 56, 56], ["svc-lb", lbIcon, 56, 56],
  ["svc-firewall", firewallIcon, 56, 56], ["svc-monitor", monitorIcon, 56, 56], ["dns", dnsIcon, 56, 56],
  ["internet", internetIcon, 300, 200], ["flame", flameIcon, 48, 60], ["server", serverIcon, 56, 56],
];

export class BootScene extends Phaser.Scene {
  constructor(private readonly model: BoardModel) {
    super("boot");
  }

  preload(): void {
    const { width, height } = this.scale;
    const barW = Math.min(320, width * 0.6);
    const frame = this.add.rectangle(width / 2, height / 2, barW + 6, 16).setStrokeStyle(1, 0x3a4759);
    const bar = this.add.rectangle(width / 2 - barW / 2, height / 2, 1, 10, 0x56b4e9).setOrigin(0, 0.5);
    const label = this.add.text(width / 2, height / 2 - 26, "Drawing the board…", { fontFamily: "system-ui, sans-serif", fontSize: "14px", color: "#93a1b3" }).setOrigin(0.5);
    this.load.on("progress", (p: number) => {
      bar.width = Math.max(1, barW * p);
      this.model.loading(p);
    });
    this.load.once("complete", () => {
      frame.destroy();
      bar.destroy();
      label.destroy();
    });
    for (const [key, url, w, h] of ICONS) this.load.svg(key, url, { width: w, height: h });
  }

  create(): void {
    makeDotTextures(this);
    this.scene.start("board");
  }
}

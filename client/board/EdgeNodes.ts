// The edge of the board: the internet (the users, and any attackers) and DNS, which tells them
// where www.foobar.com lives.
import Phaser from "phaser";
import { resolveName, TICKS_PER_SECOND, type GameState, type TickReport } from "../../shared/index.js";
import { DNS, INTERNET, type BoardLayout } from "../logic/boardLayout.js";
import { compact, duration } from "../logic/format.js";
import { COLOURS } from "./palette.js";
import { onCanvas } from "./pointerGuard.js";

const FONT = "Inter, 'Segoe UI', system-ui, sans-serif";
const MONO = "'DejaVu Sans Mono', Consolas, monospace";

export class EdgeNodes {
  readonly internet: Phaser.GameObjects.Image;
  readonly dnsBox: Phaser.GameObjects.Container;
  private readonly internetLabel: Phaser.GameObjects.Text;
  private readonly trafficLabel: Phaser.GameObjects.Text;
  private readonly dnsText: Phaser.GameObjects.Text;
  private readonly dnsBg: Phaser.GameObjects.Graphics;
  private readonly lookup: Phaser.GameObjects.Graphics;
  private last = "";

  constructor(scene: Phaser.Scene, onClick: (which: "internet" | "dns") => void) {
    this.lookup = scene.add.graphics().setDepth(0);
    this.internet = scene.add.image(0, 0, "internet").setDisplaySize(INTERNET.w, INTERNET.h).setDepth(2).setInteractive({ useHandCursor: true });
    // A click counts only if it also started here: DOM panels float over the canvas, and a
    // release after clicking one of them must not click what lies beneath.
    let pressed: string | null = null;
    const clickable = (obj: Phaser.GameObjects.GameObject, which: "internet" | "dns") => {
      obj.on("pointerdown", (p: Phaser.Input.Pointer) => (pressed = onCanvas(scene, p) ? which : null));
      obj.on("pointerup", () => {
        if (pressed === which) onClick(which);
        pressed = null;
      });
    };
    clickable(this.internet, "internet");
    this.internetLabel = scene.add.text(0, 0, "Internet", { fontFamily: FONT, fontSize: "15px", fontStyle: "bold", color: COLOURS.text }).setOrigin(0.5, 0).setDepth(2).setResolution(2);
    this.trafficLabel = scene.add.text(0, 0, "", { fontFamily: MONO, fontSize: "12px", color: COLOURS.muted, align: "center" }).setOrigin(0.5, 0).setDepth(2).setResolution(2);
    this.dnsBg = scene.add.graphics();
    const icon = scene.add.image(-DNS.w / 2 + 22, 0, "dns").setDisplaySize(30, 30);
    this.dnsText = scene.add.text(-DNS.w / 2 + 42, 0, "", { fontFamily: MONO, fontSize: "11px", color: COLOURS.text, lineSpacing: 2 }).setOrigin(0, 0.5).setResolution(2);
    this.dnsBox = scene.add.container(0, 0, [this.dnsBg, icon, this.dnsText]).setDepth(2).setSize(DNS.w + 40, DNS.h);
    this.dnsBox.setInteractive({ useHandCursor: true });
    clickable(this.dnsBox as unknown as Phaser.GameObjects.GameObject, "dns");
  }

  sync(state: GameState, report: TickReport, layout: BoardLayout): void {
    const { internet, dns } = layout;
    this.internet.setPosition(internet.x, internet.y);
    this.internetLabel.setPosition(internet.x, internet.y + INTERNET.h / 2 + 4);
    const legit = (report.demand[0] + report.demand[1] + report.demand[2]) * TICKS_PER_SECOND;
    const attack = report.demand[3] * TICKS_PER_SECOND;
    const www = state.dns.www;
    const traffic = state.launchedAt < 0 ? "waiting for a DNS record" : `${compact(legit)} req/s from users${attack > 0 ? `\n✸ ${compact(attack)} req/s attack` : ""}`;
    const dnsLines = www ? `www.foobar.com\n${www.type === "A" ? "A" : "CNAME →"} ${resolveName(state).join(" ")}\nTTL ${duration(www.ttlTicks)}` : "www.foobar.com\n(no record)\nclick to add one";
    const sig = `${traffic}|${dnsLines}|${dns.x},${dns.y},${internet.x},${internet.y}`;
    if (sig === this.last) return;
    this.last = sig;
    this.trafficLabel.setText(traffic).setPosition(internet.x, internet.y + INTERNET.h / 2 + 24).setColor(attack > 0 ? "#ff9a66" : COLOURS.muted);
    this.dnsBox.setPosition(dns.x, dns.y);
    this.dnsText.setText(dnsLines);
    const w = Math.max(DNS.w, this.dnsText.width + 54);
    this.dnsBg.clear();
    this.dnsBg.fillStyle(0x1b2430, 1).fillRoundedRect(-DNS.w / 2, -DNS.h / 2, w, DNS.h, 8);
    this.dnsBg.lineStyle(www ? 1.5 : 2, www ? 0x56b4e9 : 0xe69f00, 1).strokeRoundedRect(-DNS.w / 2, -DNS.h / 2, w, DNS.h, 8);
    this.lookup.clear();
    this.lookup.lineStyle(2, 0x3c4b60, 1);
    // A dotted "lookup" line between users and DNS.
    for (let y = dns.y + DNS.h / 2; y < internet.y - INTERNET.h / 2 + 10; y += 10) this.lookup.lineBetween(internet.x, y, internet.x, Math.min(y + 5, internet.y - INTERNET.h / 2 + 10));
  }
}

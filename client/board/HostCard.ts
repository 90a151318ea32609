// One server on the board: a machine with its name and addresses, a badge per installed service,
// a load meter, and its trouble made visible: starting (dashed, dim), down (dark, cracked, red
// ✖), hardware failure (on fire), breached (purple, skull tag). Redrawn only when what it shows changes.
import Phaser from "phaser";
import { isMonitored, knownHardwareFailure, noteText, visibleHostStatus, visibleServiceStatus, type AnyService, type GameState, type Host, type RunStatus } from "../../shared/index.js";
import { HOST_H, HOST_W } from "../logic/boardLayout.js";
import { COLOURS, STATUS_CSS } from "./palette.js";

const FONT = "Inter, 'Segoe UI', system-ui, sans-serif";
const MONO = "'DejaVu Sans Mono', Consolas, monospace";
const BADGE = 30;
/** Colours of the service badges, for the far-out view where badges become chips. */
const SERVICE_COLOURS: Record<string, number> = { web: 0x2fbf8f, app: 0xe69f00, db: 0x56b4e9, lb: 0xcc79a7, firewall: 0xd55e00, monitor: 0xf0e442 };
const SVC_SHORT: Record<string, string> = { web: "Nginx", app: "App", db: "MySQL", lb: "HAProxy", firewall: "ufw", monitor: "Agent" };

export interface CardFlags { selected: boolean; connectSource: boolean; hovered: boolean; reducedMotion: boolean; lowDetail: boolean }

export class HostCard extends Phaser.GameObjects.Container {
  private readonly machine: Phaser.GameObjects.Graphics;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly ipText: Phaser.GameObjects.Text;
  private readonly loadText: Phaser.GameObjects.Text;
  private readonly statusText: Phaser.GameObjects.Text;
  private readonly badges: Phaser.GameObjects.Image[] = [];
  private readonly badgeLabels: Phaser.GameObjects.Text[] = [];
  private readonly flames: Phaser.GameObjects.Image[] = [];
  private signature = "";
  private burning = false;

  constructor(scene: Phaser.Scene, readonly hostId: number) {
    super(scene, 0, 0);
    this.machine = scene.add.graphics();
    this.nameText = scene.add.text(-HOST_W / 2 + 30, -HOST_H / 2 + 7, "", { fontFamily: FONT, fontSize: "15px", fontStyle: "bold", color: COLOURS.text }).setResolution(2);
    this.ipText = scene.add.text(-HOST_W / 2 + 12, -HOST_H / 2 + 31, "", { fontFamily: MONO, fontSize: "11px", color: COLOURS.muted }).setResolution(2);
    this.loadText = scene.add.text(HOST_W / 2 - 10, HOST_H / 2 - 16, "", { fontFamily: MONO, fontSize: "11px", color: COLOURS.muted }).setOrigin(1, 0.5).setResolution(2);
    this.statusText = scene.add.text(0, HOST_H / 2 + 6, "", { fontFamily: FONT, fontSize: "12px", fontStyle: "bold", color: STATUS_CSS.down, backgroundColor: "#0f141bcc", padding: { x: 4, y: 1 } }).setOrigin(0.5, 0).setResolution(2);
    this.add([this.machine, this.nameText, this.ipText, this.loadText, this.statusText]);
    for (let i = 0; i < 6; i++) {
      const img = scene.add.image(0, 0, "svc-web").setDisplaySize(BADGE, BADGE).setVisible(false);
      const label = scene.add.text(0, 0, "", { fontFamily: FONT, fontSize: "9px", color: COLOURS.muted }).setOrigin(0.5, 0).setResolution(2).setVisible(false);
      this.badges.push(img);
      this.badgeLabels.push(label);
      this.add([img, label]);
    }
    for (let i = 0; i < 3; i++) {
      const f = scene.add.image(-50 + i * 50, -HOST_H / 2 + 4, "flame").setDisplaySize(26, 32).setOrigin(0.5, 1).setVisible(false);
      this.flames.push(f);
      this.add(f);
    }
    this.setSize(HOST_W, HOST_H);
    scene.add.existing(this as unknown as Phaser.GameObjects.GameObject);
  }

  /** Brings the card up to date; cheap when nothing changed. */
  sync(state: GameState, host: Host, utilPermille: number, flags: CardFlags, now: number): void {
    const monitored = isMonitored(host);
    // Only what the player has been told: an unmonitored failure shows once users complain.
    const status = visibleHostStatus(state, host);
    const svcStatus = host.services.map((s) => visibleServiceStatus(state, host, s));
    const onFire = knownHardwareFailure(state, host);
    const loadBucket = Math.min(12, Math.floor(utilPermille / 100));
    const svc = host.services.map((s, i) => `${s.kind}:${svcStatus[i]}:${s.kind === "db" ? s.role : ""}`).join(",");
    const sig = [host.name, status, noteText(host.note), host.compromised, host.publicIp, svc, loadBucket, monitored, monitored ? Math.round(utilPermille / 10) : 0, flags.selected, flags.connectSource, flags.hovered, flags.lowDetail, host.cert ? 1 : 0, onFire].join("|");
    if (sig !== this.signature) {
      this.signature = sig;
      this.redraw(host, status, svcStatus, utilPermille, monitored, flags, onFire);
    }
    if (this.burning) {
      this.flames.forEach((f, i) => {
        const flicker = flags.reducedMotion ? 1 : 0.85 + 0.15 * Math.sin(now / 90 + i * 2.1);
        f.setScale((26 / 48) * flicker, (32 / 60) * (flicker + 0.08 * Math.sin(now / 70 + i)));
      });
    }
  }

  private redraw(host: Host, hostStatus: RunStatus, svcStatus: RunStatus[], util: number, monitored: boolean, flags: CardFlags, onFire: boolean): void {
    const g = this.machine;
    const w = HOST_W;
    const hh = HOST_H;
    const down = hostStatus === "down";
    const starting = hostStatus === "starting";
    const breached = host.compromised;
    g.clear();
    if (flags.lowDetail) return this.redrawFar(host, hostStatus, svcStatus, util, flags);
    // Selection halo.
    if (flags.selected || flags.connectSource) {
      g.lineStyle(4, flags.connectSource ? COLOURS.connect : COLOURS.select, 0.9).strokeRoundedRect(-w / 2 - 6, -hh / 2 - 6, w + 12, hh + 12, 14);
    }
    // The machine: a rack unit with a darker top band.
    g.fillStyle(down ? COLOURS.cardDown : COLOURS.card, 1).fillRoundedRect(-w / 2, -hh / 2, w, hh, 10);
    g.fillStyle(down ? 0x1a1212 : COLOURS.cardTop, 1).fillRoundedRect(-w / 2, -hh / 2, w, 26, { tl: 10, tr: 10, bl: 0, br: 0 });
    const edge = breached ? COLOURS.breached : down ? COLOURS.down : starting ? COLOURS.starting : flags.hovered ? 0x5f7189 : COLOURS.border;
    if (starting) dashedRect(g, -w / 2, -hh / 2, w, hh, edge);
    else g.lineStyle(down || breached ? 3 : 1.5, edge, 1).strokeRoundedRect(-w / 2, -hh / 2, w, hh, 10);
    // Status light: a shape as well as a colour (● up, ◐ starting, ✖ down).
    const lx = -w / 2 + 16;
    const ly = -hh / 2 + 13;
    if (down || breached) {
      g.lineStyle(3, breached ? COLOURS.breached : COLOURS.down).lineBetween(lx - 5, ly - 5, lx + 5, ly + 5).lineBetween(lx + 5, ly - 5, lx - 5, ly + 5);
    } else if (starting) {
      g.lineStyle(2, COLOURS.starting).strokeCircle(lx, ly, 5);
      g.fillStyle(COLOURS.starting);
      g.beginPath();
      g.slice(lx, ly, 5, -Math.PI / 2, Math.PI / 2, false);
      g.fillPath();
    } else {
      g.fillStyle(COLOURS.up).fillCircle(lx, ly, 5.5);
    }
    // Cracks across a dead machine.
    if (down) {
      g.lineStyle(2, 0x5a2a1a, 1);
      g.beginPath().moveTo(-w / 2 + 40, -hh / 2 + 26).lineTo(-w / 2 + 62, -4).lineTo(-w / 2 + 52, 14).lineTo(-w / 2 + 78, hh / 2).strokePath();
      g.beginPath().moveTo(w / 2 - 30, -hh / 2 + 26).lineTo(w / 2 - 52, 0).lineTo(w / 2 - 40, hh / 2 - 10).strokePath();
    }
    // Load meter: 10 segments; over 100 % the last ones turn striped red.
    const segs = 10;
    const bx = -w / 2 + 12;
    const by = hh / 2 - 21;
    const bw = 112;
    const segW = bw / segs - 2;
    const lit = Math.min(segs, Math.ceil(util / 100));
    for (let i = 0; i < segs; i++) {
      const on = i < lit && !down;
      const colour = COLOURS.load[Math.min(4, Math.floor((i * 5) / segs + (util > 1000 ? 1 : 0)))];
      g.fillStyle(on ? colour : 0x28323f, on ? 1 : 1).fillRect(bx + i * (segW + 2), by, segW, 10);
      if (on && util > 1000 && i >= 7) g.lineStyle(2, 0x0f141b).lineBetween(bx + i * (segW + 2), by + 10, bx + i * (segW + 2) + segW, by);
    }
    g.setAlpha(down ? 0.85 : 1);
    this.nameText.setText(host.name).setColor(down ? "#b9a9a4" : COLOURS.text).setVisible(true);
    this.ipText.setText(host.publicIp ? `${host.publicIp} · ${host.privateIp}` : `${host.privateIp} (private)`).setVisible(!flags.lowDetail);
    this.loadText.setText(down ? "—" : monitored ? `CPU ${Math.round(util / 10)}%` : util > 1000 ? "overloaded" : "no agent").setColor(monitored ? COLOURS.text : COLOURS.faint).setVisible(!flags.lowDetail);
    this.layoutBadges(host, hostStatus, svcStatus, flags.lowDetail);
    const status = breached ? "☠ BREACHED: attacker's miner" : down ? `✖ DOWN · ${noteText(host.note) || "failed"}` : starting ? `◐ ${noteText(host.note) || "starting"}…` : serviceTrouble(host, svcStatus);
    this.statusText.setText(status).setVisible(status !== "" && !flags.lowDetail).setColor(breached ? STATUS_CSS.breached : down ? STATUS_CSS.down : starting ? STATUS_CSS.starting : STATUS_CSS.down);
    this.burning = onFire && !flags.lowDetail;
    for (const f of this.flames) f.setVisible(this.burning);
  }

  /**
   * Zoomed far out (a big board) the details are too small to read: a few plain rectangles per
   * card keep the shape language (status, services, load) and cost a fraction to draw.
   */
  private redrawFar(host: Host, hostStatus: RunStatus, svcStatus: RunStatus[], util: number, flags: CardFlags): void {
    const g = this.machine;
    const w = HOST_W;
    const hh = HOST_H;
    const down = hostStatus === "down";
    const edge = host.compromised ? COLOURS.breached : down ? COLOURS.down : hostStatus === "starting" ? COLOURS.starting : flags.selected ? COLOURS.select : COLOURS.border;
    g.fillStyle(down ? COLOURS.cardDown : COLOURS.card, 1).fillRect(-w / 2, -hh / 2, w, hh);
    g.lineStyle(down || flags.selected ? 10 : 5, edge, 1).strokeRect(-w / 2, -hh / 2, w, hh);
    host.services.forEach((svc, i) => {
      const colour = svcStatus[i] === "up" ? SERVICE_COLOURS[svc.kind] : 0x3a4759;
      g.fillStyle(colour, 1).fillRect(-w / 2 + 14 + i * 34, -hh / 2 + 16, 28, 40);
    });
    const load = Math.min(1, util / 1000);
    g.fillStyle(COLOURS.load[Math.min(4, Math.floor(load * 4.99 + (util > 1000 ? 1 : 0)))], 1).fillRect(-w / 2 + 14, hh / 2 - 34, (w - 28) * load, 20);
    if (down) g.lineStyle(12, COLOURS.down, 1).lineBetween(-w / 2, -hh / 2, w / 2, hh / 2).lineBetween(w / 2, -hh / 2, -w / 2, hh / 2);
    for (const t of [this.nameText, this.ipText, this.loadText, this.statusText]) t.setVisible(false);
    for (const img of this.badges) img.setVisible(false);
    for (const l of this.badgeLabels) l.setVisible(false);
    this.burning = false;
    for (const f of this.flames) f.setVisible(false);
  }

  private layoutBadges(host: Host, hostStatus: RunStatus, svcStatus: RunStatus[], lowDetail: boolean): void {
    const n = host.services.length;
    // Room for a label under each badge when there are few; many badges sit closer, unlabelled.
    const spacing = n <= 4 ? 42 : (HOST_W - 24 - BADGE) / Math.max(1, n - 1);
    const x0 = -HOST_W / 2 + 12 + BADGE / 2 + (n <= 4 ? 3 : 0);
    const y = 4;
    this.badges.forEach((img, i) => {
      const svc = host.services[i];
      const label = this.badgeLabels[i];
      if (!svc) { img.setVisible(false); label.setVisible(false); return; }
      const x = x0 + i * spacing;
      img.setTexture(`svc-${svc.kind}`).setDisplaySize(BADGE, BADGE).setPosition(x, y).setVisible(true);
      const st = svcStatus[i];
      img.setAlpha(st === "up" && hostStatus !== "down" ? 1 : 0.35);
      const role = svc.kind === "db" ? (svc.role === "primary" ? "▲" : "▽") : "";
      const mark = st === "down" ? "✖" : st === "starting" ? "…" : "";
      label.setText(`${role}${SVC_SHORT[svc.kind]}${mark}`).setPosition(x, y + BADGE / 2 + 1).setVisible(!lowDetail && n <= 4);
      label.setColor(st === "down" ? STATUS_CSS.down : st === "starting" ? STATUS_CSS.starting : COLOURS.muted);
    });
  }
}

function serviceTrouble(host: Host, svcStatus: RunStatus[]): string {
  const bad: AnyService | undefined = host.services.find((_s, i) => svcStatus[i] === "down");
  if (bad) return `✖ ${SVC_SHORT[bad.kind]} ${noteText(bad.note) || "down"}`;
  const starting = host.services.find((_s, i) => svcStatus[i] === "starting");
  if (starting) return `◐ ${SVC_SHORT[starting.kind]}: ${noteText(starting.note) || "starting"}…`;
  return "";
}

function dashedRect(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, colour: number): void {
  g.lineStyle(2, colour, 1);
  const dash = 8;
  const gap = 6;
  const edge = (x1: number, y1: number, x2: number, y2: number) => {
    const len = Math.hypot(x2 - x1, y2 - y1);
    for (let d = 0; d < len; d += dash + gap) {
      const a = d / len;
      const b = Math.min(len, d + dash) / len;
      g.lineBetween(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b);
    }
  };
  edge(x, y, x + w, y);
  edge(x + w, y, x + w, y + h);
  edge(x + w, y + h, x, y + h);
  edge(x, y + h, x, y);
}

// The board: reads the session every frame and draws it. Hosts, links, the internet and DNS, the
// request dots. Clicks and drags are reported to the page (BoardModel); nothing here changes the
// game.
import Phaser from "phaser";
import { resolveName } from "../../shared/index.js";
import { layoutBoard, type BoardLayout } from "../logic/boardLayout.js";
import type { BoardModel } from "./boardModel.js";
import { CameraControl } from "./cameraControl.js";
import { DotLayer } from "./DotLayer.js";
import { EdgeNodes } from "./EdgeNodes.js";
import { HostCard } from "./HostCard.js";
import { LinkLayer } from "./LinkLayer.js";
import { PairLayer } from "./PairLayer.js";
import { COLOURS } from "./palette.js";
import { onCanvas } from "./pointerGuard.js";
import { PresenceLayer } from "./PresenceLayer.js";

const LINK_REDRAW_MS = 100;

export class BoardScene extends Phaser.Scene {
  private layout!: BoardLayout;
  private layoutKey = "";
  private readonly cards = new Map<number, HostCard>();
  links!: LinkLayer;
  private pairs!: PairLayer;
  private dotLayer!: DotLayer;
  private edges!: EdgeNodes;
  grid!: Phaser.GameObjects.Graphics;
  private headers: Phaser.GameObjects.Text[] = [];
  private cameraControl!: CameraControl;
  private lastLinks = 0;
  private hovered: number | null = null;
  private dragging: number | null = null;
  private pressed: number | null = null;
  private boundsKey = "";
  private presence: PresenceLayer | null = null;

  constructor(private readonly model: BoardModel) {
    super("board");
  }

  create(): void {
    this.cameras.main.setBackgroundColor(COLOURS.background);
    this.grid = this.add.graphics().setDepth(-10);
    this.links = new LinkLayer(this);
    this.pairs = new PairLayer(this);
    this.dotLayer = new DotLayer(this, this.model.dots);
    this.edges = new EdgeNodes(this, (w) => this.model.edgeClicked(w));
    this.cameraControl = new CameraControl(this, () => { if (!this.presence?.pinged) this.model.backgroundClicked(); });
    if (this.model.presence) this.presence = new PresenceLayer(this, this.model.presence);
    this.input.on("dragstart", (p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      if (obj instanceof HostCard && onCanvas(this, p)) this.dragging = obj.hostId;
    });
    this.input.on("drag", (_p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject, x: number, y: number) => {
      if (!(obj instanceof HostCard) || this.dragging !== obj.hostId) return;
      obj.setPosition(x, y);
      this.layout.hosts.set(obj.hostId, { x, y });
    });
    this.input.on("dragend", (p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      if (!(obj instanceof HostCard) || this.dragging !== obj.hostId) return;
      this.dragging = null;
      const moved = Phaser.Math.Distance.Between(p.downX, p.downY, p.upX, p.upY) > 6;
      if (moved) this.model.hostDragged(obj.hostId, { x: obj.x, y: obj.y });
    });
    // A click is a press and a release on the same card: a release after clicking a DOM panel
    // floating over the canvas must not select what lies beneath.
    this.input.on("gameobjectdown", (p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      this.pressed = obj instanceof HostCard && onCanvas(this, p) ? obj.hostId : null;
    });
    this.input.on("gameobjectup", (p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      const same = obj instanceof HostCard && this.pressed === obj.hostId;
      this.pressed = null;
      if (same && !this.presence?.pinged && Phaser.Math.Distance.Between(p.downX, p.downY, p.upX, p.upY) <= 6) this.model.hostClicked((obj as HostCard).hostId);
    });
    this.input.on("gameobjectover", (_p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      if (obj instanceof HostCard) this.hovered = obj.hostId;
    });
    this.input.on("gameobjectout", (_p: Phaser.Input.Pointer, obj: Phaser.GameObjects.GameObject) => {
      if (obj instanceof HostCard && this.hovered === obj.hostId) this.hovered = null;
    });
    this.scale.on("resize", () => {
      if (!this.cameraControl.manual && this.layout) this.cameraControl.fit(this.layout);
    });
    this.relayout(true);
    this.model.ready();
  }

  fit(): void {
    if (this.layout) this.cameraControl.fit(this.layout);
  }

  zoom(factor: number): void {
    this.cameraControl.zoomAt(factor);
  }

  centre(hostId: number | null): { x: number; y: number } {
    const p = hostId !== null ? this.layout?.hosts.get(hostId) : undefined;
    if (p) return { x: p.x, y: p.y };
    const v = this.cameras.main.worldView;
    return { x: v.centerX, y: v.centerY };
  }

  private relayout(force: boolean): void {
    const s = this.model.session.state;
    // The www record decides which servers are wired in (boardLayout.ts), so it is part of the key.
    const key = `${s.topologyVersion}|${s.hosts.length}|${resolveName(s).join(",")}|${[...this.model.pinned].map(([id, p]) => `${id}:${p.x},${p.y}`).join(";")}`;
    if (!force && key === this.layoutKey) return;
    if (this.dragging !== null) return;
    this.layoutKey = key;
    this.layout = layoutBoard(s, this.model.pinned);
    const b = this.layout.bounds;
    const bk = `${Math.round(b.x)},${Math.round(b.y)},${Math.round(b.w)},${Math.round(b.h)}`;
    if (bk !== this.boundsKey) {
      this.boundsKey = bk;
      this.drawGrid();
      if (!this.cameraControl.manual) this.cameraControl.fit(this.layout);
    }
    this.headers.forEach((t) => t.destroy());
    this.headers = this.layout.columns.map((c) => this.add.text(c.x, c.y, c.label.toUpperCase(), { fontFamily: "Inter, system-ui, sans-serif", fontSize: "13px", color: COLOURS.faint, fontStyle: "bold" }).setOrigin(0.5).setResolution(2).setDepth(0));
  }

  private drawGrid(): void {
    const b = this.layout.bounds;
    const pad = 1600;
    const g = this.grid;
    g.clear();
    const x0 = Math.floor((b.x - pad) / 40) * 40;
    const y0 = Math.floor((b.y - pad) / 40) * 40;
    const x1 = b.x + b.w + pad;
    const y1 = b.y + b.h + pad;
    // Two paths, minor and major lines: a single stroke each, however big the board.
    for (const major of [false, true]) {
      g.lineStyle(1, major ? COLOURS.gridMajor : COLOURS.grid, 1);
      g.beginPath();
      for (let x = x0; x <= x1; x += 40) if ((x % 200 === 0) === major) { g.moveTo(x, y0); g.lineTo(x, y1); }
      for (let y = y0; y <= y1; y += 40) if ((y % 200 === 0) === major) { g.moveTo(x0, y); g.lineTo(x1, y); }
      g.strokePath();
    }
  }

  override update(time: number, delta: number): void {
    const model = this.model;
    const state = model.session.state;
    this.relayout(false);
    // Cards: add new hosts, drop sold ones, sync the rest.
    const seen = new Set<number>();
    const report = model.session.game.report();
    const lowDetail = this.cameras.main.zoom < 0.45;
    state.hosts.forEach((host, i) => {
      seen.add(host.id);
      let card = this.cards.get(host.id);
      if (!card) {
        card = new HostCard(this, host.id);
        card.setDepth(3).setInteractive({ useHandCursor: true, draggable: true });
        this.cards.set(host.id, card);
        const p = this.layout.hosts.get(host.id);
        if (p && !model.reducedMotion) {
          // A new machine drops into place.
          card.setPosition(p.x, p.y - 40).setAlpha(0);
          this.tweens.add({ targets: card, y: p.y, alpha: 1, duration: 350, ease: "Back.easeOut" });
        }
      }
      const p = this.layout.hosts.get(host.id);
      if (p && this.dragging !== host.id && !this.tweens.isTweening(card)) card.setPosition(p.x, p.y);
      const util = i < report.hostUtil.length ? report.hostUtil[i] : host.utilPermille;
      card.sync(state, host, util, {
        selected: model.selection.hostId === host.id,
        connectSource: model.selection.connectFrom === host.id,
        hovered: this.hovered === host.id,
        reducedMotion: model.reducedMotion,
        lowDetail,
      }, time);
    });
    for (const [id, card] of this.cards) {
      if (!seen.has(id)) {
        card.destroy();
        this.cards.delete(id);
      }
    }
    const lanes = model.lanes();
    if (time - this.lastLinks >= LINK_REDRAW_MS || this.dragging !== null) {
      this.lastLinks = time;
      this.links.draw(state, this.layout, lanes, model.selection.connectFrom, this.cameras.main.zoom);
    }
    this.pairs.draw(state, this.layout, report);
    model.dots.update(delta / 1000, model.session.speed, lanes, (id) => this.layout.hosts.has(id));
    this.dotLayer.draw(this.layout);
    this.edges.sync(state, report, this.layout);
    this.presence?.update(time);
  }
}

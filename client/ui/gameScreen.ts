// The game screen: HUD on top, alerts and goal on the left, the board in the middle, the selected
// server (or the site) on the right. It owns the animation frame that drives the simulation and
// refreshes the panels; the board (Phaser) is loaded lazily and only reads.
import { incidentText, SCENARIOS, nines, score, slaPermyriad, type Command, type Incident } from "../../shared/index.js";
import type { BoardHandle, BoardModel, BoardSelection, PresenceModel } from "../board/boardModel.js";
import type { Point } from "../logic/boardLayout.js";
import { SPEEDS } from "../logic/fixedStep.js";
import { RepeatFilter } from "../logic/incidentGroups.js";
import { recordResult } from "../logic/progress.js";
import { writeSlot } from "../logic/saveSlots.js";
import type { GameSession } from "../logic/session.js";
import { focusKeepsKey, shortcutFor, steppedHost } from "../logic/shortcuts.js";
import { computeLanes, type Lane } from "../logic/trafficLanes.js";
import { DEFAULT_DOTS, REDUCED_DOTS, TrafficDots } from "../logic/trafficDots.js";
import { stepsFor } from "../logic/tutorial.js";
import { actionButton } from "./actionButton.js";
import type { App } from "./app.js";
import { AuditPanel } from "./auditPanel.js";
import type { CoopPanel } from "./coopPanel.js";
import { BuildBar } from "./buildBar.js";
import { Dashboard } from "./dashboard.js";
import { showDeployDialog } from "./deployDialog.js";
import { showDnsDialog } from "./dnsDialog.js";
import { h } from "./dom.js";
import { showEndScreen } from "./endScreen.js";
import { FailingNow } from "./failingNow.js";
import { GoalPanel } from "./goalPanel.js";
import { Hud } from "./hud.js";
import { IncidentFeed } from "./incidentFeed.js";
import { showInfoCard, showLibrary } from "./infoDialog.js";
import { Inspector } from "./inspector.js";
import { closeModal, modalOpen, watchModals } from "./modal.js";
import { undoneWords } from "../logic/actionWords.js";
import { showSaveDialog } from "./saveDialog.js";
import { showShortcuts } from "./shortcutsDialog.js";
import { SitePanel } from "./sitePanel.js";
import { sounds } from "./sound.js";
import { mountToasts, toast } from "./toast.js";
import { TutorialCoach } from "./tutorialCoach.js";

const PANEL_REFRESH_MS = 150;

/** What a co-op game adds to the screen (see coopGame.ts); solo has none. */
export interface CoopHooks {
  panel: CoopPanel;
  presence: PresenceModel;
  /** Called with each panel refresh. */
  refresh(): void;
  /** The run ended: the co-op debrief (host picks what is next). */
  ended(): void;
  /** The menu button: leave the room. */
  leave(): void;
  /** Why this player may not pause or change the speed (the host limited it), or null. */
  pauseLock(): string | null;
}

export interface ScreenOptions {
  bench: boolean;
  positions?: ReadonlyMap<number, Point>;
  coop?: CoopHooks;
}
const AUTOSAVE_MS = 30_000;

export class GameScreen {
  readonly el: HTMLElement;
  readonly selection: BoardSelection = { hostId: null, connectFrom: null };
  readonly pinned = new Map<number, Point>();
  readonly dots: TrafficDots;
  private lanesCache: Lane[] = [];
  private readonly repeats = new RepeatFilter();
  private readonly hud: Hud;
  private readonly goal: GoalPanel;
  private readonly failing: FailingNow;
  private readonly feed: IncidentFeed;
  private readonly auditPanel: AuditPanel;
  private readonly inspector: Inspector;
  private readonly site: SitePanel;
  private readonly buildBar: BuildBar;
  private readonly dashboard: Dashboard;
  private readonly right = h("aside", { class: "side right" });
  private readonly left = h("aside", { class: "side left" });
  private readonly boardEl = h("div", { id: "board" });
  private readonly loadingEl = h("div", { class: "board-loading" }, h("div", null, "Loading the board…"), h("div", { class: "progress" }, h("div", null)));
  private readonly connectBanner = h("div", { class: "connect-banner hidden" });
  private readonly boardWrap: HTMLElement;
  private coach: TutorialCoach | null = null;
  /** Solo: the release of the pause an open dialog holds. */
  private dialogHold: (() => void) | null = null;
  private dashboardHold: (() => void) | null = null;
  board: BoardHandle | null = null;
  private raf = 0;
  private lastFrame = 0;
  private lastRefresh = 0;
  private lastAutosave = 0;
  private lastDashboard = 0;
  private destroyed = false;
  private readonly offs: (() => void)[] = [];
  private readonly onKey = (e: KeyboardEvent) => this.key(e);

  constructor(private readonly app: App, readonly session: GameSession, private readonly opts: ScreenOptions) {
    for (const [id, p] of opts.positions ?? []) this.pinned.set(id, { ...p });
    this.dots = new TrafficDots(app.settings.reducedMotion ? REDUCED_DOTS : DEFAULT_DOTS);
    this.hud = new Hud(session, {
      dashboard: () => this.toggleDashboard(),
      // A room's run is kept by the room: no saving (it would also pause everyone).
      save: opts.coop ? null : () => this.openSave(),
      settings: () => app.openSettings(),
      help: () => showShortcuts(),
      menu: () => this.leave(),
      pauseLock: opts.coop ? () => opts.coop!.pauseLock() : undefined,
    });
    this.goal = new GoalPanel(session);
    this.failing = new FailingNow(session);
    this.feed = new IncidentFeed(session);
    this.auditPanel = new AuditPanel(session);
    this.inspector = new Inspector(session, { startConnect: (id) => this.startConnect(id), deselect: () => this.select(null) });
    this.site = new SitePanel(session, { select: (id) => this.select(id), dns: () => showDnsDialog(session) });
    this.buildBar = new BuildBar(session, { dns: () => showDnsDialog(session), deploy: () => showDeployDialog(session), library: () => showLibrary() });
    this.dashboard = new Dashboard(session, () => this.toggleDashboard());
    this.boardWrap = h("main", { class: "board-wrap", "aria-label": "Board" },
      this.boardEl, this.loadingEl,
      h("div", { class: "legend", "aria-label": "Legend" },
        h("span", null, h("b", { style: "color:#56b4e9" }, "●"), " static"),
        h("span", null, h("b", { style: "color:#009e73" }, "■"), " read"),
        h("span", null, h("b", { style: "color:#f0e442" }, "◆"), " write"),
        h("span", null, h("b", { style: "color:#d55e00" }, "✸"), " attack"),
        h("span", null, h("b", { style: "color:#ff6b6b" }, "✖"), " failed, bouncing back"),
      ),
      h("div", { class: "board-tools" },
        h("button", { class: "btn icon small", type: "button", title: "Zoom in", onclick: () => this.board?.zoom(1.2) }, "+"),
        h("button", { class: "btn icon small", type: "button", title: "Zoom out", onclick: () => this.board?.zoom(1 / 1.2) }, "−"),
        h("button", { class: "btn icon small", type: "button", title: "Fit the board (F)", onclick: () => this.board?.fit() }, "⤢"),
      ),
      this.connectBanner,
      opts.coop?.panel.overlay ?? null,
      this.buildBar.el,
      this.dashboard.el,
    );
    this.el = h("div", { class: "screen game", "data-screen": "game" },
      this.hud.el,
      this.left,
      this.boardWrap,
      this.right,
    );
    this.left.append(...(opts.coop ? [opts.coop.panel.el] : []), this.goal.el, this.failing.el, this.feed.el, this.auditPanel.el);
    mountToasts(this.boardWrap);
  }

  mount(): void {
    this.offs.push(
      this.session.on("alert", (i) => this.alert(i)),
      this.session.on("applied", (cmd, _by, mine) => this.applied(cmd, mine)),
      this.session.on("refused", (reason) => this.refused(reason)),
      this.session.on("ended", () => this.ended()),
    );
    if (!this.opts.coop && !this.opts.bench) this.offs.push(watchModals((open) => this.dialogChanged(open)));
    document.addEventListener("keydown", this.onKey);
    const steps = this.opts.bench ? [] : stepsFor(this.session.state.scenario);
    if (steps.length && this.app.settings.tutorial && this.session.state.tick < 50) {
      // Solo, the coach pauses while the player reads; a room's clock is everyone's.
      const hold = this.opts.coop ? null : () => this.session.holdForDialog();
      this.coach = new TutorialCoach(this.session, steps, hold, () => (this.coach = null));
      this.left.prepend(this.coach.el);
    }
    this.refresh(true);
    this.lastFrame = performance.now();
    this.lastAutosave = this.lastFrame;
    this.raf = requestAnimationFrame((t) => this.frame(t));
    void this.loadBoard();
  }

  private async loadBoard(): Promise<void> {
    const bar = this.loadingEl.querySelector(".progress > div") as HTMLElement;
    bar.style.width = "15%";
    try {
      const mod = await this.app.loadBoard();
      if (this.destroyed) return;
      bar.style.width = "40%";
      this.board = mod.startBoard(this.boardEl, this.model());
    } catch (e) {
      this.loadingEl.replaceChildren(h("div", { class: "error" }, `The board could not load (${e instanceof Error ? e.message : String(e)}). Reload the page to try again; your game keeps running.`));
    }
  }

  private model(): BoardModel {
    const self = this;
    return {
      session: this.session,
      dots: this.dots,
      selection: this.selection,
      pinned: this.pinned,
      get reducedMotion() { return self.app.settings.reducedMotion; },
      set reducedMotion(_v: boolean) {},
      lanes: () => this.lanesCache,
      hostClicked: (id) => this.hostClicked(id),
      backgroundClicked: () => { if (this.selection.connectFrom !== null) this.cancelConnect(); else this.select(null); },
      edgeClicked: (which) => (which === "dns" ? showDnsDialog(this.session) : showInfoCard("domain")),
      hostDragged: (id, p) => this.pinned.set(id, p),
      presence: this.opts.coop?.presence,
      loading: (p) => { (this.loadingEl.querySelector(".progress > div") as HTMLElement | null)?.style.setProperty("width", `${40 + p * 60}%`); },
      ready: () => this.loadingEl.classList.add("hidden"),
    };
  }

  private frame(now: number): void {
    if (this.destroyed) return;
    const dt = now - this.lastFrame;
    this.lastFrame = now;
    const ran = this.session.frame(dt);
    if (ran > 0) computeLanes(this.session.state, this.session.game.report(), this.lanesCache);
    if (now - this.lastRefresh >= PANEL_REFRESH_MS) this.refresh(false);
    if (!this.opts.bench && !this.opts.coop && now - this.lastAutosave > AUTOSAVE_MS && !this.session.state.ended) {
      this.lastAutosave = now;
      writeSlot(this.app.store, "auto", this.session.game, Date.now(), this.pinned);
    }
    this.raf = requestAnimationFrame((t) => this.frame(t));
  }

  private refresh(force: boolean): void {
    this.lastRefresh = performance.now();
    this.hud.refresh(this.lastRefresh);
    this.goal.refresh();
    this.failing.refresh();
    this.feed.refresh();
    this.auditPanel.refresh();
    this.buildBar.refresh();
    const selected = this.selection.hostId !== null && this.session.state.hosts.some((x) => x.id === this.selection.hostId) ? this.selection.hostId : null;
    if (selected === null && this.selection.hostId !== null) this.selection.hostId = null;
    const panel = selected !== null ? this.inspector.el : this.site.el;
    if (this.right.firstChild !== panel || force) this.right.replaceChildren(panel);
    if (selected !== null) this.inspector.refresh(selected);
    else this.site.refresh();
    this.coach?.refresh();
    this.opts.coop?.refresh();
    // Charts move once a second of play at most; redrawing them faster only costs.
    if (this.dashboard.open && (force || this.lastRefresh - this.lastDashboard >= 500)) {
      this.lastDashboard = this.lastRefresh;
      this.dashboard.refresh();
    }
  }

  select(id: number | null): void {
    this.selection.hostId = id;
    this.refresh(true);
  }

  private hostClicked(id: number): void {
    const from = this.selection.connectFrom;
    if (from === null) return this.select(id);
    if (from === id) return this.cancelConnect();
    const verdict = this.session.apply({ type: "connect", from, to: id });
    if (!verdict.ok) this.refused(verdict.reason);
    this.cancelConnect();
  }

  private startConnect(id: number): void {
    const name = this.session.state.hosts.find((x) => x.id === id)?.name ?? "";
    this.selection.connectFrom = id;
    // The board is a canvas: the same choice as buttons keeps wiring possible from the keyboard.
    const targets = this.session.state.hosts.filter((x) => x.id !== id).slice(0, 10).map((x) =>
      actionButton(this.session, x.name, () => ({ type: "connect", from: id, to: x.id }), { cls: "small", then: () => this.cancelConnect() }).el);
    this.connectBanner.replaceChildren(
      h("span", null, `Connect ${name} to: click a server, or pick one`),
      h("span", { class: "connect-targets", role: "group", "aria-label": `Servers to connect ${name} to` }, targets),
      h("button", { class: "btn small", type: "button", onclick: () => this.cancelConnect() }, "Cancel (Esc)"));
    this.connectBanner.classList.remove("hidden");
    (targets.find((b) => b.getAttribute("aria-disabled") === "false") ?? targets[0])?.focus();
  }

  private cancelConnect(): void {
    this.selection.connectFrom = null;
    this.connectBanner.classList.add("hidden");
  }

  /** A refused action says why, with the validator's words (now, or when the room answers). */
  private refused(reason: string): void {
    toast(reason ? reason[0].toUpperCase() + reason.slice(1) : "Refused.", "warn");
    if (this.app.settings.sound) sounds.refuse();
  }

  private applied(cmd: Command, mine: boolean): void {
    // Others' actions show in the co-op feed; only the player's own select and announce.
    if (!mine) return this.refresh(true);
    if (cmd.type === "buyHost") {
      const newest = this.session.state.hosts[this.session.state.hosts.length - 1];
      if (newest) this.select(newest.id);
      toast(`Bought ${newest?.name ?? "a server"}: it boots in a few seconds.`, "ok");
    }
    if (cmd.type === "copyHost") {
      const copy = this.session.state.hosts[this.session.state.hosts.length - 1];
      const source = this.session.state.hosts.find((x) => x.id === cmd.host);
      if (copy) this.select(copy.id);
      toast(`Bought ${copy?.name ?? "a server"} set up like ${source?.name ?? "the original"}: it boots, then installs its software. Connect it where it belongs.`, "ok");
    }
    if (this.app.settings.sound) sounds.ok();
    this.refresh(true);
  }

  /** Solo, the clock waits while a dialog is open and resumes at its speed when it closes. */
  private dialogChanged(open: boolean): void {
    if (open) this.dialogHold ??= this.session.holdForDialog();
    else {
      this.dialogHold?.();
      this.dialogHold = null;
    }
  }

  private alert(i: Incident): void {
    if (i.severity === "info" || !this.repeats.announce(i)) return;
    if (this.app.settings.pauseOnIncident && !this.opts.coop && !this.opts.bench) this.session.setSpeed(0);
    toast(incidentText(i).title, i.severity === "critical" ? "alert" : "warn", 6000);
    if (this.app.settings.sound) (i.severity === "critical" ? sounds.critical : sounds.alert)();
  }

  private ended(): void {
    this.refresh(true);
    if (this.opts.bench) return;
    if (this.opts.coop) return this.opts.coop.ended();
    const s = this.session.state;
    const result = { outcome: s.ended!.outcome, score: score(s), slaPermyriad: slaPermyriad(s), nines: nines(s), ticks: s.tick };
    const newBest = recordResult(this.app.store, s.scenario, result);
    const idx = SCENARIOS.findIndex((x) => x.id === s.scenario);
    const next = s.ended!.outcome === "won" && idx >= 0 && idx + 1 < SCENARIOS.length ? SCENARIOS[idx + 1] : null;
    showEndScreen(this.session, newBest, {
      retry: () => this.app.startScenario(this.session.game.scenario),
      next: next ? () => this.app.startScenario(next) : null,
      chapters: () => this.app.showChapters(),
      keepWatching: () => {},
    });
  }

  private toggleDashboard(): void {
    if (this.dashboard.open) this.hideDashboard();
    else {
      // Solo, the monitoring view pauses like a dialog (Space plays on with it open).
      this.dashboardHold = this.opts.coop || this.opts.bench ? null : this.session.holdForDialog();
      void this.dashboard.show();
    }
  }

  private hideDashboard(): void {
    this.dashboard.hide();
    this.dashboardHold?.();
    this.dashboardHold = null;
  }

  /** Saving pauses (as every solo dialog does): the file then holds exactly the moment the player chose. */
  private openSave(): void {
    showSaveDialog({ store: this.app.store, game: this.session.game, positions: () => this.pinned, onLoad: (g, at) => this.app.resume(g, at) });
  }

  private leave(): void {
    if (this.opts.coop) return this.opts.coop.leave();
    if (!this.opts.bench && !this.session.state.ended) writeSlot(this.app.store, "auto", this.session.game, Date.now(), this.pinned);
    this.app.showMenu();
  }

  settingsChanged(): void {
    this.dots.clear();
    this.dots.options = this.app.settings.reducedMotion ? REDUCED_DOTS : DEFAULT_DOTS;
  }

  private key(e: KeyboardEvent): void {
    const typing = focusKeepsKey(e.target as HTMLInputElement | null, e.key);
    const action = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, targetIsInput: typing });
    if (!action) return;
    if (modalOpen() && action !== "save") return;
    e.preventDefault();
    const s = this.session;
    switch (action) {
      case "pause": {
        const lock = this.opts.coop?.pauseLock() ?? null;
        if (lock) toast(lock, "warn");
        else s.togglePause();
        break;
      }
      case "speed1": s.setSpeed(SPEEDS[1]); break;
      case "speed2": s.setSpeed(SPEEDS[2]); break;
      case "speed4": s.setSpeed(SPEEDS[3]); break;
      case "speed8": s.setSpeed(SPEEDS[4]); break;
      case "dashboard": this.toggleDashboard(); break;
      case "buy": (this.buildBar.el.querySelector("[data-tutorial=buy-server]") as HTMLButtonElement | null)?.click(); break;
      case "dns": showDnsDialog(s); break;
      case "connect": if (this.selection.hostId !== null) this.startConnect(this.selection.hostId); break;
      case "copy": (this.inspector.el.querySelector("[data-tutorial=copy-setup]") as HTMLButtonElement | null)?.click(); break;
      case "fit": this.board?.fit(); break;
      case "undo": {
        const what = undoneWords(s.state, s.me);
        const v = s.apply({ type: "undo" });
        if (!v.ok) this.refused(v.reason);
        else if (!this.opts.coop) toast(what ? `Undone: ${what}.` : "Undone.", "ok");
        break;
      }
      case "save":
        if (this.opts.coop) { toast("A room's game is kept by the room: saving is for solo games.", "info"); break; }
        if (modalOpen()) closeModal();
        this.openSave();
        break;
      case "ping": {
        if (!this.opts.coop || !this.board) break;
        const p = this.board.centre(this.selection.hostId);
        this.opts.coop.presence.pingAt(p.x, p.y);
        break;
      }
      case "nextHost":
      case "prevHost":
        this.select(steppedHost(s.state.hosts.map((x) => x.id), this.selection.hostId, action === "nextHost" ? 1 : -1));
        break;
      case "info": showLibrary(); break;
      case "help": showShortcuts(); break;
      case "cancel":
        if (this.dashboard.open) this.hideDashboard();
        else if (this.selection.connectFrom !== null) this.cancelConnect();
        else this.select(null);
        break;
    }
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.raf);
    document.removeEventListener("keydown", this.onKey);
    for (const off of this.offs) off();
    this.dialogHold = null;
    this.dashboard.hide();
    this.board?.destroy();
    this.board = null;
  }
}

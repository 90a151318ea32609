// A co-op room from the player's side: the connection, the lobby, and the game played by the
// room's turns. It routes each room message to the part that owns it (turns and hashes to the
// lockstep clock, refusals to the sink, pings to the board, notices to the feed) and decides which
// screen shows: the lobby until the room's first snapshot of a game, then the game.
import { findScenario, type Game, type NoticeMessage, type PingMessage, type RejectedMessage, type Role, type SnapshotMessage } from "../../shared/index.js";
import type { PresenceModel } from "../board/boardModel.js";
import { describeAction } from "../logic/actionWords.js";
import type { Speed } from "../logic/fixedStep.js";
import { LockstepClock } from "../logic/lockstep.js";
import { GameSession } from "../logic/session.js";
import { RoomSink } from "../logic/sinks.js";
import { Throttle } from "../logic/throttle.js";
import { RoomLink, type LinkHandlers, type LinkStatus } from "../net/roomLink.js";
import type { PlayerMeta, RoomMeta } from "../net/roomMeta.js";
import type { SeatMemory } from "../net/seat.js";
import type { App } from "./app.js";
import { coopEndFooter } from "./coopEnd.js";
import { CoopPanel } from "./coopPanel.js";
import { h } from "./dom.js";
import { showEndScreen } from "./endScreen.js";
import type { GameScreen } from "./gameScreen.js";
import { LobbyScreen } from "./lobbyScreen.js";
import { toast } from "./toast.js";

const CURSOR_INTERVAL_MS = 100;
/** If a running room sent no snapshot this long after joining, ask for one. */
const SNAPSHOT_WAIT_MS = 3000;

/**
 * What makes a room something other than a plain co-op room (a classroom's team room): its own
 * waiting screen instead of the co-op lobby, its own messages, its own end footer, and who may pause.
 */
export interface RoomFlavour {
  waitingScreen(): HTMLElement;
  message(type: string, msg: unknown): void;
  endFooter(): HTMLElement | null;
  pauseLock(): string | null;
  /** The game (re)started from the room's snapshot. */
  started?(): void;
}

export class CoopGame implements LinkHandlers {
  link!: RoomLink;
  clock: LockstepClock | null = null;
  session: GameSession | null = null;
  private screen: GameScreen | null = null;
  private lobby: LobbyScreen | null = null;
  private panel: CoopPanel | null = null;
  private readonly banner = h("div", { class: "room-banner link hidden", role: "alert", "data-banner": "link" });
  private pings: { x: number; y: number; name: string; colour: string }[] = [];
  private readonly cursor = new Throttle<{ x: number; y: number }>(CURSOR_INTERVAL_MS, (p) => this.link.send("cursor", p));
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private left = false;
  /** Set while the debrief is up, so a later new game knows to replace it. */
  private endShown = false;
  /** Pings from others received so far (the tests read it through the debug hook). */
  private pingsReceived = 0;

  private waiting: HTMLElement | null = null;

  constructor(private readonly app: App, private readonly seats: SeatMemory, private readonly flavour: RoomFlavour | null = null) {}

  async create(name: string): Promise<void> {
    this.link = await RoomLink.create(name, this.seats, this);
    this.entered();
  }

  async join(code: string, name: string, extra: Record<string, unknown> = {}): Promise<void> {
    this.link = await RoomLink.join(code, name, this.seats, this, undefined, extra);
    this.entered();
  }

  other(type: string, msg: unknown): void {
    this.flavour?.message(type, msg);
  }

  private entered(): void {
    document.body.appendChild(this.banner);
    // Closing or reloading the tab: no reconnection attempts from a page that is going away.
    addEventListener("pagehide", () => this.link.abandon(), { once: true });
    if (!this.flavour) history.replaceState(null, "", `/?room=${encodeURIComponent(this.link.code)}`);
    this.render();
    this.snapshotTimer = setTimeout(() => {
      if (!this.session && this.meta.phase !== "lobby") this.link.send("resync", {});
    }, SNAPSHOT_WAIT_MS);
  }

  get meta(): RoomMeta {
    return this.link.meta;
  }

  get me(): string {
    return this.link.sessionId;
  }

  player(id: string): PlayerMeta | null {
    return this.meta.players.find((p) => p.id === id) ?? null;
  }

  // ---- room messages ------------------------------------------------------------------------

  turn: LinkHandlers["turn"] = (msg) => this.clock?.onTurn(msg);
  hash: LinkHandlers["hash"] = (msg) => this.clock?.onHash(msg);

  snapshot(msg: SnapshotMessage): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    const current = this.session;
    if (current && this.clock && msg.reason !== "new-game") {
      const game = this.clock.onSnapshot(msg);
      if (sameRun(current.game, game)) {
        current.replaceGame(game);
        return;
      }
    }
    this.startSession(msg);
  }

  rejected(msg: RejectedMessage): void {
    const sink = this.session?.sink;
    if ((msg.type === undefined || msg.type === "cmd") && sink instanceof RoomSink && this.session) {
      this.session.emit("refused", msg.reason, sink.rejected(msg.seq));
    } else if (this.lobby) {
      this.lobby.say(`✖ ${msg.reason}`);
    } else {
      toast(msg.reason, "warn");
    }
  }

  ping(msg: PingMessage): void {
    if (msg.by === this.me || !this.session) return; // our own is shown already; no board, no ping
    this.pingsReceived++;
    if (this.pings.length > 16) return; // the board is not drawing (hidden tab): do not pile up
    const p = this.player(msg.by);
    this.pings.push({ x: msg.x, y: msg.y, name: p?.name ?? "someone", colour: p?.colour ?? "#f4f4f5" });
  }

  notice(msg: NoticeMessage): void {
    const who = this.player(msg.by);
    // The room's sentence may start with the name; the feed shows the name as its own tag.
    const text = who && msg.text.startsWith(who.name) ? msg.text.slice(who.name.length).trim() : msg.text;
    if (msg.kind === "paused" && this.panel) this.panel.pausedBy = who?.name ?? null;
    if (msg.kind === "resumed" && this.panel) this.panel.pausedBy = null;
    this.panel?.add(this.session?.game.tick ?? null, who, text, "room");
  }

  metaChanged(): void {
    if (this.left) return;
    if (this.lobby || this.waiting || (this.session && this.meta.phase === "lobby")) this.render();
  }

  status(status: LinkStatus, detail: string): void {
    if (status === "connected") {
      this.showBanner(null);
      toast("Reconnected: back in the room.", "ok");
      return;
    }
    if (status === "reconnecting") return this.showBanner(`⟳ ${detail} The game continues for the others; you will catch up.`);
    this.showBanner(`✖ ${detail}`, [
      h("button", { class: "btn small", type: "button", onclick: () => location.reload() }, "Try again"),
      h("button", { class: "btn small", type: "button", onclick: () => void this.leave() }, "Back to the menu"),
    ]);
  }

  // ---- screens -----------------------------------------------------------------------------

  private render(): void {
    if (this.session && this.meta.phase !== "lobby") return;
    if (this.session && this.meta.phase === "lobby") {
      // The host went back to the lobby: the game is over for this round.
      this.session = null;
      this.clock = null;
      this.screen = null;
    }
    if (this.flavour) {
      if (!this.waiting) {
        this.waiting = this.flavour.waitingScreen();
        this.app.showScreen(this.waiting);
      }
      return;
    }
    if (!this.lobby) {
      this.lobby = new LobbyScreen(() => this.me, {
        setup: (scenario, seed) => this.link.send("setup", seed === undefined ? { scenario } : { scenario, seed }),
        start: () => this.link.send("start", {}),
        ready: (ready) => this.link.send("ready", { ready }),
        roles: (enabled) => this.link.send("roles", { enabled }),
        assignRole: (player, role) => this.link.send("assignRole", { player, role }),
        hostOnlyPause: (enabled) => this.link.send("hostOnlyPause", { enabled }),
        leave: () => void this.leave(),
      });
      this.app.showScreen(this.lobby.el);
    }
    this.lobby.refresh(this.meta, this.link.code);
  }

  private startSession(msg: SnapshotMessage): void {
    const clock = new LockstepClock({
      roomSpeed: () => (this.meta.paused ? 0 : this.meta.speed),
      requestSpeed: (speed) => this.requestSpeed(speed),
      requestPause: (paused) => this.link.send("pause", { paused }),
      requestResync: (tick, sections) => this.link.send("resync", sections ? { tick, sections } : { tick }),
    });
    const game = clock.onSnapshot(msg);
    const session = new GameSession(game, {
      me: this.me,
      clock: () => clock,
      sink: (s) => new RoomSink(() => s.game, () => this.actor(), this.link),
    });
    clock.bind(session, session.sink as RoomSink);
    this.clock = clock;
    this.session = session;
    this.lobby = null;
    this.waiting = null;
    this.endShown = false;
    this.panel = new CoopPanel(() => this.me);
    session.on("applied", (cmd, by) => this.panel?.add(session.game.tick, this.player(by), describeAction(cmd, session.state)));
    const presence: PresenceModel = {
      cursors: () => this.meta.players.filter((p) => p.id !== this.me && p.connected && p.cursor).map((p) => ({ id: p.id, name: p.name, colour: p.colour, x: p.cursor!.x, y: p.cursor!.y })),
      takePings: () => this.pings.splice(0),
      pointerMoved: (x, y) => this.cursor.push({ x: Math.round(x), y: Math.round(y) }),
      pingAt: (x, y) => {
        const at = { x: Math.round(x), y: Math.round(y) };
        this.link.send("ping", at);
        const mine = this.player(this.me);
        this.pings.push({ ...at, name: mine?.name ?? "you", colour: mine?.colour ?? "#f4f4f5" });
      },
    };
    this.screen = this.app.play(session, {
      bench: false,
      coop: {
        panel: this.panel,
        presence,
        refresh: () => this.panel?.refresh(this.meta),
        ended: () => this.showDebrief(),
        leave: () => void this.leave(),
        pauseLock: () => this.flavour ? this.flavour.pauseLock() : (this.meta.hostOnlyPause && !this.player(this.me)?.isHost ? `only the host (${this.meta.players.find((p) => p.isHost)?.name ?? "?"}) may pause or change the speed in this room` : null),
      },
    });
    if (game.state.ended) this.showDebrief();
    this.flavour?.started?.();
  }

  private actor(): { id: string; role: Role | null } {
    const me = this.player(this.me);
    return { id: this.me, role: this.meta.rolesEnabled ? me?.role ?? null : null };
  }

  private requestSpeed(speed: Speed): void {
    const meta = this.meta;
    if (speed === 0) {
      if (!meta.paused) this.link.send("pause", { paused: true });
      return;
    }
    if (meta.paused) this.link.send("pause", { paused: false });
    if (meta.speed !== speed) this.link.send("speed", { speed });
  }

  private showDebrief(): void {
    const session = this.session;
    if (!session || this.endShown) return;
    this.endShown = true;
    const footer = this.flavour ? this.flavour.endFooter() : coopEndFooter({
      isHost: () => !!this.player(this.me)?.isHost,
      hostName: () => this.meta.players.find((p) => p.isHost)?.name ?? "the host",
      current: session.state.scenario,
      playAgain: (scenario, seed) => this.link.send("playAgain", seed === undefined ? { scenario } : { scenario, seed }),
      leave: () => void this.leave(),
    });
    showEndScreen(session, false, { retry: () => {}, next: null, chapters: () => {}, keepWatching: () => {} }, footer ?? undefined);
  }

  private showBanner(text: string | null, actions: HTMLElement[] = []): void {
    this.banner.classList.toggle("hidden", text === null);
    if (text !== null) this.banner.replaceChildren(h("span", null, text), ...actions);
  }

  async leave(): Promise<void> {
    this.left = true;
    this.cursor.cancel();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.banner.remove();
    history.replaceState(null, "", "/");
    this.app.coop = null;
    this.app.showMenu();
    await this.link?.leave();
  }

  /** What the tests may read: never a way to change anything. */
  debug() {
    const clock = this.clock;
    return {
      code: this.link?.code ?? null,
      me: this.link ? this.me : null,
      phase: this.link ? this.meta.phase : null,
      players: this.link ? this.meta.players.map((p) => ({ name: p.name, connected: p.connected, isHost: p.isHost, role: p.role })) : [],
      status: this.link?.status ?? null,
      tick: this.session?.game.tick ?? null,
      hashesAgreed: clock?.hashes.agreed ?? 0,
      lastAgreedTick: clock?.hashes.lastAgreedTick ?? -1,
      resyncs: clock?.resyncs ?? 0,
      backlog: clock?.buffer.backlog ?? 0,
      pingsReceived: this.pingsReceived,
      cursors: this.link ? this.meta.players.filter((p) => p.id !== this.me && p.cursor).map((p) => ({ name: p.name, ...p.cursor! })) : [],
    };
  }
}

function sameRun(a: Game, b: Game): boolean {
  return a.state.scenario === b.state.scenario && a.state.seed === b.state.seed && !!findScenario(b.state.scenario);
}

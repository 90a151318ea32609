// The page: which screen is showing, the player's settings and progress, and the lazy loading of
// the board (Phaser), which starts downloading as soon as the menu is on screen.
import type { Game, Scenario } from "../../shared/index.js";
import type { Point } from "../logic/boardLayout.js";
import { loadProgress } from "../logic/progress.js";
import { readSlot, listSlots } from "../logic/saveSlots.js";
import { GameSession } from "../logic/session.js";
import { loadSettings, saveSettings, type Settings } from "../logic/settings.js";
import { browserStore, type KeyValueStore } from "../logic/storage.js";
import { SeatMemory, tabStore } from "../net/seat.js";
import { ClassSeats, takeSeat, type ClassSeat } from "../classroom/classApi.js";
import { ClassroomFlavour } from "../classroom/classroomFlavour.js";
import { joinClassScreen } from "../classroom/joinClassScreen.js";
import { chapterScreen } from "./chapterScreen.js";
import { codeFromInput, coopEntryScreen } from "./coopEntry.js";
import { CoopGame } from "./coopGame.js";
import { GameScreen, type ScreenOptions } from "./gameScreen.js";
import { showLibrary } from "./infoDialog.js";
import { menuScreen } from "./menuScreen.js";
import { closeModal } from "./modal.js";
import { showSaveDialog } from "./saveDialog.js";
import { showSettings } from "./settingsDialog.js";
import { toast } from "./toast.js";

/** Seat memory that remembers nothing: a spectator has no seat to get back into. */
function tabStoreless(): SeatMemory {
  const none: KeyValueStore = { length: 0, key: () => null, getItem: () => null, setItem: () => {}, removeItem: () => {} };
  return new SeatMemory(null, none);
}

export type BoardModule = typeof import("../board/startBoard.js");

export class App {
  readonly store: KeyValueStore = browserStore();
  readonly settings: Settings;
  private screen: HTMLElement | null = null;
  game: GameScreen | null = null;
  private boardModule: Promise<BoardModule> | null = null;
  /** The co-op room this page is in, if any. */
  coop: CoopGame | null = null;
  private readonly seats: SeatMemory;
  private readonly classSeats: ClassSeats;
  /** The class this page is in, if any (its timer bar and result card). */
  classroom: ClassroomFlavour | null = null;

  constructor(private readonly root: HTMLElement) {
    const reduce = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
    this.settings = loadSettings(this.store, reduce);
    this.seats = new SeatMemory(tabStore(), this.store);
    this.classSeats = new ClassSeats(this.store);
    this.applySettings();
  }

  /** `benchGame`: the benchmark's own page (bench/page/) shows its prepared board; the product passes none. */
  start(benchGame: Game | null = null): void {
    if (benchGame) {
      this.play(new GameSession(benchGame), { bench: true });
      return;
    }
    // A class's join link (/join?code=ABCDEF): back into this browser's seat, or the join form.
    if (/\/join\/?$/.test(location.pathname)) {
      const classCode = (new URLSearchParams(location.search).get("code") ?? "").toUpperCase().replace(/[^A-Z]/g, "");
      if (classCode && this.classSeats.tokenFor(classCode)) void this.joinClass(classCode, undefined).catch((e) => this.showJoinClass(classCode, e instanceof Error ? e.message : String(e)));
      else this.showJoinClass(classCode);
      return;
    }
    // The teacher watching a team's board (/watch?room=ID&code=ABCDEF#token=…): a spectator who sends nothing.
    if (/\/watch\/?$/.test(location.pathname)) {
      void this.watchTeam().catch((e) => this.showJoinClass("", e instanceof Error ? e.message : String(e)));
      return;
    }
    // A share link (/?room=CODE) goes straight into that room; a reload gets back into the seat.
    const code = codeFromInput(new URLSearchParams(location.search).get("room") ?? "");
    if (code && this.seats.name) void this.joinRoom(code, this.seats.name).catch((e) => this.showCoop(code, e instanceof Error ? e.message : String(e)));
    else if (code) this.showCoop(code);
    else this.showMenu();
    // Fetch the engine while the player reads the menu; it is not needed to click around.
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void this.loadBoard().catch(() => {}));
  }

  /** The board code (Phaser and the scenes), downloaded once. */
  loadBoard(): Promise<BoardModule> {
    this.boardModule ??= import("../board/startBoard.js");
    return this.boardModule;
  }

  /** Replaces whatever is on screen (closing dialogs and the game). */
  showScreen(el: HTMLElement): void {
    this.show(el);
  }

  private show(el: HTMLElement): void {
    closeModal();
    this.game?.destroy();
    this.game = null;
    this.screen?.remove();
    this.screen = el;
    this.root.appendChild(el);
  }

  showMenu(): void {
    const hasAuto = listSlots(this.store)[0] !== null;
    this.show(menuScreen({
      solo: () => this.showChapters(),
      coop: () => this.showCoop(""),
      classroom: () => this.showJoinClass(""),
      continueGame: hasAuto ? () => this.loadSlot("auto") : null,
      load: () => showSaveDialog({ store: this.store, game: null, onLoad: (g, at) => this.resume(g, at) }),
      settings: () => this.openSettings(),
      library: () => showLibrary(),
    }));
  }

  showChapters(): void {
    this.show(chapterScreen(loadProgress(this.store), (s) => this.startScenario(s), () => this.showMenu()));
  }

  startScenario(scenario: Scenario): void {
    // A fresh seed each run; it lives in the state, so saves and replays keep it.
    const seed = Math.floor(Math.random() * 0xffffffff);
    this.play(GameSession.start(scenario.id, seed), { bench: false });
  }

  resume(game: Game, positions: ReadonlyMap<number, Point> = new Map()): void {
    this.play(new GameSession(game), { bench: false, positions });
    toast(`Loaded: ${game.scenario.title}`, "ok");
  }

  private loadSlot(slot: "auto"): void {
    const result = readSlot(this.store, slot);
    if (result.ok) this.resume(result.game, result.positions);
    else toast(`Could not load the autosave: ${result.reason}`, "warn");
  }

  play(session: GameSession, opts: ScreenOptions): GameScreen {
    const screen = new GameScreen(this, session, opts);
    this.show(screen.el);
    this.game = screen;
    screen.mount();
    return screen;
  }

  /** Play with friends: name, then create a room or join one. */
  showCoop(code: string, error: string | null = null): void {
    this.show(coopEntryScreen(this.seats.name, code, error, {
      create: async (name) => {
        this.seats.name = name;
        const coop = new CoopGame(this, this.seats);
        await coop.create(name);
        this.coop = coop;
      },
      join: (c, name) => {
        this.seats.name = name;
        return this.joinRoom(c, name);
      },
      back: () => {
        history.replaceState(null, "", "/");
        this.showMenu();
      },
    }));
  }

  private async joinRoom(code: string, name: string): Promise<void> {
    const coop = new CoopGame(this, this.seats);
    await coop.join(code, name);
    this.coop = coop;
  }

  /** Join a class: the code and a name, then the team's room. */
  showJoinClass(code: string, error: string | null = null): void {
    this.show(joinClassScreen(this.seats.name, code, error, {
      join: (c, name) => this.joinClass(c, name),
      back: () => {
        history.replaceState(null, "", "/");
        this.showMenu();
      },
    }));
  }

  /** A seat in the class (the kept rejoin token first), then into its room with the seat. */
  private async joinClass(code: string, name: string | undefined): Promise<void> {
    const kept = this.classSeats.tokenFor(code);
    let seat: ClassSeat;
    try {
      seat = await takeSeat(code, kept ? { rejoinToken: kept } : { name });
    } catch (e) {
      if (!kept || name === undefined) throw e;
      // The kept seat is gone (removed, or another class's): join afresh with the name.
      this.classSeats.forget(code);
      seat = await takeSeat(code, { name });
    }
    this.classSeats.remember(code, seat.rejoinToken);
    if (name) this.seats.name = name;
    history.replaceState(null, "", `/join?code=${code}`);
    this.classroom?.destroy();
    let coop: CoopGame | null = null;
    const flavour = new ClassroomFlavour(seat, () => coop?.session?.game.tick ?? null, () => {
      this.classSeats.forget(code);
      flavour.destroy();
      this.classroom = null;
      if (coop) void coop.leave();
      else this.showMenu();
    });
    coop = new CoopGame(this, this.seats, flavour);
    try {
      await coop.join(seat.roomId, seat.name, { seat: seat.rejoinToken });
    } catch (e) {
      flavour.destroy();
      throw e;
    }
    this.classroom = flavour;
    this.coop = coop;
  }

  /** The teacher's read-only view of one team's board, joined with the teacher token. */
  private async watchTeam(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const roomId = params.get("room") ?? "";
    const code = (params.get("code") ?? "").toUpperCase();
    const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
    history.replaceState(null, "", `${location.pathname}?room=${encodeURIComponent(roomId)}&code=${code}`);
    let coop: CoopGame | null = null;
    const seat: ClassSeat = { code, rejoinToken: "", participantId: 0, name: "Teacher (watching, read-only)", team: 0, roomId };
    const flavour = new ClassroomFlavour(seat, () => coop?.session?.game.tick ?? null, () => window.close());
    coop = new CoopGame(this, tabStoreless(), flavour);
    await coop.join(roomId, "teacher", { teacherToken: token });
    this.classroom = flavour;
    this.coop = coop;
  }

  openSettings(): void {
    showSettings(this.settings, (s) => {
      saveSettings(this.store, s);
      this.applySettings();
      this.game?.settingsChanged();
    });
  }

  private applySettings(): void {
    document.documentElement.classList.toggle("reduced-motion", this.settings.reducedMotion);
  }
}

// What the board (Phaser) may see of the page, and how it reports clicks. The board reads the
// session; it never applies commands itself: clicks go back to the DOM side, which decides.
import type { Point } from "../logic/boardLayout.js";
import type { GameSession } from "../logic/session.js";
import type { Lane } from "../logic/trafficLanes.js";
import type { TrafficDots } from "../logic/trafficDots.js";

export interface BoardSelection {
  hostId: number | null;
  /** Connect mode: the host a new link starts from. */
  connectFrom: number | null;
}

export interface BoardModel {
  readonly session: GameSession;
  readonly dots: TrafficDots;
  readonly selection: BoardSelection;
  /** Hosts the player dragged somewhere; the rest are laid out automatically. */
  readonly pinned: Map<number, Point>;
  reducedMotion: boolean;
  /** The lanes of the latest tick (recomputed when ticks run). */
  lanes(): readonly Lane[];
  hostClicked(id: number): void;
  backgroundClicked(): void;
  edgeClicked(which: "internet" | "dns"): void;
  hostDragged(id: number, to: Point): void;
  /** Co-op only: the other players' cursors and pings. */
  readonly presence?: PresenceModel;
  /** Boot progress 0..1, then ready. */
  loading(progress: number): void;
  ready(): void;
}

/** The other players, as the board draws them (co-op). */
export interface PresenceModel {
  /** Other players' cursors in board coordinates, with their name and colour. */
  cursors(): readonly { id: string; name: string; colour: string; x: number; y: number }[];
  /** Pings to draw since the last call (anyone's, the player's own included). */
  takePings(): { x: number; y: number; name: string; colour: string }[];
  /** The player's own pointer moved over the board (board coordinates). */
  pointerMoved(x: number, y: number): void;
  /** The player held the mouse down on one spot: ping it. */
  pingAt(x: number, y: number): void;
}

export interface BoardHandle {
  fit(): void;
  zoom(factor: number): void;
  /** The board point at the centre of the view, or of a host when given (keyboard pings). */
  centre(hostId: number | null): { x: number; y: number };
  destroy(): void;
  /** For the benchmark: the Phaser game loop's own timing. */
  readonly game: unknown;
}

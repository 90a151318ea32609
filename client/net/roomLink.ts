// The connection to a co-op room (colyseus.js 0.16): create, join by code, get back into a seat
// after a reload, and reconnect by itself when the socket drops. It only carries messages: the
// lockstep clock, the sinks and the screens decide what they mean.
import { Client, getStateCallbacks, MatchMakeError, type Room } from "colyseus.js";
import {
  PROTOCOL_VERSION, ROOM_NAME, SIM_VERSION,
  type ClientMessage, type ClientMessageType, type Command, type HashMessage, type NoticeMessage, type PingMessage, type RejectedMessage, type SnapshotMessage, type TurnMessage,
} from "../../shared/index.js";
import { readRoomMeta, type RoomMeta } from "./roomMeta.js";
import type { SeatMemory } from "./seat.js";

export type LinkStatus = "connected" | "reconnecting" | "lost";

export interface LinkHandlers {
  turn(msg: TurnMessage): void;
  hash(msg: HashMessage): void;
  snapshot(msg: SnapshotMessage): void;
  rejected(msg: RejectedMessage): void;
  ping(msg: PingMessage): void;
  notice(msg: NoticeMessage): void;
  /** The room's metadata changed (players, phase, speed…). */
  metaChanged(): void;
  status(status: LinkStatus, detail: string): void;
  /** Any other message (a classroom's phase, standings, results). */
  other?(type: string, msg: unknown): void;
}

/** A join the room refused, with words for the player: what happened and what to do. */
export class JoinError extends Error {}

/** Colyseus closes with this code when a player leaves on purpose (or is sent away). */
const CLOSE_CONSENTED = 4000;
/** Retry delays after a drop; the room keeps a seat for a minute. */
export const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000];

export function joinOptions(name: string, extra: { scenario?: string; seed?: number } = {}) {
  return { name, simVersion: SIM_VERSION, protocol: PROTOCOL_VERSION, ...extra };
}

/** The words a player sees for a failed create or join. */
export function explainJoinError(e: unknown, code?: string): string {
  const raw = e instanceof Error ? e.message : String(e);
  if (e instanceof MatchMakeError && e.code === 4212) {
    return `There is no room with the code ${code ?? ""}. Check the code with the host; a room closes once everyone has left it.`;
  }
  if (/fetch|network|ECONNREFUSED|Failed to/i.test(raw) && !(e instanceof MatchMakeError)) {
    return `The game server cannot be reached (${raw}). Check your connection and try again.`;
  }
  if (/version/i.test(raw)) return /reload/i.test(raw) ? raw : `${raw} Reload the page (Ctrl+Shift+R) so that you and the room run the same game.`;
  if (/full/i.test(raw)) return `${raw} Ask the host to start another room, or wait for a seat.`;
  return raw || "The room refused to let you in.";
}

export class RoomLink {
  private room: Room;
  private closing = false;
  private metaCache: RoomMeta | null = null;
  status: LinkStatus = "connected";

  private constructor(private readonly client: Client, room: Room, private readonly seats: SeatMemory, private readonly handlers: LinkHandlers) {
    this.room = room;
    this.attach(room);
  }

  /** Creates a new room (the creator is its host). */
  static async create(name: string, seats: SeatMemory, handlers: LinkHandlers, endpoint?: string): Promise<RoomLink> {
    const client = new Client(endpoint);
    try {
      const room = await client.create(ROOM_NAME, joinOptions(name));
      return new RoomLink(client, room, seats, handlers);
    } catch (e) {
      throw new JoinError(explainJoinError(e));
    }
  }

  /** Joins a room by its code: back into a held seat when this browser had one, else as a new player. */
  static async join(code: string, name: string, seats: SeatMemory, handlers: LinkHandlers, endpoint?: string, extra: Record<string, unknown> = {}): Promise<RoomLink> {
    const client = new Client(endpoint);
    for (const token of seats.tokensFor(code)) {
      try {
        const room = await client.reconnect(token);
        return new RoomLink(client, room, seats, handlers);
      } catch {
        // The seat is gone (or held by another tab): join as a new player below.
      }
    }
    try {
      const room = await client.joinById(code, { ...joinOptions(name), ...extra });
      return new RoomLink(client, room, seats, handlers);
    } catch (e) {
      throw new JoinError(explainJoinError(e, code));
    }
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  /** The short code others join with (the room's id unless the room names another). */
  get code(): string {
    return this.meta.code || this.room.roomId;
  }

  get meta(): RoomMeta {
    this.metaCache ??= readRoomMeta(this.room.state);
    return this.metaCache;
  }

  /** Live Schema state, for what changes every frame (cursors): no copy. */
  get liveState(): unknown {
    return this.room.state;
  }

  send<T extends ClientMessageType>(type: T, msg: ClientMessage<T>): void {
    if (this.status !== "connected") return;
    this.room.send(type, msg);
  }

  get connected(): boolean {
    return this.status === "connected";
  }

  sendCommand(seq: number, cmd: Command): void {
    this.send("cmd", { seq, cmd });
  }

  /** Leaves on purpose: the seat is given up and not reclaimed. */
  async leave(): Promise<void> {
    this.closing = true;
    this.seats.forget();
    try { await this.room.leave(true); } catch { /* already gone */ }
  }

  /** The page is going away: stop retrying, but keep the seat remembered for a reopened tab. */
  abandon(): void {
    this.closing = true;
  }

  private attach(room: Room): void {
    this.room = room;
    this.metaCache = null;
    room.onMessage("turn", (m: TurnMessage) => this.handlers.turn(m));
    room.onMessage("hash", (m: HashMessage) => this.handlers.hash(m));
    room.onMessage("snapshot", (m: SnapshotMessage) => this.handlers.snapshot(m));
    room.onMessage("rejected", (m: RejectedMessage) => this.handlers.rejected(m));
    room.onMessage("ping", (m: PingMessage) => this.handlers.ping(m));
    room.onMessage("notice", (m: NoticeMessage) => this.handlers.notice(m));
    room.onMessage("*", (type, m) => this.handlers.other?.(String(type), m));
    const changed = () => {
      this.metaCache = null;
      this.handlers.metaChanged();
    };
    // Players coming, going and changing (ready, role, connection) through the 0.16 callbacks;
    // the room's own fields (phase, speed, pause) through the patch signal.
    try {
      const $ = getStateCallbacks(room) as unknown as (s: unknown) => { players: { onAdd(cb: (p: unknown) => void, immediate?: boolean): void; onRemove(cb: () => void): void } };
      const $any = $ as unknown as (s: unknown) => { onChange(cb: () => void): void };
      $(room.state).players.onAdd((p) => { $any(p).onChange(changed); changed(); }, true);
      $(room.state).players.onRemove(changed);
    } catch {
      // A state without players yet: the patch signal below still covers it.
    }
    room.onStateChange(changed);
    room.onLeave((code) => void this.dropped(code));
    this.seats.remember({ code: this.code, token: room.reconnectionToken });
    this.status = "connected";
  }

  private async dropped(code: number): Promise<void> {
    if (this.closing) return;
    if (code === CLOSE_CONSENTED) {
      this.status = "lost";
      this.seats.forget();
      this.handlers.status("lost", "The room closed your connection.");
      return;
    }
    this.status = "reconnecting";
    this.handlers.status("reconnecting", "Connection lost: reconnecting…");
    const token = this.room.reconnectionToken;
    for (const delay of RECONNECT_DELAYS_MS) {
      await new Promise((r) => setTimeout(r, delay));
      if (this.closing) return;
      try {
        const room = await this.client.reconnect(token);
        this.attach(room);
        this.handlers.status("connected", "Reconnected.");
        this.handlers.metaChanged();
        return;
      } catch {
        // not yet: the server may be restarting or the network still down
      }
    }
    this.status = "lost";
    this.handlers.status("lost", "Could not get back into the room: your seat has been given up.");
  }
}

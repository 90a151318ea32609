// One benchmark player: an official colyseus.js client in a room, counting the bytes its socket
// carries each way and timing each command from `send` to the turn that carries it or the
// `rejected` that names it.
import type { Room } from "colyseus.js";
import type { HashMessage, RejectedMessage, SnapshotMessage, TurnMessage } from "../shared/protocol.js";

/** Sequence numbers are unique across the whole run, so a turn's command is matched by seq alone. */
let nextSeq = 1;

interface RawSocket {
  addEventListener(type: "message", listener: (event: { data: ArrayBuffer | Buffer | string }) => void): void;
}
interface RawTransport {
  ws: RawSocket;
  send(data: ArrayBuffer | Uint8Array | Buffer): void;
}

function byteLength(data: ArrayBuffer | ArrayBufferView | string): number {
  return typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
}

export class BenchPlayer {
  bytesIn = 0;
  bytesOut = 0;
  /** The next tick the room will send: the first tick not yet covered by a turn. */
  tick = 0;
  turns = 0;
  /** Ticks the turns received covered: ten a second at 1×. */
  ticksCovered = 0;
  hashes = 0;
  accepted = 0;
  rejected = 0;
  readonly latenciesMs: number[] = [];
  /** Why this player's commands were refused, with how often (the numbers in reasons blanked). */
  readonly refusals = new Map<string, number>();
  snapshotBytes: number | null = null;
  private readonly pending = new Map<number, number>();

  constructor(readonly room: Room) {
    const transport = (room.connection as unknown as { transport: RawTransport }).transport;
    transport.ws.addEventListener("message", (event) => {
      this.bytesIn += byteLength(event.data);
    });
    const send = transport.send.bind(transport);
    transport.send = (data) => {
      this.bytesOut += byteLength(data);
      send(data);
    };
    room.onMessage("turn", (m: TurnMessage) => {
      this.turns++;
      this.ticksCovered += m.ticks;
      this.tick = m.tick + m.ticks;
      for (const c of m.cmds) this.settle(c.seq, true);
    });
    room.onMessage("hash", (_m: HashMessage) => {
      this.hashes++;
    });
    room.onMessage("rejected", (m: RejectedMessage) => {
      if (!this.pending.has(m.seq)) return;
      const reason = m.reason.replace(/\d+/g, "N");
      this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
      this.settle(m.seq, false);
    });
    // The JSON size of the snapshot: what a late joiner downloads before it can play.
    room.onMessage("snapshot", (m: SnapshotMessage) => {
      this.snapshotBytes = Buffer.byteLength(JSON.stringify(m));
      this.tick = m.tick;
    });
    room.onMessage("*", () => {});
  }

  sendCommand(cmd: unknown): void {
    const seq = nextSeq++;
    this.pending.set(seq, performance.now());
    this.room.send("cmd", { seq, cmd });
  }

  get outstanding(): number {
    return this.pending.size;
  }

  /** Starts a fresh measurement window. */
  resetCounters(): void {
    this.bytesIn = this.bytesOut = this.turns = this.ticksCovered = this.hashes = this.accepted = this.rejected = 0;
    this.latenciesMs.length = 0;
    this.refusals.clear();
  }

  private settle(seq: number, accepted: boolean): void {
    const sentAt = this.pending.get(seq);
    if (sentAt === undefined) return;
    this.pending.delete(seq);
    this.latenciesMs.push(performance.now() - sentAt);
    if (accepted) this.accepted++;
    else this.rejected++;
  }
}

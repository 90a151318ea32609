// The floor for `npm run bench:server`: a bare Colyseus room that speaks the co-op wire protocol
// (a `turn` every 100 ms with empty ticks included, a `hash` every 10 ticks, each `cmd` echoed in
// the next turn) and simulates nothing. What it costs is what any room sending ten messages a
// second costs; the co-op room is measured against it. Bench-only: never defined by the game.
import { Room, type Client } from "@colyseus/core";
import { HASH_EVERY_TICKS, MAX_PLAYERS, type HashMessage, type RejectedMessage, type TurnMessage } from "../shared/protocol.js";

export const FLOOR_ROOM = "floor";
const TICK_MS = 100;

export class FloorRoom extends Room {
  override maxClients = MAX_PLAYERS;
  private tick = 0;
  private pending: TurnMessage["cmds"] = [];

  override onCreate(): void {
    this.onMessage("cmd", (client, message: unknown) => {
      const m = message as { seq?: unknown; cmd?: unknown } | null;
      if (!m || typeof m.seq !== "number" || typeof m.cmd !== "object" || m.cmd === null) {
        const rejected: RejectedMessage = { seq: typeof m?.seq === "number" ? m.seq : -1, reason: "malformed cmd" };
        client.send("rejected", rejected);
        return;
      }
      this.pending.push({ by: client.sessionId, seq: m.seq, cmd: m.cmd as TurnMessage["cmds"][number]["cmd"], tick: this.tick });
    });
    // Any other message type (speed, cursor…) is accepted and ignored, as a bare relay would.
    this.onMessage("*", () => {});
    // No Schema state: the default patch timer finds nothing to send.
    this.setSimulationInterval(() => this.step(), TICK_MS);
  }

  private step(): void {
    const turn: TurnMessage = { tick: this.tick, ticks: 1, cmds: this.pending };
    this.pending = [];
    this.broadcast("turn", turn);
    this.tick++;
    if (this.tick % HASH_EVERY_TICKS === 0) {
      const hash: HashMessage = { tick: this.tick, hash: "00000000" };
      this.broadcast("hash", hash);
    }
  }

  override onJoin(_client: Client): void {}
}

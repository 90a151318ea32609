// Shared by the room tests: boot the real server config on a test's own port, and follow a room
// from the client side as a browser does (a Game restored from the snapshot, then every turn).
import "../../server/wsEsmShim.js";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import config from "@colyseus/tools";
import type { Room as ClientRoom } from "colyseus.js";
import appConfig from "../../server/app.config.js";
import { applyCommands, applyTurn, Game, type Command } from "../../shared/index.js";
import type { HashMessage, NoticeMessage, PingMessage, RejectedMessage, SnapshotMessage, TurnMessage } from "../../shared/protocol.js";
import { sectionHashes } from "../../server/lockstep/sectionHashes.js";
import { CoopRoom } from "../../server/rooms/CoopRoom.js";

export { appConfig };

/** The real room with a faster turn clock: the same protocol, so long games finish in a test's time. */
export class FastCoopRoom extends CoopRoom {
  protected override turnMs = 2;
  /** Time runs 50× faster here, and so may players. */
  protected override commandsPerSecond = 50 * 20;
}

/** The app's config with "coop" swapped for FastCoopRoom. */
export function fastConfig() {
  return config({ ...appConfig, initializeGameServer: (gs) => { gs.define("coop", FastCoopRoom); } });
}

export async function bootServer(port: number, cfg = appConfig): Promise<ColyseusTestServer> {
  return boot(cfg, port);
}

/** Resolves when `cond` holds; fails with `what` after `ms`. Checks every few milliseconds. */
export async function until(cond: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 3));
  }
}

/**
 * One player's view of a room: every message it received, and (once a snapshot arrives) its own
 * Game driven by the turns, as the browser client does. On a hash that differs from its own it
 * asks to resync, sending its section hashes.
 */
export class Player {
  game: Game | null = null;
  turns: TurnMessage[] = [];
  hashes: HashMessage[] = [];
  rejected: RejectedMessage[] = [];
  snapshots: SnapshotMessage[] = [];
  notices: NoticeMessage[] = [];
  pings: PingMessage[] = [];
  agreed = 0;
  mismatches: number[] = [];
  /** Commands from a turn that did not apply here (there must be none). */
  clientRefusals: string[] = [];
  lostPlace = 0;
  autoResync = true;
  /** Called after each turn this player applied (tests act on what they see, as players do). */
  afterTurn: (() => void) | null = null;
  private ownHashes = new Map<number, string>();
  private seq = 0;

  constructor(public room: ClientRoom) {
    room.onMessage("*", (type, message) => this.receive(String(type), message));
  }

  get connected(): boolean {
    return this.room.connection.isOpen;
  }

  /** Sends a command; returns its seq. */
  command(cmd: Command | unknown): number {
    const seq = ++this.seq;
    this.room.send("cmd", { seq, cmd });
    return seq;
  }

  rejectedFor(seq: number): RejectedMessage | undefined {
    return this.rejected.find((r) => r.seq === seq);
  }

  async waitRejected(pred: (r: RejectedMessage) => boolean, what: string): Promise<RejectedMessage> {
    await until(() => this.rejected.some(pred), what);
    return this.rejected.find(pred)!;
  }

  private receive(type: string, message: unknown): void {
    switch (type) {
      case "turn": return this.onTurn(message as TurnMessage);
      case "hash": return this.onHash(message as HashMessage);
      case "snapshot": {
        const m = message as SnapshotMessage;
        this.snapshots.push(m);
        this.game = Game.restore(m.snapshot);
        this.ownHashes.clear();
        return;
      }
      case "rejected": this.rejected.push(message as RejectedMessage); return;
      case "notice": this.notices.push(message as NoticeMessage); return;
      case "ping": this.pings.push(message as PingMessage); return;
    }
  }

  private onTurn(t: TurnMessage): void {
    this.turns.push(t);
    const game = this.game;
    if (!game) return;
    if (t.tick !== game.tick) {
      this.lostPlace++;
      return;
    }
    const at = (tick: number) => t.cmds.filter((c) => c.tick === tick);
    const note = (verdicts: { verdict: { ok: boolean } }[]) => {
      for (const v of verdicts) if (!v.verdict.ok) this.clientRefusals.push(JSON.stringify(v));
    };
    if (t.ticks === 0) {
      note(applyCommands(game, { tick: t.tick, cmds: at(t.tick) }));
      return;
    }
    for (let i = 0; i < t.ticks; i++) {
      const tick = t.tick + i;
      note(applyTurn(game, { tick, cmds: at(tick) }).outcomes);
      if (game.tick % 10 === 0) this.ownHashes.set(game.tick, game.hash());
    }
    this.afterTurn?.();
  }

  private onHash(h: HashMessage): void {
    this.hashes.push(h);
    const mine = this.ownHashes.get(h.tick);
    if (mine === undefined) return; // from before this client's snapshot
    if (mine === h.hash) {
      this.agreed++;
      return;
    }
    this.mismatches.push(h.tick);
    if (this.autoResync && this.game) this.room.send("resync", { tick: this.game.tick, sections: sectionHashes(this.game.state) });
  }
}

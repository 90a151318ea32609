// Where a player's command goes. The board and panels never touch the game: they hand a command
// to the session, which hands it to its sink. Solo, the local sink applies it at once as a turn
// of one command by SOLO_ACTOR; in a room, the room sink checks it locally (so a greyed-out action
// still explains itself at once) and sends it, and the game changes only when the room's turn
// carrying it arrives. A refusal from the room comes back later, by sequence number.
import { reject, SOLO_ACTOR, type Actor, type Command, type CommandOutcome, type Game, type TurnCommand, type Verdict } from "../../shared/index.js";

export interface CommandSink {
  /** Whether the command is legal now for this player (to grey out a button and say why). */
  check(cmd: Command): Verdict;
  /**
   * Hands the command on. `ok` means accepted: applied now (solo) or sent, to be applied when the
   * room confirms it; a refusal is the validator's reason (given now, or later by the room).
   */
  send(cmd: Command): Verdict;
}

/** What a sink needs from the session it feeds. */
export interface SinkTarget {
  readonly game: Game;
  /** Applies commands of the current tick and reports them (recording, events). */
  applyTurnCommands(cmds: TurnCommand[]): CommandOutcome[];
}

export class LocalSink implements CommandSink {
  private seq = 0;
  constructor(private readonly target: SinkTarget) {}

  check(cmd: Command): Verdict {
    return this.target.game.check(cmd, { id: SOLO_ACTOR });
  }

  send(cmd: Command): Verdict {
    const [outcome] = this.target.applyTurnCommands([{ by: SOLO_ACTOR, seq: ++this.seq, cmd }]);
    return outcome.verdict;
  }
}

/** The part of a room connection a sink uses. */
export interface CommandChannel {
  sendCommand(seq: number, cmd: Command): void;
  /** False while the connection is down: a command sent then would be lost. */
  readonly connected: boolean;
}

export class RoomSink implements CommandSink {
  private seq = 0;
  /** Commands sent and not yet seen in a turn or refused, by sequence number. */
  private readonly pending = new Map<number, Command>();

  constructor(
    private readonly game: () => Game,
    private readonly actor: () => Actor,
    private readonly channel: CommandChannel,
  ) {}

  check(cmd: Command): Verdict {
    return this.game().check(cmd, this.actor());
  }

  send(cmd: Command): Verdict {
    const verdict = this.check(cmd);
    if (!verdict.ok) return verdict;
    if (!this.channel.connected) return reject("the connection to the room is down: wait until it is back (see the banner)");
    const seq = ++this.seq;
    this.pending.set(seq, cmd);
    this.channel.sendCommand(seq, cmd);
    return verdict;
  }

  /** A turn carried one of our commands: it is no longer pending. */
  confirmed(seq: number): Command | null {
    const cmd = this.pending.get(seq) ?? null;
    this.pending.delete(seq);
    return cmd;
  }

  /** The room refused a command: returns the command it was (null if unknown to us). */
  rejected(seq: number): Command | null {
    return this.confirmed(seq);
  }

  /** Commands waiting for the room's answer. */
  get waiting(): number {
    return this.pending.size;
  }
}

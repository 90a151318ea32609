// The room's lockstep heart, free of any networking: accepted commands wait in a queue; ten times
// a second `flush` applies them at the current tick and steps `speed` ticks (none while paused),
// giving one turn message whatever the speed, so bandwidth never grows with it. Commands that
// passed intake but fail when applied (two players spending the same money) come back as refusals.
import { applyCommands, applyTurn, emptyTurn, type Game, type TurnCommand } from "../../shared/index.js";
import { HASH_EVERY_TICKS, type HashMessage, type TurnMessage } from "../../shared/protocol.js";

export type Speed = 1 | 2 | 4 | 8;

export interface Refusal { by: string; seq: number; reason: string }

export interface Flush {
  turn: TurnMessage;
  /** Hashes of the ticks this turn reached that are multiples of HASH_EVERY_TICKS. */
  hashes: HashMessage[];
  refused: Refusal[];
  /** True once the game has ended (this turn ended it, or it was over already). */
  ended: boolean;
}

export class TurnClock {
  private queue: TurnCommand[] = [];
  speed: Speed = 1;
  paused = false;

  constructor(readonly game: Game) {}

  enqueue(cmd: TurnCommand): void {
    this.queue.push(cmd);
  }

  flush(): Flush {
    const game = this.game;
    const tick = game.tick;
    const cmds = this.queue;
    this.queue = [];
    const stepping = !this.paused && !game.state.ended;
    const outcomes = stepping ? applyTurn(game, { tick, cmds }).outcomes : applyCommands(game, { tick, cmds });
    let ticks = stepping ? 1 : 0;
    const hashes: HashMessage[] = [];
    const noteHash = () => {
      if (game.tick % HASH_EVERY_TICKS === 0) hashes.push({ tick: game.tick, hash: game.hash() });
    };
    if (stepping) noteHash();
    while (stepping && ticks < this.speed && !game.state.ended) {
      applyTurn(game, emptyTurn(game));
      ticks++;
      noteHash();
    }
    const applied: TurnMessage["cmds"] = [];
    const refused: Refusal[] = [];
    cmds.forEach((c, i) => {
      const verdict = outcomes[i].verdict;
      if (verdict.ok) applied.push({ tick, by: c.by, seq: c.seq, cmd: c.cmd });
      else refused.push({ by: c.by, seq: c.seq, reason: verdict.reason });
    });
    return { turn: { tick, ticks, cmds: applied }, hashes, refused, ended: game.state.ended !== null };
  }
}

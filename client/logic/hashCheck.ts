// Lockstep's alarm: the room sends the hash of its state every few ticks, the client hashes its
// own state at the same ticks, and the two must agree. Either side may come first (the hash
// message can arrive before or after the client has played that tick), so both are kept briefly.
const KEEP = 16;

export interface HashMismatch {
  tick: number;
  mine: string;
  theirs: string;
}

export class HashCheck {
  private readonly theirs = new Map<number, string>();
  private readonly mine = new Map<number, string>();
  agreed = 0;
  lastAgreedTick = -1;

  /** The room's hash at `tick`. */
  fromRoom(tick: number, hash: string): HashMismatch | null {
    return this.meet(tick, this.mine.get(tick), hash, () => remember(this.theirs, tick, hash));
  }

  /** Our own hash at `tick` (computed after stepping onto it, before its commands). */
  fromClient(tick: number, hash: string): HashMismatch | null {
    return this.meet(tick, hash, this.theirs.get(tick), () => remember(this.mine, tick, hash));
  }

  /** Whether the room sends a hash for this tick (so the client should compute its own). */
  wanted(tick: number, every: number): boolean {
    return tick % every === 0;
  }

  reset(): void {
    this.theirs.clear();
    this.mine.clear();
  }

  private meet(tick: number, mine: string | undefined, theirs: string | undefined, wait: () => void): HashMismatch | null {
    if (mine === undefined || theirs === undefined) {
      wait();
      return null;
    }
    this.theirs.delete(tick);
    this.mine.delete(tick);
    if (mine === theirs) {
      this.agreed++;
      this.lastAgreedTick = Math.max(this.lastAgreedTick, tick);
      return null;
    }
    return { tick, mine, theirs };
  }
}

function remember(map: Map<number, string>, tick: number, hash: string): void {
  map.set(tick, hash);
  if (map.size > KEEP) map.delete(Math.min(...map.keys()));
}

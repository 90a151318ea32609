// A token bucket: a steady rate with a small burst. Each player gets one per kind of message that
// costs the room work (commands, pings, resyncs), so one noisy client cannot slow the others.
export class TokenBucket {
  private tokens: number;
  private last: number;

  /** `now` is injectable so tests can drive time without sleeping. */
  constructor(private readonly perSecond: number, private readonly burst: number, private readonly now: () => number = () => performance.now()) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token if there is one. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

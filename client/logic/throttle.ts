// At most one call per interval, and the latest value always goes out in the end: what cursor
// updates need (about ten a second, and the resting position must arrive).
export class Throttle<T> {
  private lastSent = -Infinity;
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (value: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(value: T): void {
    this.pending = value;
    const wait = this.lastSent + this.intervalMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  flush(): void {
    if (this.pending === null) return;
    const value = this.pending;
    this.pending = null;
    this.lastSent = this.now();
    this.send(value);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}

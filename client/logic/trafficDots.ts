// The request dots: cosmetic samples of the flow, never one object per request. A fixed pool of
// dots is shared by all lanes; each lane asks for a rate that grows with the log of its traffic,
// and the total is capped, so a million requests per second costs the same to draw as a hundred.
import type { Lane } from "./trafficLanes.js";
import { laneRate } from "./trafficLanes.js";

export interface Dot {
  active: boolean;
  laneKey: string;
  fromId: number;
  toId: number;
  /** 0 static, 1 read, 2 write, 3 attack. */
  cls: number;
  /** Position along the lane, 0 (from) .. 1 (to). */
  t: number;
  /** Lane lengths per second of real time. */
  speed: number;
  /** Fails at this point and turns back (−1: arrives). */
  failAt: number;
  /** Turned back: travelling home with a cross. */
  bouncing: boolean;
}

export interface DotOptions {
  capacity: number;
  /** Most dots started per real second, all lanes together. */
  maxSpawnPerSecond: number;
  /** Seconds a dot takes to cross a lane at 1×. */
  travelSeconds: number;
}

export const DEFAULT_DOTS: DotOptions = { capacity: 700, maxSpawnPerSecond: 420, travelSeconds: 1.4 };
export const REDUCED_DOTS: DotOptions = { capacity: 160, maxSpawnPerSecond: 60, travelSeconds: 2.2 };

/** Dots per second a lane would like: about 2 at 1 req/s, 9 at 1,000 req/s, 16 at a million. */
export function desiredRate(requestsPerSecond: number): number {
  return requestsPerSecond <= 0 ? 0 : 1 + 2.5 * Math.log10(1 + requestsPerSecond);
}

export class TrafficDots {
  readonly pool: Dot[];
  private readonly carry = new Map<string, number>();
  private seed = 12345;
  active = 0;

  constructor(public options: DotOptions = DEFAULT_DOTS) {
    this.pool = Array.from({ length: options.capacity }, () => ({
      active: false, laneKey: "", fromId: 0, toId: 0, cls: 0, t: 0, speed: 1, failAt: -1, bouncing: false,
    }));
  }

  /** Cheap repeatable jitter: the dots are decoration and must not touch the simulation's PRNG. */
  private random(): number {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return this.seed / 4294967296;
  }

  /**
   * Moves dots by `dtSeconds` of real time at game speed `speed` (0 = paused: nothing moves) and
   * starts new ones for the lanes. `alive(hostId)` drops dots whose hosts were sold.
   */
  update(dtSeconds: number, speed: number, lanes: readonly Lane[], alive: (hostId: number) => boolean): void {
    if (speed <= 0 || dtSeconds <= 0) return;
    const dt = Math.min(dtSeconds, 0.1);
    const pace = Math.sqrt(speed);
    let active = 0;
    for (const d of this.pool) {
      if (!d.active) continue;
      if ((d.fromId !== 0 && !alive(d.fromId)) || !alive(d.toId)) { d.active = false; continue; }
      if (d.bouncing) {
        d.t -= d.speed * pace * dt * 1.5;
        if (d.t <= 0) { d.active = false; continue; }
      } else {
        d.t += d.speed * pace * dt;
        if (d.failAt >= 0 && d.t >= d.failAt) { d.t = d.failAt; d.bouncing = true; }
        else if (d.t >= 1) { d.active = false; continue; }
      }
      active++;
    }
    this.active = active;
    this.spawn(dt * pace, lanes);
  }

  private spawn(dt: number, lanes: readonly Lane[]): void {
    let wanted = 0;
    for (const lane of lanes) wanted += desiredRate(laneRate(lane));
    if (wanted <= 0) return;
    const scale = Math.min(1, this.options.maxSpawnPerSecond / wanted);
    let free = 0;
    for (const lane of lanes) {
      const rate = laneRate(lane);
      const carry = (this.carry.get(lane.key) ?? this.random()) + desiredRate(rate) * scale * dt;
      let whole = Math.floor(carry);
      this.carry.set(lane.key, carry - whole);
      while (whole-- > 0) {
        free = this.nextFree(free);
        if (free < 0) return;
        this.start(this.pool[free], lane, rate);
      }
    }
  }

  private nextFree(from: number): number {
    for (let i = Math.max(0, from); i < this.pool.length; i++) if (!this.pool[i].active) return i;
    return -1;
  }

  private start(d: Dot, lane: Lane, rate: number): void {
    // Pick the class in proportion to its share of the lane.
    let pick = this.random() * rate;
    let cls = 0;
    while (cls < 3 && pick >= lane.perSecond[cls]) { pick -= lane.perSecond[cls]; cls++; }
    d.active = true;
    d.laneKey = lane.key;
    d.fromId = lane.fromId;
    d.toId = lane.toId;
    d.cls = cls;
    d.t = 0;
    d.speed = (0.85 + this.random() * 0.3) / this.options.travelSeconds;
    d.failAt = this.random() < lane.failedShare ? 0.55 + this.random() * 0.35 : -1;
    d.bouncing = false;
    this.active++;
  }

  clear(): void {
    for (const d of this.pool) d.active = false;
    this.carry.clear();
    this.active = 0;
  }
}

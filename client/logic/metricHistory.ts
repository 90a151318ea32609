// What the monitoring dashboard can chart: one point per second of play, per monitored host and
// for the whole site. Hosts without a monitoring agent record gaps (null): nobody measured them.
import { isMonitored, TICKS_PER_SECOND, type GameState, type TickReport } from "../../shared/index.js";

export const HISTORY_SECONDS = 300;

export interface HostSeries {
  qps: (number | null)[];
  errors: (number | null)[];
  latencyMs: (number | null)[];
  cpuPercent: (number | null)[];
}

interface Acc { requests: number; errors: number; latency: number; util: number; ticks: number }

export type HostMetric = keyof HostSeries;

export class MetricHistory {
  /** Seconds of play since the start, one per point. */
  readonly seconds: number[] = [];
  readonly site = { demand: [] as number[], served: [] as number[], failed: [] as number[], attack: [] as number[], p95Ms: [] as number[] };
  readonly hosts = new Map<number, HostSeries>();
  private readonly acc = new Map<number, Acc>();
  private siteAcc = { demand: 0, served: 0, attack: 0, p95: 0, ticks: 0 };

  constructor(readonly capacity = HISTORY_SECONDS) {}

  /** Call after every tick with the state after the tick and its report. */
  record(state: GameState, report: TickReport): void {
    const r = report;
    const legitDemand = r.demand[0] + r.demand[1] + r.demand[2];
    const legitServed = r.served[0] + r.served[1] + r.served[2];
    this.siteAcc.demand += legitDemand;
    this.siteAcc.served += legitServed;
    this.siteAcc.attack += r.demand[3];
    this.siteAcc.p95 = Math.max(this.siteAcc.p95, r.p95Ms);
    this.siteAcc.ticks++;
    const n = Math.min(state.hosts.length, r.hostUtil.length);
    for (let i = 0; i < n; i++) {
      const id = state.hosts[i].id;
      let a = this.acc.get(id);
      if (!a) this.acc.set(id, (a = { requests: 0, errors: 0, latency: 0, util: 0, ticks: 0 }));
      a.requests += r.hostRequests[i];
      a.errors += r.hostErrors[i];
      a.latency = Math.max(a.latency, r.hostLatencyMs[i]);
      a.util += r.hostUtil[i];
      a.ticks++;
    }
    if (state.tick % TICKS_PER_SECOND === 0) this.flush(state);
  }

  private flush(state: GameState): void {
    const len = this.seconds.length;
    this.seconds.push(state.tick / TICKS_PER_SECOND);
    const s = this.siteAcc;
    this.site.demand.push(s.demand);
    this.site.served.push(s.served);
    this.site.failed.push(s.demand - s.served);
    this.site.attack.push(s.attack);
    this.site.p95Ms.push(s.p95);
    this.siteAcc = { demand: 0, served: 0, attack: 0, p95: 0, ticks: 0 };
    const present = new Set<number>();
    for (const host of state.hosts) {
      present.add(host.id);
      let series = this.hosts.get(host.id);
      if (!series) {
        const gap = () => new Array<number | null>(len).fill(null);
        this.hosts.set(host.id, (series = { qps: gap(), errors: gap(), latencyMs: gap(), cpuPercent: gap() }));
      }
      const a = this.acc.get(host.id);
      const seen = isMonitored(host) && a && a.ticks > 0;
      series.qps.push(seen ? a!.requests : null);
      series.errors.push(seen ? a!.errors : null);
      series.latencyMs.push(seen ? a!.latency : null);
      series.cpuPercent.push(seen ? Math.round(a!.util / a!.ticks / 10) : null);
    }
    this.acc.clear();
    for (const [id, series] of this.hosts) {
      if (!present.has(id)) this.hosts.delete(id);
      else if (series.qps.length < this.seconds.length) for (const k of Object.keys(series) as HostMetric[]) series[k].push(null);
    }
    if (this.seconds.length > this.capacity) this.trim();
  }

  private trim(): void {
    const drop = this.seconds.length - this.capacity;
    this.seconds.splice(0, drop);
    for (const k of Object.keys(this.site) as (keyof MetricHistory["site"])[]) this.site[k].splice(0, drop);
    for (const series of this.hosts.values()) for (const k of Object.keys(series) as HostMetric[]) series[k].splice(0, drop);
  }

  clear(): void {
    this.seconds.length = 0;
    for (const k of Object.keys(this.site) as (keyof MetricHistory["site"])[]) this.site[k].length = 0;
    this.hosts.clear();
    this.acc.clear();
  }

  /** The latest whole-second value of a host metric, or null if unmeasured. */
  latest(hostId: number, metric: HostMetric): number | null {
    const s = this.hosts.get(hostId)?.[metric];
    return s && s.length ? s[s.length - 1] : null;
  }
}

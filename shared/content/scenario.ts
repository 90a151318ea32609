// What a scenario is: starting topology, money, traffic, scripted and random events, what the
// player may buy, and the goal. Scenarios are data; the simulation reads them by id.
import type { CoachStep } from "../coach.js";
import type { DbRole, EventKind, FirewallRule, HostTier, LbAlgorithm, ReplicationMode, ServiceKind } from "../model/types.js";

export type ScenarioId = "simple-stack" | "distributed" | "secured" | "scale-up" | "endless";

export interface StartHost {
  name: string;
  tier: HostTier;
  public: boolean;
  services: ServiceKind[];
  dbRole?: DbRole;
  lb?: { algorithm: LbAlgorithm; healthCheck: boolean; checkInterval: number };
  /** The host firewall's rules, when it starts with one (host rules cannot name a server yet: use roles). */
  firewallRules?: FirewallRule[];
  cert?: boolean;
}

export interface TrafficSpec {
  /** Legitimate requests per second at launch. */
  baseRps: number;
  /** Share of static, dynamic read and dynamic write requests, in permille (sums to 1000). */
  mix: [number, number, number];
  /** Compound growth per minute of play, in permille (50 = +5 % a minute). */
  growthPerMinute: number;
  /** Peak-to-mean swing of the daily cycle, in permille. */
  dailySwing: number;
  /** Ticks in one day of play. */
  dayTicks: number;
}

/** Chances per million, per tick. */
export interface RandomRates {
  hostFailure: number;
  processCrash: number;
  /** While a brute force runs: per host with SSH reachable from the internet. */
  sshCompromise: number;
  /** Per database whose port is reachable from the internet, multiplied after a port scan finds it. */
  dbBreach: number;
  /** While the site is served over plain HTTP. */
  eavesdrop: number;
  /** Endless: a random attack or incident every this many ticks on average (0 = none). */
  chaosEvery: number;
}

export type AuditCheckId =
  | "no-spof-host" | "no-spof-lb" | "no-spof-db" | "firewalls" | "https" | "monitoring"
  | "db-private" | "tiers-split" | "end-to-end-tls";

export interface Goal {
  text: string;
  /** Minimum share of legitimate requests served, in permyriad (9900 = 99 %). */
  minSlaPermyriad: number;
  /** Architecture checks that must pass at the end. */
  requires: AuditCheckId[];
}

export interface Scenario {
  id: ScenarioId;
  chapter: number;
  title: string;
  summary: string;
  concepts: string[];
  money: number;
  /** 0 = endless. */
  durationTicks: number;
  traffic: TrafficSpec;
  start: {
    hosts: StartHost[];
    links: [string, string][];
    www: { type: "A" | "CNAME"; values: string[]; ttl: number } | null;
    replication: ReplicationMode;
    pairs?: { a: string; b: string; mode: "active-active" | "active-passive" }[];
  };
  allowed: { tiers: HostTier[]; services: ServiceKind[]; maxHosts: number; lbPairs: boolean; rateLimit: boolean };
  /** Scripted events; `at` counts ticks after launch (the first DNS record). */
  events: { at: number; kind: EventKind; target: string; duration?: number; size?: number }[];
  random: RandomRates;
  goal: Goal;
  /** The coach of the chapter's first minutes: steps that teach its new idea (shared/coach.ts). */
  coach?: readonly CoachStep[];
}

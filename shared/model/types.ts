// The whole simulation state. Everything here is plain data (JSON-safe, integers only) so that a
// snapshot is JSON.stringify and the canonical hash walks it. Derived lookups live in
// sim/topology.ts and are rebuilt from this, never stored.

export type HostTier = "small" | "medium" | "large";
export type ServiceKind = "web" | "app" | "db" | "lb" | "firewall" | "monitor";
export type LbAlgorithm = "roundrobin" | "leastconn" | "source";
export type ReplicationMode = "async" | "semisync";
/** Where the application sends reads: replicas only (the primary when none runs), every database, or the primary only. */
export type ReadSplit = "replicas" | "all" | "primary";
export const READ_SPLITS: readonly ReadSplit[] = ["replicas", "all", "primary"];
export type DbRole = "primary" | "replica";
export type TrafficClass = "static" | "read" | "write" | "attack";
export const TRAFFIC_CLASSES: readonly TrafficClass[] = ["static", "read", "write", "attack"];
export const CLASS_STATIC = 0;
export const CLASS_READ = 1;
export const CLASS_WRITE = 2;
export const CLASS_ATTACK = 3;

/** `up` serves; `starting` is installing/booting/restarting until `readyAt`; `down` needs the player. */
export type RunStatus = "up" | "starting" | "down";

export interface Service {
  kind: ServiceKind;
  status: RunStatus;
  /** Tick at which a `starting` service becomes `up`. */
  readyAt: number;
  /** Why it is down or starting, as a code (content/words.ts turns it into "crashed", "deploying v3", …). */
  note: Note | null;
}

/** Why a host or service is down or starting. Codes and numbers only: the words live in content/words.ts. */
export type NoteCode =
  | "provisioning" | "installing" | "resizing" | "hardware-failure" | "crashed" | "deploying"
  | "repairing" | "rebuilding" | "restarting";

export interface Note {
  code: NoteCode;
  /** resizing: the tier it becomes. */
  tier?: HostTier;
  /** deploying: the code version being rolled out. */
  version?: number;
}

export interface WebService extends Service { kind: "web" }
export interface AppService extends Service { kind: "app"; codeVersion: number }
export interface DbService extends Service {
  kind: "db";
  role: DbRole;
  /** Disk used, in permille of the disk. Writes fail at 1000. */
  diskPermille: number;
  /** Replicas only: how far behind the primary, in ticks. */
  lagTicks: number;
  /** Writes committed last tick (whole requests), for the writes a crash can lose. */
  lastWrites: number;
}
export interface LbService extends Service {
  kind: "lb";
  algorithm: LbAlgorithm;
  healthCheck: boolean;
  /** Ticks between health checks (10 ticks = 1 s). */
  checkInterval: number;
  /** Consecutive failed checks that mark a backend down (HAProxy `fall`, default 3). */
  fall: number;
  /** Consecutive passed checks that mark a down backend up again (HAProxy `rise`, default 2). */
  rise: number;
  /** HAProxy `option redispatch`: a request whose server refuses the connection goes to another one. */
  redispatch: boolean;
  /** Backend host ids the load balancer currently believes are down (its health-check view). */
  markedDown: number[];
  /** Check streaks under way: failed checks in a row for a backend believed up, passed ones for one believed down. */
  checkStreaks: { host: number; count: number }[];
  /** Backend host ids in drain (HAProxy's `set server state drain`): no new requests go to them. */
  drained: number[];
  /** Backend host ids marked `backup`: used only while no other backend is believed up. */
  backups: number[];
  /** Requests per second allowed per client source; 0 = no rate limit. */
  rateLimit: number;
  /**
   * Backend TLS: HAProxy re-encrypts to its web servers (`server … ssl verify required`) instead of
   * sending them plain HTTP. Costs CPU at both ends; a backend without a valid certificate is refused.
   */
  backendTls: boolean;
}
/** The servers a firewall rule can name as a group: those running this software. */
export type FirewallRole = "lb" | "web" | "app" | "db";
/** Where a firewall rule lets connections come from (ufw's `from`). */
export type FirewallSource =
  | { kind: "anywhere" }
  | { kind: "host"; host: number }
  | { kind: "role"; role: FirewallRole };
/** One ufw `allow` rule: TCP connections to `port` from `from`. */
export interface FirewallRule { port: number; from: FirewallSource }
/**
 * A host firewall (ufw): default deny incoming, so a running one drops every connection, from the
 * internet or from another server, that none of its rules allows. Rules are kept in a canonical
 * order (sim/firewall-rules.ts) so the same set always hashes the same.
 */
export interface FirewallService extends Service { kind: "firewall"; rules: FirewallRule[] }
export interface MonitorService extends Service { kind: "monitor" }
export type AnyService = WebService | AppService | DbService | LbService | FirewallService | MonitorService;

export interface Certificate {
  /** Tick at which the certificate stops being valid. */
  expiresAt: number;
}

export interface Host {
  id: number;
  name: string;
  tier: HostTier;
  publicIp: string | null;
  privateIp: string;
  status: RunStatus;
  readyAt: number;
  note: Note | null;
  /** Services in a fixed order (by kind order of the catalog). */
  services: AnyService[];
  cert: Certificate | null;
  /** Taken over by an attacker: a miner eats CPU until the host is rebuilt. */
  compromised: boolean;
  /** Work left over from earlier ticks, in milli work units. */
  backlog: number;
  /** Last tick's CPU utilisation in permille (may exceed 1000 when overloaded). */
  utilPermille: number;
  /** Consecutive ticks with a queue more than half full: a sustained overload becomes an incident. */
  saturatedTicks: number;
  boughtAt: number;
  /** The game named it (server-NN at purchase): its name follows its role (sim/naming.ts). Absent for a name the player typed. */
  autoName?: true;
}

/**
 * MySQL's semi-sync source: while no replica can acknowledge, a commit waits until `waitUntil`
 * (rpl_semi_sync_source_timeout); then the source `fellBack` to asynchronous commits until a
 * replica is back.
 */
export interface SemisyncState {
  /** Tick at which the waiting commits give up on an acknowledgement; -1 when nothing waits. */
  waitUntil: number;
  fellBack: boolean;
}

export interface Link { id: number; from: number; to: number }

export interface DnsRecord {
  name: "www";
  type: "A" | "CNAME";
  /** A: IP addresses; CNAME: one target name (resolved through the apex records). */
  values: string[];
  ttlTicks: number;
}

export interface DnsState {
  www: DnsRecord | null;
  /** The apex (`foobar.com`) A record that a `www` CNAME points to. */
  apex: string[];
  /** Per client bucket: the cached answer and when it expires. */
  cache: { ips: string[]; expiresAt: number }[];
}

export interface LbPair {
  id: number;
  mode: "active-active" | "active-passive";
  members: [number, number];
  /** Virtual IP (active-passive only). */
  vip: string | null;
  /** The member that currently holds the virtual IP. */
  active: number;
  /** Tick at which the standby takes the VIP over; -1 when no failover is under way. */
  failoverAt: number;
}

export type IncidentKind =
  | "host-failure" | "process-crash" | "disk-full" | "primary-crash" | "deploy" | "cert-expired"
  | "cert-expiring" | "ddos" | "ssh-bruteforce" | "port-scan" | "db-exposed" | "eavesdrop"
  | "breach" | "overload" | "flash-crowd" | "lost-writes" | "failover" | "traffic-growth" | "sniffing" | "complaints"
  | "stale-reads" | "semisync-fallback"
  /** The team has a new version ready: the player chooses when to deploy it, until `due`. */
  | "release";

export interface Incident {
  id: number;
  kind: IncidentKind;
  tick: number;
  /** When the player learns of it: at once with monitoring, later when users complain. */
  detectedAt: number;
  resolvedAt: number;
  hostId: number;
  severity: "info" | "warning" | "critical";
  /** What the words need, as data: content/words.ts writes the title, cause and prevention. */
  params: IncidentParams;
}

/** The facts an incident's text is written from. Only the fields its kind uses are present. */
export interface IncidentParams {
  /** The host's name when it happened (it may be sold later). */
  host?: string;
  /** process-crash: which process died. */
  service?: ServiceKind;
  /** ddos: requests per second; flash-crowd: extra traffic in percent. */
  size?: number;
  /** deploy: the version shipped, how, and whether the scenario's team shipped it. */
  version?: number;
  strategy?: "all-at-once" | "rolling";
  scripted?: boolean;
  /** disk-full: true when the disk is full, false for the 90 % warning. */
  full?: boolean;
  /** breach: how the attackers got in. */
  via?: "ssh" | "mysql";
  /** port-scan: the first open ports found ("web-01:22") and how many in all. */
  ports?: string[];
  /** lost-writes: writes lost; port-scan: open ports found. */
  count?: number;
  /** failover: the virtual IP that moved. */
  vip?: string;
  /** sniffing: the load balancer whose plain traffic the breached host reads; cert-expired: the one that now refuses this backend. */
  from?: string;
  /** complaints: the share of requests failing when users began to complain, in percent, and the p95 latency then, in ms. */
  failedPercent?: number;
  p95Ms?: number;
  /** release: the tick at which the team ships it itself if the player has not. */
  due?: number;
}

export interface ScheduledEvent {
  at: number;
  kind: EventKind;
  /** Host name, or a role selector such as "@lb", "@web-backend", "@primary". */
  target: string;
  /** Duration in ticks (for floods, crowds). */
  duration: number;
  /** Magnitude: attack rps, crowd multiplier in percent, … */
  size: number;
}

export type EventKind =
  | "host-failure" | "process-crash" | "disk-fill" | "primary-crash" | "deploy" | "ddos"
  | "flash-crowd" | "port-scan" | "ssh-bruteforce" | "growth"
  /** A release is ready (size: its version; duration: ticks until the team's own deploy). */
  | "release";

export interface ActiveEffect {
  kind: "ddos" | "flash-crowd" | "ssh-bruteforce" | "deploy";
  until: number;
  size: number;
  /** Deploy: hosts left to restart (rolling), by id. */
  queue: number[];
}

/**
 * What users have lived through lately: one bit per tick of the last COMPLAINTS.windowTicks ticks
 * (tick t at bit t % window), set when that tick went badly for them (too many failed requests, or
 * a slow p95). Users complain while enough of the window went badly.
 */
export interface UserMood {
  /** The window's bits, 32 ticks to a number. */
  badTicks: number[];
  /** How many bits are set. */
  badCount: number;
  /** Tick the complaints began; -1 while users are content. */
  complainingSince: number;
}

export interface Totals {
  demand: number;
  served: number;
  errors: number;
  dropped: number;
  attackDemand: number;
  attackBlocked: number;
  /** Ticks in which at least 99 % of legitimate requests succeeded (or there were none). */
  upTicks: number;
  ticks: number;
  revenue: number;
  spent: number;
  breaches: number;
  lostWrites: number;
  /** Reads a replica answered with data older than a write they were looking for. */
  staleReads: number;
  /** Latency sum in ms×requests, for the mean. */
  latencyMsSum: number;
  /** Legitimate requests an intruder read off the internal network (plain HTTP behind a load balancer), in thousandths. */
  sniffedMilli: number;
}

/** A build action that its player may still undo: the commands that reverse it and the money back. */
export interface BuildRecord {
  /** The player (actor id) who built it; only they can undo it. */
  by: string;
  tick: number;
  undo: Command[];
  refund: number;
}

/** Why a run ended, as a code and the numbers behind it (content/words.ts writes the sentence). */
export type EndWhy = "bankrupt" | "reputation" | "never-launched" | "sla" | "audit" | "goal";

export interface Ending {
  tick: number;
  outcome: "won" | "lost" | "complete";
  why: EndWhy;
  /** sla: the share of requests served, in permyriad. */
  slaPermyriad?: number;
  /** audit: the ids of the goal's design checks that still fail. */
  failing?: string[];
}

export interface GameState {
  simVersion: number;
  scenario: string;
  seed: number;
  tick: number;
  rng: number;
  nextId: number;
  /** Cents. */
  money: number;
  /** 0..10000 (permyriad; starts full): errors lower it, good seconds restore it, 0 loses the game. */
  reputation: number;
  /** Demand multiplier in permille, compounding over time (growth). */
  growthPermille: number;
  /** Fractional requests carried between ticks per class, in milli-requests. */
  demandCarry: number[];
  /** Fractional cents of revenue carried, in milli-cents. */
  revenueCarry: number;
  hosts: Host[];
  links: Link[];
  pairs: LbPair[];
  dns: DnsState;
  replication: ReplicationMode;
  readSplit: ReadSplit;
  /** Semi-synchronous replication's own state (sim/replication.ts): waiting for an acknowledgement, or fallen back to async. */
  semisync: SemisyncState;
  /** Fractional stale reads carried between ticks, in milli-reads. */
  staleCarry: number;
  codeVersion: number;
  schedule: ScheduledEvent[];
  effects: ActiveEffect[];
  incidents: Incident[];
  /** Ports attackers know are open, from a port scan: "hostId:port". */
  knownOpenPorts: string[];
  /** Whether users are complaining, from what they suffered over the last seconds (sim/complaints.ts). */
  users: UserMood;
  totals: Totals;
  /** Each player's last build action, for undo: one entry per player, sorted by player id. */
  lastBuilds: BuildRecord[];
  /** Bumped by every change to hosts, services, links or pairs: derived lookups rebuild on it. */
  topologyVersion: number;
  /** Tick the site first got a DNS record (traffic starts then); -1 before. */
  launchedAt: number;
  /** Writes the primary had not yet shipped to its replicas when it crashed (lost if promoted). */
  unreplicatedWrites: number;
  /** This second's legitimate demand and served, for reputation (counts, reset every second). */
  second: { demand: number; served: number; stale: number };
  ended: Ending | null;
  /** A challenge's changes to the scenario (money, length, components); absent for a plain game. */
  overrides?: ScenarioOverrides;
}

// Commands are defined with their schemas in commands/schema.ts; re-exported here for the model.
import type { Command } from "../commands/schema.js";
import type { ScenarioOverrides } from "../content/overrides.js";
export type { Command };

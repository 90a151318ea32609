// Prices, capacities and costs: the numbers a player buys with. Money is in cents, time in ticks
// (10 ticks = 1 s of play), CPU in milli work units per tick, memory in MB.
import type { HostTier, ServiceKind } from "../model/types.js";

export const TICKS_PER_SECOND = 10;
export const TICKS_PER_MINUTE = 600;

export interface TierSpec {
  label: string;
  /** Milli work units of CPU per tick. */
  cpu: number;
  memoryMb: number;
  price: number;
  /** Cents per second of play. */
  upkeepPerSecond: number;
}

export const HOST_TIERS: Record<HostTier, TierSpec> = {
  small: { label: "Small (1 vCPU, 2 GB)", cpu: 4000, memoryMb: 2048, price: 30000, upkeepPerSecond: 8 },
  medium: { label: "Medium (2 vCPU, 4 GB)", cpu: 10000, memoryMb: 4096, price: 60000, upkeepPerSecond: 16 },
  large: { label: "Large (8 vCPU, 16 GB)", cpu: 40000, memoryMb: 16384, price: 200000, upkeepPerSecond: 50 },
};
export const TIER_ORDER: readonly HostTier[] = ["small", "medium", "large"];

export interface ServiceSpec {
  label: string;
  /** Software the player recognises. */
  product: string;
  price: number;
  upkeepPerSecond: number;
  memoryMb: number;
  /** Ticks to install and start. */
  installTicks: number;
}

/** Kind order is the order services are kept and drawn on a host. */
export const SERVICE_ORDER: readonly ServiceKind[] = ["firewall", "lb", "web", "app", "db", "monitor"];

export const SERVICES: Record<ServiceKind, ServiceSpec> = {
  firewall: { label: "Firewall", product: "ufw", price: 2000, upkeepPerSecond: 0, memoryMb: 0, installTicks: 10 },
  lb: { label: "Load balancer", product: "HAProxy", price: 5000, upkeepPerSecond: 1, memoryMb: 256, installTicks: 30 },
  web: { label: "Web server", product: "Nginx", price: 3000, upkeepPerSecond: 1, memoryMb: 256, installTicks: 30 },
  app: { label: "Application server", product: "foobar app", price: 5000, upkeepPerSecond: 2, memoryMb: 1024, installTicks: 50 },
  db: { label: "Database", product: "MySQL", price: 8000, upkeepPerSecond: 3, memoryMb: 1536, installTicks: 80 },
  monitor: { label: "Monitoring agent", product: "monitoring client", price: 1500, upkeepPerSecond: 1, memoryMb: 64, installTicks: 10 },
};

export const PORT_SSH = 22;
export const PORT_HTTP = 80;
export const PORT_HTTPS = 443;
export const PORT_APP = 8080;
export const PORT_MYSQL = 3306;
export const KNOWN_PORTS: readonly number[] = [PORT_SSH, PORT_HTTP, PORT_HTTPS, PORT_APP, PORT_MYSQL];

/** Milli work units each request costs, per class [static, read, write, attack]. */
export const WORK = {
  lb: [15, 15, 15, 15],
  /** TLS handshake and encryption where TLS ends. */
  tls: [30, 30, 30, 30],
  /**
   * Backend TLS, at each end (HAProxy encrypting, Nginx decrypting): HAProxy keeps its connections
   * to the backends open, so a request pays for the encryption but rarely a handshake: half of
   * what ending a user's TLS costs.
   */
  backendTls: 15,
  /** Nginx serves static itself; dynamic requests are only proxied (read and write cost the same). */
  web: [100, 30, 30, 100],
  app: [0, 300, 400, 0],
  db: [0, 200, 400, 0],
  /** A replica applies each write it receives. */
  replicaApply: 150,
  /** Rate-limit lookups on the load balancer per request. */
  rateLimit: 5,
  /** The attacker's miner on a compromised host, in milli units per tick: most of a small host. */
  miner: 3000,
} as const;

/** Base latency in ms that each hop adds when idle. */
export const HOP_MS = { internet: 40, lb: 1, tls: 4, web: 2, app: 25, db: 8, semisync: 10 } as const;

/** Queue room per host, in ticks of its own CPU: beyond this, requests are dropped. */
export const QUEUE_TICKS = 10;
/** Memory over capacity halves CPU: the host swaps. */
export const SWAP_CPU_PERMILLE = 500;

export const COSTS = {
  certificate: 4000,
  /** A certificate lasts this long once bought or renewed. */
  certificateTicks: 5 * TICKS_PER_MINUTE,
  repairHost: 10000,
  repairTicks: 150,
  restartTicks: 30,
  rebuildTicks: 200,
  purgeDisk: 500,
  deployTicks: 60,
  lbPair: 2000,
  sellRefundPermille: 500,
} as const;

/** Revenue per legitimate request served, in milli-cents. */
export const REVENUE_PER_REQUEST = 500;

/**
 * Users complain about what they suffer, not about what breaks: a tick goes badly for them when at
 * least `failedPermille` of their requests fail or the tick's p95 latency reaches `slowMs`, and they
 * complain once `complainTicks` of the last `windowTicks` ticks went badly (15 of the last 30
 * seconds), until fewer than `calmTicks` of them did. A single bad tick, or a failure nobody can
 * feel (a disk filling, a dead server the load balancer routes around), makes no complaint.
 */
export const COMPLAINTS = { windowTicks: 300, complainTicks: 150, calmTicks: 75, failedPermille: 50, slowMs: 2000 } as const;
/** Monitoring warns this long before a certificate expires. */
export const CERT_WARNING_TICKS = 2 * TICKS_PER_MINUTE;
/**
 * keepalived (VRRP) as the exported keepalived.conf sets it up: the master sends an advert every
 * `advert_int` (1 s); the backup (priority 100) declares it dead after 3 adverts plus a skew of
 * (256 - priority) / 256 of an interval, RFC 3768's Master_Down_Interval. HAProxy dying on a live
 * master is caught sooner by the tracked script (`interval 1`, `fall 2`): the master steps down with
 * a priority-0 advert and the backup takes over after the skew alone. sim/vrrp.ts turns these into
 * ticks.
 */
export const VRRP = { advertTicks: 10, masterPriority: 101, backupPriority: 100, scriptIntervalTicks: 10, scriptFall: 2 } as const;
/**
 * A client whose first address does not answer at all (a dead server, an address nobody holds:
 * its connection attempts get no reply, not even a refusal) waits for a connect timeout before it
 * tries the next address. Browsers differ and many wait far longer (the system's own timeout is
 * over a minute); 3 s is a typical client-side connect timeout. Meanwhile a share of the users
 * give up: clients that try only one address, and people who close the tab.
 */
export const CONNECT_TIMEOUT_MS = 3000;
export const GIVE_UP_PERMILLE = 250;
/** Undo is allowed this long after a build action. */
export const UNDO_WINDOW = 300;
export const CLIENT_BUCKETS = 16;
export const HEALTH_CHECK_INTERVALS: readonly number[] = [10, 20, 50, 100];
export const TTL_CHOICES: readonly number[] = [50, 300, 1200, 3000];
export const HOST_NAME_RE = /^[a-z][a-z0-9-]{0,23}$/;

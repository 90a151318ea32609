// What a whole game state may look like, checked when a snapshot is restored: types, ranges and
// references. A save edited by hand (with its checksum recomputed) or written by a bug is refused
// with a reason, instead of loading "fine" and breaking the game later (a null host, NaN money, a
// link to a server that is gone).
import { z } from "zod";
import { parseCommand } from "./commands/schema.js";
import { CLIENT_BUCKETS, COMPLAINTS } from "./content/catalog.js";
import { OverridesInputSchema } from "./content/overrides.js";
import { SCENARIO_IDS } from "./content/scenarios/index.js";
import type { GameState } from "./model/types.js";
import { MAX_FIREWALL_RULES } from "./sim/firewall-rules.js";
import { MAX_ENTITY_ID } from "./sim/ids.js";
import { SIM_VERSION } from "./version.js";

const MAX_TICK = 1_000_000_000;
const int = z.int();
const count = z.int().min(0);
const tick = z.int().min(0).max(MAX_TICK);
/** A tick, or -1 for "not yet" / "never". */
const tickOrNever = z.int().min(-1).max(MAX_TICK);
const id = z.int().min(1).max(MAX_ENTITY_ID);
const ip = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, "must be an IPv4 address");
const tier = z.enum(["small", "medium", "large"]);
const runStatus = z.enum(["up", "starting", "down"]);
const note = z.strictObject({
  code: z.enum(["provisioning", "installing", "resizing", "hardware-failure", "crashed", "deploying", "repairing", "rebuilding", "restarting"]),
  tier: tier.optional(),
  version: count.optional(),
}).nullable();

const serviceBase = { status: runStatus, readyAt: tick, note };
const firewallRule = z.strictObject({
  port: z.int().min(1).max(65535),
  from: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("anywhere") }),
    z.strictObject({ kind: z.literal("host"), host: id }),
    z.strictObject({ kind: z.literal("role"), role: z.enum(["lb", "web", "app", "db"]) }),
  ]),
});
const service = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("web"), ...serviceBase }),
  z.strictObject({ kind: z.literal("app"), ...serviceBase, codeVersion: count }),
  z.strictObject({ kind: z.literal("db"), ...serviceBase, role: z.enum(["primary", "replica"]), diskPermille: z.int().min(0).max(1000), lagTicks: count, lastWrites: count }),
  z.strictObject({
    kind: z.literal("lb"), ...serviceBase, algorithm: z.enum(["roundrobin", "leastconn", "source"]), healthCheck: z.boolean(),
    checkInterval: z.int().min(1).max(10_000), fall: z.int().min(1).max(10), rise: z.int().min(1).max(10), redispatch: z.boolean(), drained: z.array(id).max(10_000), backups: z.array(id).max(10_000),
    markedDown: z.array(id).max(10_000), checkStreaks: z.array(z.strictObject({ host: id, count: z.int().min(1).max(10) })).max(10_000), rateLimit: z.int().min(0).max(1_000_000),
    backendTls: z.boolean(),
  }),
  z.strictObject({ kind: z.literal("firewall"), ...serviceBase, rules: z.array(firewallRule).max(MAX_FIREWALL_RULES) }),
  z.strictObject({ kind: z.literal("monitor"), ...serviceBase }),
]);

const host = z.strictObject({
  id, name: z.string().min(1).max(24), tier, publicIp: ip.nullable(), privateIp: ip, status: runStatus, readyAt: tick, note,
  services: z.array(service).max(6), cert: z.strictObject({ expiresAt: tick }).nullable(), compromised: z.boolean(),
  backlog: count, utilPermille: count, saturatedTicks: count, boughtAt: tick,
  autoName: z.literal(true).optional(),
});

const incidentKind = z.enum([
  "host-failure", "process-crash", "disk-full", "primary-crash", "deploy", "cert-expired", "cert-expiring", "ddos", "ssh-bruteforce",
  "port-scan", "db-exposed", "eavesdrop", "breach", "overload", "flash-crowd", "lost-writes", "failover", "traffic-growth",
  "sniffing", "complaints", "stale-reads", "semisync-fallback", "release",
]);
const incident = z.strictObject({
  id, kind: incidentKind, tick, detectedAt: tick, resolvedAt: tickOrNever, hostId: z.int().min(0).max(MAX_ENTITY_ID),
  severity: z.enum(["info", "warning", "critical"]),
  params: z.strictObject({
    host: z.string().max(24).optional(), service: z.enum(["web", "app", "db", "lb", "firewall", "monitor"]).optional(), size: count.optional(),
    version: count.optional(), strategy: z.enum(["all-at-once", "rolling"]).optional(), scripted: z.boolean().optional(), full: z.boolean().optional(),
    via: z.enum(["ssh", "mysql"]).optional(), ports: z.array(z.string().max(40)).max(16).optional(), count: count.optional(), vip: z.string().max(15).optional(),
    from: z.string().max(24).optional(),
    failedPercent: z.int().min(0).max(100).optional(), p95Ms: count.optional(),
    due: tick.optional(),
  }),
});

const totals = z.strictObject({
  demand: count, served: count, errors: count, dropped: count, attackDemand: count, attackBlocked: count, upTicks: count, ticks: count,
  revenue: count, spent: int, breaches: count, lostWrites: count, staleReads: count, latencyMsSum: count, sniffedMilli: count,
});

export const GameStateSchema = z.strictObject({
  simVersion: z.literal(SIM_VERSION),
  scenario: z.enum(SCENARIO_IDS as unknown as [string, ...string[]]),
  seed: z.int().min(0).max(0xffffffff),
  tick,
  rng: z.int().min(0).max(0xffffffff),
  nextId: z.int().min(1).max(MAX_ENTITY_ID + 1),
  money: int,
  reputation: z.int().min(0).max(10_000),
  growthPermille: count,
  demandCarry: z.array(count).length(4),
  revenueCarry: count,
  hosts: z.array(host).max(100_000),
  links: z.array(z.strictObject({ id, from: id, to: id })).max(1_000_000),
  pairs: z.array(z.strictObject({
    id, mode: z.enum(["active-active", "active-passive"]), members: z.tuple([id, id]), vip: ip.nullable(), active: id, failoverAt: tickOrNever,
  })).max(50_000),
  dns: z.strictObject({
    www: z.strictObject({ name: z.literal("www"), type: z.enum(["A", "CNAME"]), values: z.array(z.string().max(64)).max(8), ttlTicks: z.int().min(1).max(100_000) }).nullable(),
    apex: z.array(ip).max(8),
    cache: z.array(z.strictObject({ ips: z.array(ip).max(64), expiresAt: tick })).length(CLIENT_BUCKETS),
  }),
  replication: z.enum(["async", "semisync"]),
  readSplit: z.enum(["replicas", "all", "primary"]),
  semisync: z.strictObject({ waitUntil: tickOrNever, fellBack: z.boolean() }),
  staleCarry: z.int().min(0).max(999),
  codeVersion: z.int().min(1),
  schedule: z.array(z.strictObject({
    at: tick, kind: z.enum(["host-failure", "process-crash", "disk-fill", "primary-crash", "deploy", "ddos", "flash-crowd", "port-scan", "ssh-bruteforce", "growth", "release"]),
    target: z.string().max(40), duration: count, size: count,
  })).max(10_000),
  effects: z.array(z.strictObject({ kind: z.enum(["ddos", "flash-crowd", "ssh-bruteforce", "deploy"]), until: tick, size: count, queue: z.array(id).max(100_000) })).max(1_000),
  incidents: z.array(incident).max(1_000),
  knownOpenPorts: z.array(z.string().regex(/^\d{1,10}:\d{1,5}$/, "must be hostId:port")).max(100_000),
  users: z.strictObject({
    badTicks: z.array(z.int().min(0).max(0xffffffff)).length(Math.ceil(COMPLAINTS.windowTicks / 32)),
    badCount: z.int().min(0).max(COMPLAINTS.windowTicks), complainingSince: tickOrNever,
  }),
  totals,
  lastBuilds: z.array(z.strictObject({ by: z.string().min(1).max(64), tick, undo: z.array(z.unknown()).max(4), refund: count })).max(64),
  topologyVersion: count,
  launchedAt: tickOrNever,
  unreplicatedWrites: count,
  second: z.strictObject({ demand: count, served: count, stale: count }),
  ended: z.strictObject({
    tick, outcome: z.enum(["won", "lost", "complete"]), why: z.enum(["bankrupt", "reputation", "never-launched", "sla", "audit", "goal"]),
    slaPermyriad: z.int().min(0).max(10_000).optional(), failing: z.array(z.string().max(40)).max(32).optional(),
  }).nullable(),
  overrides: OverridesInputSchema.optional(),
});

/** Why this state cannot be a game's state, or null when it can. */
export function stateProblem(input: unknown): string | null {
  const parsed = GameStateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue.path.join(".") || "state"}: ${issue.message}`;
  }
  return referenceProblem(parsed.data as unknown as GameState);
}

/** References between parts of the state: ids unique and issued, links and pairs to real servers. */
function referenceProblem(s: GameState): string | null {
  const seen = new Set<number>();
  const issued = (what: string, n: number): string | null => {
    if (n >= s.nextId) return `${what} has id ${n}, which was never issued (next id ${s.nextId})`;
    if (seen.has(n)) return `id ${n} is used twice (${what})`;
    seen.add(n);
    return null;
  };
  const names = new Set<string>();
  for (const [i, h] of s.hosts.entries()) {
    const p = issued(`hosts.${i}`, h.id);
    if (p) return p;
    if (names.has(h.name)) return `hosts.${i}: there are two servers called ${h.name}`;
    names.add(h.name);
    const kinds = new Set(h.services.map((x) => x.kind));
    if (kinds.size !== h.services.length) return `hosts.${i}: a service is installed twice on ${h.name}`;
  }
  const hostIds = new Set(s.hosts.map((h) => h.id));
  for (const [i, h] of s.hosts.entries()) {
    const fw = h.services.find((x) => x.kind === "firewall");
    const stray = fw?.rules.find((r) => r.from.kind === "host" && !hostIds.has(r.from.host));
    if (stray) return `hosts.${i}: a firewall rule on ${h.name} allows server ${(stray.from as { host: number }).host}, which does not exist`;
  }
  for (const [i, l] of s.links.entries()) {
    const p = issued(`links.${i}`, l.id);
    if (p) return p;
    if (!hostIds.has(l.from) || !hostIds.has(l.to)) return `links.${i}: connects server ${hostIds.has(l.from) ? l.to : l.from}, which does not exist`;
    if (l.from === l.to) return `links.${i}: connects a server to itself`;
  }
  for (const [i, pair] of s.pairs.entries()) {
    const p = issued(`pairs.${i}`, pair.id);
    if (p) return p;
    if (!pair.members.every((m) => hostIds.has(m))) return `pairs.${i}: a member server does not exist`;
    if (pair.members[0] === pair.members[1]) return `pairs.${i}: pairs a server with itself`;
    if (!pair.members.includes(pair.active)) return `pairs.${i}: the active member is not in the pair`;
  }
  for (const [i, inc] of s.incidents.entries()) {
    const p = issued(`incidents.${i}`, inc.id);
    if (p) return p;
    if (inc.tick > s.tick) return `incidents.${i}: happened at tick ${inc.tick}, after the saved tick ${s.tick}`;
  }
  const primaries = s.hosts.filter((h) => h.services.some((x) => x.kind === "db" && x.role === "primary")).length;
  if (primaries > 1) return `there are ${primaries} primary databases; there can be only one`;
  for (const [i, b] of s.lastBuilds.entries()) {
    if (i > 0 && !(s.lastBuilds[i - 1].by < b.by)) return "lastBuilds: must be sorted by player, one entry each";
    for (const [k, c] of b.undo.entries()) {
      const cmd = parseCommand(c);
      if (!cmd.ok) return `lastBuilds.${i}.undo.${k}: ${cmd.reason}`;
    }
  }
  if (s.ended && s.ended.tick > s.tick) return "ended: after the saved tick";
  if (s.launchedAt > s.tick) return "launchedAt: after the saved tick";
  return null;
}

// Every player action, as one discriminated union. The zod schema checks shape (types, ranges,
// lengths); the handlers check whether the action is legal in a given state. Shapes are strict:
// an unknown field is refused, not dropped, and only plain data counts (see plainDataProblem).
import { z } from "zod";
import { MAX_ENTITY_ID } from "../sim/ids.js";

/** An id of a host, link or pair: as large as the id counter may go (sim/ids.ts). */
const hostId = z.number().int().min(1).max(MAX_ENTITY_ID);
const tier = z.enum(["small", "medium", "large"]);
const serviceKind = z.enum(["web", "app", "db", "lb", "firewall", "monitor"]);
const ip = z.string().max(15).regex(/^\d{1,3}(\.\d{1,3}){3}$/, "must be an IPv4 address like 8.8.8.8");

const port = z.number().int().min(1).max(65535);
/** Where a firewall rule lets connections come from: anywhere, one server, or the servers running some software. */
const firewallSource = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("anywhere") }),
  z.strictObject({ kind: z.literal("host"), host: hostId }),
  z.strictObject({ kind: z.literal("role"), role: z.enum(["lb", "web", "app", "db"]) }),
]);

/** Addresses one DNS record may hold (A values, or the apex a CNAME leads to). */
export const MAX_DNS_ADDRESSES = 8;

export const CommandSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("buyHost"), tier, name: z.string().max(24).optional(), public: z.boolean() }),
  z.strictObject({ type: z.literal("sellHost"), host: hostId }),
  z.strictObject({ type: z.literal("resizeHost"), host: hostId, tier }),
  /** A new server like `host`: same size, same software and firewall rules (commands/copy.ts). */
  z.strictObject({ type: z.literal("copyHost"), host: hostId, name: z.string().max(24).optional() }),
  z.strictObject({ type: z.literal("install"), host: hostId, service: serviceKind }),
  z.strictObject({ type: z.literal("remove"), host: hostId, service: serviceKind }),
  z.strictObject({ type: z.literal("connect"), from: hostId, to: hostId }),
  z.strictObject({ type: z.literal("disconnect"), from: hostId, to: hostId }),
  z.strictObject({
    type: z.literal("configureLb"),
    host: hostId,
    algorithm: z.enum(["roundrobin", "leastconn", "source"]).optional(),
    healthCheck: z.boolean().optional(),
    checkInterval: z.number().int().min(1).max(10_000).optional(),
    fall: z.number().int().min(1).max(10).optional(),
    rise: z.number().int().min(1).max(10).optional(),
    redispatch: z.boolean().optional(),
    /** Backend host ids to mark `backup` (the whole list: [] makes every backend a primary). */
    backups: z.array(hostId).max(16).optional(),
    rateLimit: z.number().int().min(0).max(1_000_000).optional(),
  }),
  z.strictObject({ type: z.literal("createLbPair"), a: hostId, b: hostId, mode: z.enum(["active-active", "active-passive"]) }),
  z.strictObject({ type: z.literal("removeLbPair"), pair: hostId }),
  z.strictObject({
    type: z.literal("setDns"),
    recordType: z.enum(["A", "CNAME"]),
    values: z.array(z.string().max(64)).min(1).max(MAX_DNS_ADDRESSES),
    ttl: z.number().int().min(1).max(100_000),
    apex: z.array(ip).max(MAX_DNS_ADDRESSES).optional(),
  }),
  /** The ports open from anywhere (the firewall's other rules stay). */
  z.strictObject({ type: z.literal("setFirewall"), host: hostId, openPorts: z.array(port).max(16) }),
  z.strictObject({ type: z.literal("addFirewallRule"), host: hostId, port, from: firewallSource }),
  z.strictObject({ type: z.literal("removeFirewallRule"), host: hostId, port, from: firewallSource }),
  z.strictObject({ type: z.literal("buyCert"), host: hostId }),
  /** Re-encrypt from the load balancer on `host` to its web servers (on) or send them plain HTTP (off). */
  z.strictObject({ type: z.literal("setBackendTls"), host: hostId, on: z.boolean() }),
  z.strictObject({ type: z.literal("promoteReplica"), host: hostId }),
  z.strictObject({ type: z.literal("setReplication"), mode: z.enum(["async", "semisync"]) }),
  /** Where the application sends reads: replicas only, every database, or the primary only. */
  z.strictObject({ type: z.literal("setReadSplit"), split: z.enum(["replicas", "all", "primary"]) }),
  z.strictObject({ type: z.literal("deploy"), strategy: z.enum(["all-at-once", "rolling"]) }),
  z.strictObject({ type: z.literal("repairHost"), host: hostId }),
  z.strictObject({ type: z.literal("restartService"), host: hostId, service: serviceKind }),
  z.strictObject({ type: z.literal("purgeDisk"), host: hostId }),
  z.strictObject({ type: z.literal("undo") }),
]);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export type Verdict = { ok: true } | { ok: false; reason: string };
export const OK: Verdict = { ok: true };
export const reject = (reason: string): Verdict => ({ ok: false, reason });

/** Shape check for anything that came off the wire or out of a file. */
export function parseCommand(input: unknown): { ok: true; command: Command } | { ok: false; reason: string } {
  const problem = plainDataProblem(input, "", 0);
  if (problem) return { ok: false, reason: `malformed command: ${problem}` };
  const result = CommandSchema.safeParse(input);
  if (result.success) return { ok: true, command: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, reason: `malformed command: ${where}${issue ? issue.message : "invalid"}` };
}

const MAX_DEPTH = 4;

/**
 * Why `value` is not plain data (JSON-like: own data properties on plain objects and real arrays),
 * or null when it is. A command must be what its JSON says it is: an object whose fields come from
 * a prototype (`Object.create({ type: "undo" })`, whose JSON is `{}`), a getter that answers
 * differently each time it is read, or a class instance would let the check and the run (or two
 * players) see different commands.
 */
export function plainDataProblem(value: unknown, path: string, depth: number): string | null {
  if (value === null || typeof value !== "object") return null;
  const where = path ? `${path}: ` : "";
  if (depth > MAX_DEPTH) return `${where}nested too deeply`;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (depth === 0) return "must be a plain object";
    if (proto !== Array.prototype) return `${where}must be a plain array`;
  } else if (proto !== Object.prototype && proto !== null) {
    return depth === 0 ? "must be a plain object" : `${where}must be a plain object`;
  }
  if (Object.getOwnPropertySymbols(value).length > 0) return `${where}must not have symbol keys`;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const key of Object.keys(descriptors)) {
    if (Array.isArray(value) && key === "length") continue;
    const d = descriptors[key];
    const at = path ? `${path}.${key}` : key;
    if (!("value" in d)) return `${at}: must be a plain value, not a getter`;
    const inner = plainDataProblem(d.value, at, depth + 1);
    if (inner) return inner;
  }
  return null;
}

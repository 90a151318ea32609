// Every player action, as one discriminated union. The zod schema checks shape (types, ranges,
// lengths); the rules in commands/rules.ts check whether the action is legal in a given state.
import { z } from "zod";

const hostId = z.number().int().min(1).max(1_000_000);
const tier = z.enum(["small", "medium", "large"]);
const serviceKind = z.enum(["web", "app", "db", "lb", "firewall", "monitor"]);
const ip = z.string().max(15).regex(/^\d{1,3}(\.\d{1,3}){3}$/, "must be an IPv4 address like 8.8.8.8");

export const CommandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("buyHost"), tier, name: z.string().max(24).optional(), public: z.boolean() }),
  z.object({ type: z.literal("sellHost"), host: hostId }),
  z.object({ type: z.literal("resizeHost"), host: hostId, tier }),
  z.object({ type: z.literal("install"), host: hostId, service: serviceKind }),
  z.object({ type: z.literal("remove"), host: hostId, service: serviceKind }),
  z.object({ type: z.literal("connect"), from: hostId, to: hostId }),
  z.object({ type: z.literal("disconnect"), from: hostId, to: hostId }),
  z.object({
    type: z.literal("configureLb"),
    host: hostId,
    algorithm: z.enum(["roundrobin", "leastconn", "source"]).optional(),
    healthCheck: z.boolean().optional(),
    checkInterval: z.number().int().min(1).max(10_000).optional(),
    rateLimit: z.number().int().min(0).max(1_000_000).optional(),
  }),
  z.object({ type: z.literal("createLbPair"), a: hostId, b: hostId, mode: z.enum(["active-active", "active-passive"]) }),
  z.object({ type: z.literal("removeLbPair"), pair: hostId }),
  z.object({
    type: z.literal("setDns"),
    recordType: z.enum(["A", "CNAME"]),
    values: z.array(z.string().max(64)).min(1).max(8),
    ttl: z.number().int().min(1).max(100_000),
    apex: z.array(ip).max(8).optional(),
  }),
  z.object({ type: z.literal("setFirewall"), host: hostId, openPorts: z.array(z.number().int().min(1).max(65535)).max(16) }),
  z.object({ type: z.literal("buyCert"), host: hostId }),
  z.object({ type: z.literal("promoteReplica"), host: hostId }),
  z.object({ type: z.literal("setReplication"), mode: z.enum(["async", "semisync"]) }),
  z.object({ type: z.literal("deploy"), strategy: z.enum(["all-at-once", "rolling"]) }),
  z.object({ type: z.literal("repairHost"), host: hostId }),
  z.object({ type: z.literal("restartService"), host: hostId, service: serviceKind }),
  z.object({ type: z.literal("purgeDisk"), host: hostId }),
  z.object({ type: z.literal("undo") }),
]);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export type Verdict = { ok: true } | { ok: false; reason: string };
export const OK: Verdict = { ok: true };
export const reject = (reason: string): Verdict => ({ ok: false, reason });

/** Shape check for anything that came off the wire or out of a file. */
export function parseCommand(input: unknown): { ok: true; command: Command } | { ok: false; reason: string } {
  const result = CommandSchema.safeParse(input);
  if (result.success) return { ok: true, command: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, reason: `malformed command: ${where}${issue ? issue.message : "invalid"}` };
}

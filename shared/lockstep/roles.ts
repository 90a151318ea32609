// Optional co-op roles: when a room switches roles on, each player may only issue the commands of
// their role. The rule lives here so the room (to reject), the client (to grey out and say which
// role may) and the tests all read the same table.
import type { Command } from "../commands/schema.js";
import { OK, reject, type Verdict } from "../commands/schema.js";

export const ROLES = ["network", "servers", "data", "security"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  network: "Network (load balancers, DNS, firewalls)",
  servers: "Servers (machines and their software)",
  data: "Data (MySQL and replication)",
  security: "Security (certificates, backend TLS and monitoring)",
};

/** Who issues a command, and (when the room uses roles) the role they hold. */
export interface Actor {
  id: string;
  role?: Role | null;
}

/** The role a command belongs to; null means any player may issue it (undo is always one's own). */
export function roleFor(cmd: Command): Role | null {
  switch (cmd.type) {
    case "configureLb": case "createLbPair": case "removeLbPair": case "setDns": case "setFirewall": case "addFirewallRule": case "removeFirewallRule":
      return "network";
    case "buyCert": case "setBackendTls":
      return "security";
    case "promoteReplica": case "setReplication": case "setReadSplit":
      return "data";
    case "install": case "remove":
      if (cmd.service === "lb" || cmd.service === "firewall") return "network";
      if (cmd.service === "db") return "data";
      if (cmd.service === "monitor") return "security";
      return "servers";
    case "undo":
      return null;
    case "copyHost":
      // Buying machines is the servers role's; the copy repeats software and rules other roles
      // already chose for the source, it decides nothing new for them.
      return "servers";
    default:
      return "servers";
  }
}

/** Whether this actor's role lets them issue the command (always, when they hold no role). */
export function roleAllows(actor: Actor | undefined, cmd: Command): Verdict {
  const role = actor?.role;
  if (!role) return OK;
  const needed = roleFor(cmd);
  if (needed === null || needed === role) return OK;
  return reject(`only the ${needed} role may do that (you hold the ${role} role)`);
}

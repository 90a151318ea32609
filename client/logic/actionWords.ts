// What a command did, in a few words for the co-op action feed ("bought web-02"). Called right
// after the command was applied, so a new server's name is already in the state. Plain text: the
// feed inserts it (and the player's name) as text, never as HTML.
import { firewallRuleText, SERVICES, type ActorId, type Command, type GameState } from "../../shared/index.js";

export function describeAction(cmd: Command, state: GameState): string {
  const host = (id: number) => state.hosts.find((h) => h.id === id)?.name ?? `server #${id}`;
  switch (cmd.type) {
    case "buyHost": return `bought ${state.hosts[state.hosts.length - 1]?.name ?? "a server"}`;
    case "sellHost": return `sold ${host(cmd.host)}`;
    case "resizeHost": return `resized ${host(cmd.host)} to ${cmd.tier}`;
    case "copyHost": return `copied ${host(cmd.host)} to ${state.hosts[state.hosts.length - 1]?.name ?? "a new server"}`;
    case "install": return `installed ${SERVICES[cmd.service].product} on ${host(cmd.host)}`;
    case "remove": return `removed ${SERVICES[cmd.service].product} from ${host(cmd.host)}`;
    case "connect": return `connected ${host(cmd.from)} to ${host(cmd.to)}`;
    case "disconnect": return `disconnected ${host(cmd.from)} from ${host(cmd.to)}`;
    case "configureLb": return `reconfigured HAProxy on ${host(cmd.host)}`;
    case "createLbPair": return `paired ${host(cmd.a)} with ${host(cmd.b)} (${cmd.mode})`;
    case "removeLbPair": return "split a load-balancer pair";
    case "setDns": return `pointed www at ${cmd.recordType === "A" ? cmd.values.join(", ") : "foobar.com (CNAME)"}`;
    case "setFirewall": return `set the firewall on ${host(cmd.host)} (open to anywhere: ${cmd.openPorts.join(", ") || "none"})`;
    case "addFirewallRule": return `allowed ${firewallRuleText(cmd, host)} on ${host(cmd.host)}`;
    case "removeFirewallRule": return `removed the rule ${firewallRuleText(cmd, host)} on ${host(cmd.host)}`;
    case "buyCert": return `bought a certificate for ${host(cmd.host)}`;
    case "setBackendTls": return `turned backend TLS ${cmd.on ? "on" : "off"} on ${host(cmd.host)}`;
    case "promoteReplica": return `promoted ${host(cmd.host)} to primary`;
    case "setReplication": return `switched replication to ${cmd.mode === "semisync" ? "semi-synchronous" : "asynchronous"}`;
    case "setReadSplit": return `sent reads to ${cmd.split === "replicas" ? "the replicas" : cmd.split === "all" ? "every database" : "the primary only"}`;
    case "deploy": return `deployed new code (${cmd.strategy})`;
    case "repairHost": return `repaired ${host(cmd.host)}`;
    case "restartService": return `restarted ${SERVICES[cmd.service].product} on ${host(cmd.host)}`;
    case "purgeDisk": return `purged old logs on ${host(cmd.host)}`;
    case "undo": return "undid their last build";
  }
}

/**
 * What an undo by this player would take back, in words ("bought web-02"), read before the undo
 * runs (the server still has its name then); null when there is nothing to undo. A build is
 * remembered by the commands that reverse it, so each reverse names the build it reverses.
 */
export function undoneWords(state: GameState, by: ActorId): string | null {
  const last = state.lastBuilds.find((b) => b.by === by);
  const reverse = last?.undo[0];
  if (!reverse) return null;
  const host = (id: number) => state.hosts.find((h) => h.id === id)?.name ?? `server #${id}`;
  switch (reverse.type) {
    case "sellHost": return `bought ${host(reverse.host)}`;
    case "remove": return `installed ${SERVICES[reverse.service].product} on ${host(reverse.host)}`;
    case "disconnect": return `connected ${host(reverse.from)} to ${host(reverse.to)}`;
    case "removeFirewallRule": return `allowed ${firewallRuleText(reverse, host)} on ${host(reverse.host)}`;
    case "addFirewallRule": return `removed the rule ${firewallRuleText(reverse, host)} on ${host(reverse.host)}`;
    case "setFirewall": return `changed the firewall on ${host(reverse.host)}`;
    default: return describeAction(reverse, state);
  }
}

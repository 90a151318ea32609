// Firewall rules: allow a port from anywhere, from one server or from every server of a role, and
// take a rule away. `setFirewall` is the older whole-list form kept for replays and scripts: it
// sets which ports are open from anywhere and leaves the other rules alone. Each is undoable like
// a build.
import { KNOWN_PORTS } from "../content/catalog.js";
import type { FirewallRule, FirewallService, GameState, Host } from "../model/types.js";
import { copyRule, MAX_FIREWALL_RULES, sameRule, sortRules } from "../sim/firewall-rules.js";
import { findService } from "../sim/services.js";
import { hostById } from "../sim/topology.js";
import { needHost, remember, type Handler } from "./handler.js";
import { OK, reject, type CommandOf, type Verdict } from "./schema.js";

type RuleCommand = CommandOf<"addFirewallRule"> | CommandOf<"removeFirewallRule">;

/** The host and its firewall, or why the command cannot name them. */
function firewallOf(state: GameState, hostId: number): { host: Host; fw: FirewallService } | string {
  const host = needHost(state, hostId);
  if (typeof host === "string") return host;
  const fw = findService(host, "firewall");
  return fw ? { host, fw } : `${host.name} has no firewall: install one first`;
}

function ruleOf(cmd: RuleCommand): FirewallRule {
  return copyRule({ port: cmd.port, from: cmd.from });
}

function portProblem(port: number): Verdict {
  return KNOWN_PORTS.includes(port) ? OK : reject(`port ${port} is not used by anything in this game (known: ${KNOWN_PORTS.join(", ")})`);
}

export const addFirewallRule: Handler<"addFirewallRule"> = {
  check(state, _s, cmd) {
    const target = firewallOf(state, cmd.host);
    if (typeof target === "string") return reject(target);
    const { host, fw } = target;
    const port = portProblem(cmd.port);
    if (!port.ok) return port;
    if (cmd.from.kind === "host") {
      const source = hostById(state, cmd.from.host);
      if (!source) return reject(`there is no server with id ${cmd.from.host} to allow traffic from`);
      if (source.id === host.id) return reject(`${host.name}'s own connections never cross its firewall: allow another server`);
    }
    const rule = ruleOf(cmd);
    if (fw.rules.some((r) => sameRule(r, rule))) return reject(`the firewall on ${host.name} already has that rule`);
    if (fw.rules.length >= MAX_FIREWALL_RULES) return reject(`the firewall on ${host.name} already holds ${MAX_FIREWALL_RULES} rules: remove one first`);
    return OK;
  },
  run(state, _s, cmd, by) {
    const { host, fw } = firewallOf(state, cmd.host) as { host: Host; fw: FirewallService };
    fw.rules = sortRules([...fw.rules, ruleOf(cmd)]);
    remember(state, by, { tick: state.tick, undo: [{ type: "removeFirewallRule", host: host.id, port: cmd.port, from: ruleOf(cmd).from }], refund: 0 });
  },
};

export const removeFirewallRule: Handler<"removeFirewallRule"> = {
  check(state, _s, cmd) {
    const target = firewallOf(state, cmd.host);
    if (typeof target === "string") return reject(target);
    const rule = ruleOf(cmd);
    return target.fw.rules.some((r) => sameRule(r, rule)) ? OK : reject(`the firewall on ${target.host.name} has no such rule`);
  },
  run(state, _s, cmd, by) {
    const { host, fw } = firewallOf(state, cmd.host) as { host: Host; fw: FirewallService };
    const rule = ruleOf(cmd);
    fw.rules = fw.rules.filter((r) => !sameRule(r, rule));
    remember(state, by, { tick: state.tick, undo: [{ type: "addFirewallRule", host: host.id, port: cmd.port, from: rule.from }], refund: 0 });
  },
};

export const setFirewall: Handler<"setFirewall"> = {
  check(state, _s, cmd) {
    const target = firewallOf(state, cmd.host);
    if (typeof target === "string") return reject(target);
    const unknown = cmd.openPorts.find((p) => !KNOWN_PORTS.includes(p));
    if (unknown !== undefined) return portProblem(unknown);
    const kept = target.fw.rules.filter((r) => r.from.kind !== "anywhere").length;
    return kept + new Set(cmd.openPorts).size > MAX_FIREWALL_RULES ? reject(`the firewall on ${target.host.name} would hold more than ${MAX_FIREWALL_RULES} rules`) : OK;
  },
  run(state, _s, cmd, by) {
    const { host, fw } = firewallOf(state, cmd.host) as { host: Host; fw: FirewallService };
    const before = fw.rules.filter((r) => r.from.kind === "anywhere").map((r) => r.port);
    const open = [...new Set(cmd.openPorts)];
    const kept = fw.rules.filter((r) => r.from.kind !== "anywhere");
    fw.rules = sortRules([...kept, ...open.map((port): FirewallRule => ({ port, from: { kind: "anywhere" } }))]);
    remember(state, by, { tick: state.tick, undo: [{ type: "setFirewall", host: host.id, openPorts: before }], refund: 0 });
  },
};

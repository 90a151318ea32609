// Firewall rules and whom they let in. A firewall is ufw with `default deny incoming`: a running
// one drops every TCP connection that no rule allows, whether it comes from the internet or from
// another of the player's servers. A rule allows one port from anywhere (`ufw allow 3306/tcp`),
// from one server (`ufw allow from 10.0.0.3 to any port 3306 proto tcp`) or from every server
// running some software ("3306 from the application servers", one such ufw line per server).
// A host's own traffic never crosses its firewall (loopback).
import { PORT_APP, PORT_HTTP, PORT_HTTPS, PORT_MYSQL } from "../content/catalog.js";
import type { FirewallRole, FirewallRule, FirewallService, FirewallSource, GameState, Host } from "../model/types.js";
import { backendPort } from "./backend-tls.js";
import type { Topology } from "./topology.js";

export const FIREWALL_ROLES: readonly FirewallRole[] = ["lb", "web", "app", "db"];
/** Rules one firewall may hold. */
export const MAX_FIREWALL_RULES = 32;
/** The source slot of a connection from a client on the internet. */
export const INTERNET = -1;

export function sameSource(a: FirewallSource, b: FirewallSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "host") return a.host === (b as { host: number }).host;
  if (a.kind === "role") return a.role === (b as { role: FirewallRole }).role;
  return true;
}

export function sameRule(a: FirewallRule, b: FirewallRule): boolean {
  return a.port === b.port && sameSource(a.from, b.from);
}

function sourceOrder(s: FirewallSource): number {
  if (s.kind === "anywhere") return 0;
  if (s.kind === "role") return 1 + FIREWALL_ROLES.indexOf(s.role);
  return 10 + s.host;
}

/** The canonical order (by port, then anywhere, roles, hosts): the same set always hashes and reads the same. */
export function sortRules(rules: FirewallRule[]): FirewallRule[] {
  return rules.sort((a, b) => a.port - b.port || sourceOrder(a.from) - sourceOrder(b.from));
}

/** A copy of a rule as plain data (a command's object is never shared with the state). */
export function copyRule(rule: FirewallRule): FirewallRule {
  const f = rule.from;
  const from: FirewallSource = f.kind === "host" ? { kind: "host", host: f.host } : f.kind === "role" ? { kind: "role", role: f.role } : { kind: "anywhere" };
  return { port: rule.port, from };
}

/** Whether `rules` let a connection from host slot `from` (INTERNET: a client) in on `port`. */
export function rulesAdmit(rules: readonly FirewallRule[], topo: Topology, from: number, port: number): boolean {
  for (let k = 0; k < rules.length; k++) {
    const r = rules[k];
    if (r.port !== port) continue;
    const src = r.from;
    if (src.kind === "anywhere") return true;
    if (from < 0) continue;
    if (src.kind === "host" ? topo.hosts[from].id === src.host : topo[src.role][from] !== null) return true;
  }
  return false;
}

/** Whether a connection from slot `from` reaches `port` on slot `to`: a firewall filters only while it runs. */
export function firewallLetsIn(topo: Topology, to: number, from: number, port: number): boolean {
  if (from === to) return true;
  const fw = topo.firewall[to];
  if (fw === null || fw.status !== "up") return true;
  return rulesAdmit(fw.rules, topo, from, port);
}

/** The same question about the design, whatever the firewall's state this second (for the audit). */
export function rulesLetIn(topo: Topology, to: number, from: number, port: number): boolean {
  if (from === to) return true;
  const fw = topo.firewall[to];
  return fw === null || rulesAdmit(fw.rules, topo, from, port);
}

/** Whether the running firewall on the primary drops the connection of the replica at slot r (it then copies nothing). */
export function replicationCutOff(topo: Topology, r: number): boolean {
  for (const p of topo.dbHosts) if (topo.db[p]!.role === "primary") return !firewallLetsIn(topo, p, r, PORT_MYSQL);
  return false;
}

/** Whether the firewall lets the whole internet in on `port`. */
export function openToInternet(fw: FirewallService, port: number): boolean {
  return fw.rules.some((r) => r.port === port && r.from.kind === "anywhere");
}

/** The port users reach the web server on `host` from the internet: HTTPS when it ends TLS itself (a valid certificate). A load balancer uses `backendPort`. */
export function webPortOf(state: GameState, host: Host): number {
  return host.cert !== null && host.cert.expiresAt > state.tick ? PORT_HTTPS : PORT_HTTP;
}

/**
 * The rules a new firewall starts with: the ports the host's software answers on, for whoever
 * calls them in a working design. Users reach a public load balancer or web server from anywhere;
 * SSH stays closed; everything else is open only to the servers that call it (see `insideRules`).
 * The player sees and edits them in the inspector.
 */
export function startingRules(host: Host): FirewallRule[] {
  const has = (kind: string) => host.services.some((s) => s.kind === kind);
  return withInsideRules(has("lb") || (has("web") && host.publicIp) ? [PORT_HTTP, PORT_HTTPS] : [], host);
}

/**
 * The rules that give a firewall from before rules existed (it listed open ports and let every
 * other server in) the same effect: its open ports from anywhere, and the inside connections.
 */
export function rulesFromOpenPorts(openPorts: readonly number[], host: Host): FirewallRule[] {
  return withInsideRules(openPorts, host);
}

function withInsideRules(openPorts: readonly number[], host: Host): FirewallRule[] {
  const rules: FirewallRule[] = [...new Set(openPorts)].map((port) => ({ port, from: { kind: "anywhere" } }));
  for (const r of insideRules(host)) if (!openPorts.includes(r.port)) rules.push(r);
  return sortRules(rules);
}

/**
 * What the servers of a working design need from this one: a web server answers the load
 * balancers, an application the web servers, MySQL the applications and the other databases (a
 * replica connects to its primary).
 */
function insideRules(host: Host): FirewallRule[] {
  const has = (kind: string) => host.services.some((s) => s.kind === kind);
  const rules: FirewallRule[] = [];
  const from = (role: FirewallRole): FirewallSource => ({ kind: "role", role });
  if (has("web")) rules.push({ port: PORT_HTTP, from: from("lb") }, { port: PORT_HTTPS, from: from("lb") });
  if (has("app") && !has("web")) rules.push({ port: PORT_APP, from: from("web") });
  if (has("db")) rules.push({ port: PORT_MYSQL, from: from("app") }, { port: PORT_MYSQL, from: from("db") });
  return rules;
}

/** A connection the design makes: from slot `from` to `port` on slot `to`. */
export interface Caller { from: number; port: number }

/**
 * Who connects to host slot `to`, and on which port: the load balancers in front of its web
 * server, the web servers in front of its application, the applications using its database and,
 * when it is the primary, the replicas that copy from it.
 */
export function callersOf(state: GameState, topo: Topology, to: number): Caller[] {
  const out: Caller[] = [];
  const n = topo.hosts.length;
  if (topo.web[to]) for (const i of topo.lbHosts) if (i !== to && topo.lbBackends[i].includes(to)) out.push({ from: i, port: backendPort(topo.lb[i]!) });
  if (topo.app[to]) for (let w = 0; w < n; w++) if (w !== to && topo.web[w] && topo.webApps[w].includes(to)) out.push({ from: w, port: PORT_APP });
  const db = topo.db[to];
  if (db) {
    for (let a = 0; a < n; a++) if (a !== to && topo.app[a] && topo.appDbs[a].includes(to)) out.push({ from: a, port: PORT_MYSQL });
    if (db.role === "primary") for (const r of topo.dbHosts) if (r !== to && topo.db[r]!.role === "replica") out.push({ from: r, port: PORT_MYSQL });
  }
  return out;
}

/** The design's connections to slot `to` that its firewall's rules refuse (whether or not it runs yet). */
export function refusedCallers(state: GameState, topo: Topology, to: number): Caller[] {
  return callersOf(state, topo, to).filter((c) => !rulesLetIn(topo, to, c.from, c.port));
}

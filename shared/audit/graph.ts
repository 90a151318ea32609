// Reachability on the design's graph: can a request of each class get from the internet, through
// DNS, to the server that answers it, with one element (a host, a load balancer or a link)
// taken away? Structural: it asks what the wiring allows, not who happens to be up this second.
import { PORT_APP, PORT_MYSQL } from "../content/catalog.js";
import type { GameState } from "../model/types.js";
import { backendPort } from "../sim/backend-tls.js";
import { webPortOf, INTERNET, rulesLetIn } from "../sim/firewall-rules.js";
import { resolveName } from "../sim/hops/dns.js";
import type { Topology } from "../sim/topology.js";

/** The classes a user sends, in the flow's order. */
export const USER_CLASSES = ["static", "read", "write"] as const;
export type UserClass = (typeof USER_CLASSES)[number];
export const CLASS_WORDS: Record<UserClass, string> = { static: "static files", read: "page reads", write: "writes" };

/** What is taken away: a whole host, the load balancer on a host, or a link (by index). */
export interface Removal {
  host?: number;
  lbOn?: number;
  link?: number;
}
export const NOTHING: Removal = {};

/** Per address that `www` resolves to: the hosts that can answer on it (both members of a virtual IP's pair). */
export function entryGroups(state: GameState, topo: Topology): number[][] {
  const groups: number[][] = [];
  for (const ip of resolveName(state)) {
    const pair = state.pairs.find((p) => p.vip === ip);
    const ids = pair ? pair.members.map((id) => topo.indexById.get(id)) : [topo.ipToIndex.get(ip)];
    const group = ids.filter((i): i is number => i !== undefined);
    if (group.length) groups.push(group);
  }
  return groups;
}

export function entryHosts(state: GameState, topo: Topology): number[] {
  return [...new Set(entryGroups(state, topo).flat())].sort((a, b) => a - b);
}

/** One working path for a class: the hosts, links and load balancer it uses. */
export interface Path {
  hosts: number[];
  links: number[];
  lbOn: number[];
}

/**
 * Whether a request of class `cls` can be served with `gone` removed; with `path`, also records
 * one way through. Each server's verdict is memoised, so a check costs one pass over the links.
 */
export function serves(state: GameState, topo: Topology, cls: UserClass, gone: Removal, path?: Path): boolean {
  const alive = (i: number) => i !== gone.host;
  const linkOk = (l: number) => l < 0 || l !== gone.link;
  const n = state.hosts.length;
  const appMemo = new Int8Array(n);
  const webMemo = new Int8Array(n);
  const dbOk = (d: number) => alive(d) && (cls === "read" || topo.db[d]!.role === "primary");
  // Each inner hop also crosses the firewall of the server it reaches.
  const dbOf = (a: number) => topo.appDbs[a].findIndex((d, k) => linkOk(topo.appDbLinks[a][k]) && rulesLetIn(topo, d, a, PORT_MYSQL) && dbOk(d));
  const appOk = (a: number) => {
    if (appMemo[a] === 0) appMemo[a] = alive(a) && dbOf(a) >= 0 ? 1 : 2;
    return appMemo[a] === 1;
  };
  const appOf = (w: number) => topo.webApps[w].findIndex((a, k) => linkOk(topo.webAppLinks[w][k]) && rulesLetIn(topo, a, w, PORT_APP) && appOk(a));
  const webOk = (w: number) => {
    if (webMemo[w] === 0) webMemo[w] = alive(w) && topo.web[w] !== null && (cls === "static" || appOf(w) >= 0) ? 1 : 2;
    return webMemo[w] === 1;
  };
  const backendOf = (e: number) => topo.lbBackends[e].findIndex((w, k) => linkOk(topo.lbBackendLinks[e][k]) && rulesLetIn(topo, w, e, backendPort(topo.lb[e]!)) && webOk(w));
  const frontOk = (e: number) => {
    if (!alive(e) || !firewallLetsUsersIn(state, topo, e)) return false;
    if (topo.lb[e] && gone.lbOn !== e) return backendOf(e) >= 0;
    return !topo.lb[e] && webOk(e);
  };
  for (const group of entryGroups(state, topo)) {
    const e = group.find(frontOk);
    if (e === undefined) continue;
    if (path) trace(topo, cls, e, path, backendOf, appOf, dbOf);
    return true;
  }
  return false;
}

function trace(topo: Topology, cls: UserClass, e: number, path: Path, backendOf: (e: number) => number, appOf: (w: number) => number, dbOf: (a: number) => number): void {
  path.hosts.push(e);
  let w = e;
  if (topo.lb[e]) {
    path.lbOn.push(e);
    const k = backendOf(e);
    w = topo.lbBackends[e][k];
    path.hosts.push(w);
    path.links.push(topo.lbBackendLinks[e][k]);
  }
  if (cls === "static") return;
  const ka = appOf(w);
  const a = topo.webApps[w][ka];
  path.hosts.push(a);
  path.links.push(topo.webAppLinks[w][ka]);
  const kd = dbOf(a);
  path.hosts.push(topo.appDbs[a][kd]);
  path.links.push(topo.appDbLinks[a][kd]);
}

/** The entry's firewall, if it has one, must let users in from anywhere on the port they use. */
export function firewallLetsUsersIn(state: GameState, topo: Topology, e: number): boolean {
  return rulesLetIn(topo, e, INTERNET, webPortOf(state, state.hosts[e]));
}

export function servedClasses(state: GameState, topo: Topology, gone: Removal = NOTHING): UserClass[] {
  return USER_CLASSES.filter((c) => serves(state, topo, c, gone));
}

/**
 * The removals worth trying, with the names a reviewer would use. Anything every path needs is on
 * any one working path, so only the hosts, links and load balancers of one path per class are
 * candidates: a few dozen checks however large the board.
 */
export function removals(state: GameState, topo: Topology): { gone: Removal; name: string; label: string; ends: number[] }[] {
  const path: Path = { hosts: [], links: [], lbOn: [] };
  for (const c of USER_CLASSES) serves(state, topo, c, NOTHING, path);
  const hosts = new Set(path.hosts);
  const lbOn = new Set(path.lbOn);
  const links = new Set(path.links.filter((l) => l >= 0));
  const out: { gone: Removal; name: string; label: string; ends: number[] }[] = [];
  state.hosts.forEach((h, i) => {
    if (!hosts.has(i)) return;
    const roles = [topo.lb[i], topo.web[i], topo.app[i], topo.db[i]].filter(Boolean).length;
    // The roles a reader cares about most, so "db" or "load balancer" is plain in the message.
    const what = [topo.lb[i] && "the load balancer", topo.db[i]?.role === "primary" && "the MySQL primary"].filter(Boolean).join(", ");
    out.push({ gone: { host: i }, name: h.name, label: what ? `${h.name} (${what})` : h.name, ends: [i] });
    // HAProxy can die alone on a host that does other work too.
    if (lbOn.has(i) && roles > 1) out.push({ gone: { lbOn: i }, name: `HAProxy on ${h.name}`, label: `HAProxy on ${h.name}`, ends: [i] });
  });
  state.links.forEach((l, li) => {
    if (!links.has(li)) return;
    const a = topo.indexById.get(l.from)!;
    const b = topo.indexById.get(l.to)!;
    const name = `the link ${state.hosts[a].name} – ${state.hosts[b].name}`;
    out.push({ gone: { link: li }, name, label: name, ends: [a, b] });
  });
  return out;
}

/** Hosts whose loss stops some class that is served now. */
export function spofHosts(state: GameState, topo: Topology): Set<number> {
  const baseline = servedClasses(state, topo).length;
  const out = new Set<number>();
  for (const r of removals(state, topo)) if (r.gone.host !== undefined && servedClasses(state, topo, r.gone).length < baseline) out.add(r.gone.host);
  return out;
}

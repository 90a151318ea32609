// Reachability on the design's graph: can a request of each class get from the internet, through
// DNS, to the server that answers it, with one element (a host, a load balancer or a link)
// taken away? Structural: it asks what the wiring allows, not who happens to be up this second.
import { PORT_HTTP, PORT_HTTPS } from "../content/catalog.js";
import type { GameState } from "../model/types.js";
import { resolveName } from "../sim/front-door.js";
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

/** Whether a request of class `cls` can be served with `gone` removed. */
export function serves(state: GameState, topo: Topology, cls: UserClass, gone: Removal): boolean {
  const alive = (i: number) => i !== gone.host;
  const linkOk = (l: number) => l < 0 || l !== gone.link;
  const dbOk = (d: number) => alive(d) && (cls === "read" || topo.db[d]!.role === "primary");
  const appOk = (a: number) => alive(a) && topo.appDbs[a].some((d, k) => linkOk(topo.appDbLinks[a][k]) && dbOk(d));
  const webOk = (w: number) => alive(w) && topo.web[w] !== null && (cls === "static" || topo.webApps[w].some((a, k) => linkOk(topo.webAppLinks[w][k]) && appOk(a)));
  const frontOk = (e: number) => {
    if (!alive(e) || !firewallLetsUsersIn(state, topo, e)) return false;
    if (topo.lb[e] && gone.lbOn !== e) return topo.lbBackends[e].some((w, k) => linkOk(topo.lbBackendLinks[e][k]) && webOk(w));
    return !topo.lb[e] && webOk(e);
  };
  return entryGroups(state, topo).some((group) => group.some(frontOk));
}

/** The entry's firewall, if it runs one, must let users in on the port they use. */
export function firewallLetsUsersIn(state: GameState, topo: Topology, e: number): boolean {
  const fw = topo.firewall[e];
  if (!fw) return true;
  const host = state.hosts[e];
  const port = host.cert && host.cert.expiresAt > state.tick ? PORT_HTTPS : PORT_HTTP;
  return fw.openPorts.includes(port);
}

export function servedClasses(state: GameState, topo: Topology, gone: Removal = NOTHING): UserClass[] {
  return USER_CLASSES.filter((c) => serves(state, topo, c, gone));
}

/** Each removal worth trying, with the name a reviewer would use for it. */
export function removals(state: GameState, topo: Topology): { gone: Removal; name: string; label: string; ends: number[] }[] {
  const out: { gone: Removal; name: string; label: string; ends: number[] }[] = [];
  state.hosts.forEach((h, i) => {
    const roles = [topo.lb[i], topo.web[i], topo.app[i], topo.db[i]].filter(Boolean).length;
    if (roles === 0) return;
    // The roles a reader cares about most, so "db" or "load balancer" is plain in the message.
    const what = [topo.lb[i] && "the load balancer", topo.db[i]?.role === "primary" && "the MySQL primary"].filter(Boolean).join(", ");
    out.push({ gone: { host: i }, name: h.name, label: what ? `${h.name} (${what})` : h.name, ends: [i] });
    // HAProxy can die alone on a host that does other work too.
    if (topo.lb[i] && roles > 1) out.push({ gone: { lbOn: i }, name: `HAProxy on ${h.name}`, label: `HAProxy on ${h.name}`, ends: [i] });
  });
  state.links.forEach((l, li) => {
    const a = topo.indexById.get(l.from);
    const b = topo.indexById.get(l.to);
    if (a === undefined || b === undefined) return;
    const name = `the link ${state.hosts[a].name} – ${state.hosts[b].name}`;
    out.push({ gone: { link: li }, name, label: name, ends: [a, b] });
  });
  return out;
}

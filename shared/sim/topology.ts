// Derived lookups over the topology: who forwards to whom, by array index. Rebuilt only when
// `topologyVersion` changes (any build command bumps it); per-tick status is read live.
import type { AppService, DbService, FirewallService, GameState, Host, LbService, MonitorService, WebService } from "../model/types.js";

export interface Topology {
  version: number;
  hosts: Host[];
  indexById: Map<number, number>;
  ipToIndex: Map<string, number>;
  web: (WebService | null)[];
  app: (AppService | null)[];
  db: (DbService | null)[];
  lb: (LbService | null)[];
  firewall: (FirewallService | null)[];
  monitor: (MonitorService | null)[];
  /** Per load balancer: backends (hosts running a web server linked to it). */
  lbBackends: number[][];
  /** Per web server: the application servers it proxies to (its own, else linked ones). */
  webApps: number[][];
  /** Per application server: the databases it can reach (its own and linked ones). */
  appDbs: number[][];
  /** Link index per (from, to) host index pair in either direction, for traffic drawing. */
  linkIndex: Map<number, number>;
  /** Link indexes parallel to lbBackends, webApps and appDbs (-1 where the hop stays on one host). */
  lbBackendLinks: number[][];
  webAppLinks: number[][];
  appDbLinks: number[][];
  /** Per database host: link index to each other database host (-1 if none), parallel to dbHosts. */
  dbPeerLinks: number[][];
  lbHosts: number[];
  dbHosts: number[];
  /** Per host: its services need more memory than it has, so it swaps. */
  swapping: boolean[];
}

import { HOST_TIERS } from "../content/catalog.js";
import { memoryUsedMb } from "./services.js";

const cache = new WeakMap<GameState, Topology>();
/**
 * The last state asked about and its topology: a tick asks about one state a dozen times, and
 * comparing one pointer is cheaper than a WeakMap lookup each time (most of all in the first
 * ticks of a fresh process, before V8 has optimised anything).
 */
let lastState: GameState | null = null;
let lastTopo: Topology | null = null;

export function pairKey(a: number, b: number): number {
  return a < b ? a * 65536 + b : b * 65536 + a;
}

export function topology(state: GameState): Topology {
  if (state === lastState && lastTopo!.version === state.topologyVersion && lastTopo!.hosts === state.hosts) return lastTopo!;
  let topo = cache.get(state);
  if (!topo || topo.version !== state.topologyVersion || topo.hosts !== state.hosts) {
    topo = build(state);
    cache.set(state, topo);
  }
  lastState = state;
  lastTopo = topo;
  return topo;
}

function build(state: GameState): Topology {
  const hosts = state.hosts;
  const n = hosts.length;
  const indexById = new Map<number, number>();
  const ipToIndex = new Map<string, number>();
  const web: (WebService | null)[] = new Array(n).fill(null);
  const app: (AppService | null)[] = new Array(n).fill(null);
  const db: (DbService | null)[] = new Array(n).fill(null);
  const lb: (LbService | null)[] = new Array(n).fill(null);
  const firewall: (FirewallService | null)[] = new Array(n).fill(null);
  const monitor: (MonitorService | null)[] = new Array(n).fill(null);
  hosts.forEach((h, i) => {
    indexById.set(h.id, i);
    if (h.publicIp) ipToIndex.set(h.publicIp, i);
    for (const s of h.services) {
      if (s.kind === "web") web[i] = s;
      else if (s.kind === "app") app[i] = s;
      else if (s.kind === "db") db[i] = s;
      else if (s.kind === "lb") lb[i] = s;
      else if (s.kind === "firewall") firewall[i] = s;
      else if (s.kind === "monitor") monitor[i] = s;
    }
  });
  const neighbours: number[][] = hosts.map(() => []);
  const linkIndex = new Map<number, number>();
  state.links.forEach((l, li) => {
    const a = indexById.get(l.from);
    const b = indexById.get(l.to);
    if (a === undefined || b === undefined) return;
    neighbours[a].push(b);
    neighbours[b].push(a);
    linkIndex.set(pairKey(a, b), li);
  });
  for (const nb of neighbours) nb.sort((x, y) => x - y);
  const lbBackends = hosts.map((_, i) => (lb[i] ? neighbours[i].filter((j) => web[j] !== null) : []));
  const webApps = hosts.map((_, i) => (app[i] ? [i] : neighbours[i].filter((j) => app[j] !== null)));
  const appDbs = hosts.map((_, i) => {
    const own = db[i] ? [i] : [];
    return own.concat(neighbours[i].filter((j) => db[j] !== null)).sort((x, y) => x - y);
  });
  const linkOf = (a: number, b: number) => (a === b ? -1 : linkIndex.get(pairKey(a, b)) ?? -1);
  const lbBackendLinks = lbBackends.map((list, i) => list.map((j) => linkOf(i, j)));
  const webAppLinks = webApps.map((list, i) => list.map((j) => linkOf(i, j)));
  const appDbLinks = appDbs.map((list, i) => list.map((j) => linkOf(i, j)));
  const lbHosts: number[] = [];
  const dbHosts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (lb[i]) lbHosts.push(i);
    if (db[i]) dbHosts.push(i);
  }
  const dbPeerLinks = hosts.map((_, i) => (db[i] ? dbHosts.map((j) => linkOf(i, j)) : []));
  return {
    version: state.topologyVersion, hosts, indexById, ipToIndex, web, app, db, lb, firewall, monitor,
    lbBackends, webApps, appDbs, linkIndex, lbBackendLinks, webAppLinks, appDbLinks, dbPeerLinks, lbHosts, dbHosts,
    swapping: hosts.map((h) => memoryUsedMb(h) > HOST_TIERS[h.tier].memoryMb),
  };
}

export function hostById(state: GameState, id: number): Host | undefined {
  const i = topology(state).indexById.get(id);
  return i === undefined ? undefined : state.hosts[i];
}

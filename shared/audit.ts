// The architecture audit: what a reviewer would say about the design on the whiteboard, computed
// from the structure (not from who happens to be up right now). Shown live and in the debrief,
// and used by chapter goals.
import type { AuditCheckId } from "./content/scenario.js";
import type { GameState, Host } from "./model/types.js";
import { exposedPorts } from "./sim/services.js";
import { topology, type Topology } from "./sim/topology.js";
import { resolveName } from "./sim/front-door.js";

export interface AuditFinding {
  id: AuditCheckId | "ssh-open" | "one-primary" | "all-in-one";
  ok: boolean;
  title: string;
  detail: string;
}

export function audit(state: GameState): AuditFinding[] {
  const topo = topology(state);
  const hosts = state.hosts;
  const roles = (i: number) => [topo.lb[i], topo.web[i], topo.app[i], topo.db[i]].filter(Boolean).length;
  const serving = hosts.map((_, i) => i).filter((i) => roles(i) > 0);
  const entries = entryIndexes(state, topo);
  const spofs = serving.filter((i) => !worksWithout(state, topo, i)).map((i) => hosts[i].name);
  const lbSpofs = topo.lbHosts.filter((i) => !worksWithout(state, topo, i)).map((i) => hosts[i].name);
  const replicas = topo.dbHosts.filter((i) => topo.db[i]!.role === "replica");
  const noFirewall = hosts.filter((_, i) => !topo.firewall[i]).map((h) => h.name);
  const noMonitor = hosts.filter((_, i) => !topo.monitor[i]).map((h) => h.name);
  const plain = entries.filter((i) => !hosts[i].cert || hosts[i].cert!.expiresAt <= state.tick).map((i) => hosts[i].name);
  const dbExposed = topo.dbHosts.filter((i) => exposedPorts(hosts[i]).includes(3306)).map((i) => hosts[i].name);
  const sshOpen = hosts.filter((h) => exposedPorts(h).includes(22)).map((h) => h.name);
  const mixed = serving.filter((i) => roles(i) > 1).map((i) => hosts[i].name);
  const tlsAtLb = entries.filter((i) => topo.lb[i] && hosts[i].cert);
  const plainBehind = tlsAtLb.flatMap((i) => topo.lbBackends[i]).filter((j) => !hosts[j].cert).map((j) => hosts[j].name);
  const list = (names: string[]) => [...new Set(names)].join(", ");

  return [
    {
      id: "no-spof-host", ok: serving.length > 0 && spofs.length === 0,
      title: "No single point of failure",
      detail: serving.length === 0 ? "Nothing serves the site yet." : spofs.length ? `Losing any one of ${list(spofs)} stops the site.` : "The site survives the loss of any one server.",
    },
    {
      id: "no-spof-lb", ok: topo.lbHosts.length > 0 && lbSpofs.length === 0,
      title: "Load balancers in a cluster",
      detail: topo.lbHosts.length === 0 ? "No load balancer yet." : lbSpofs.length ? `${list(lbSpofs)} is a lone load balancer: pair it (active-active or active-passive).` : "Losing one load balancer leaves another in service.",
    },
    {
      id: "no-spof-db", ok: replicas.length > 0,
      title: "A replica ready to promote",
      detail: replicas.length ? `${replicas.length} replica(s) copy the primary.` : "One database holds everything: if it dies, so does the data path.",
    },
    { id: "firewalls", ok: hosts.length > 0 && noFirewall.length === 0, title: "A firewall on every server", detail: noFirewall.length ? `No firewall on ${list(noFirewall)}.` : "Every server filters its ports." },
    { id: "https", ok: entries.length > 0 && plain.length === 0, title: "HTTPS for users", detail: entries.length === 0 ? "www points nowhere yet." : plain.length ? `Users reach ${list(plain)} over plain HTTP (or an expired certificate).` : "Users connect over HTTPS." },
    { id: "monitoring", ok: hosts.length > 0 && noMonitor.length === 0, title: "Monitoring on every server", detail: noMonitor.length ? `No agent on ${list(noMonitor)}: failures there are found by users.` : "Every server reports metrics and alerts." },
    { id: "db-private", ok: dbExposed.length === 0, title: "Database off the internet", detail: dbExposed.length ? `MySQL port 3306 is reachable from the internet on ${list(dbExposed)}.` : "No database port is reachable from the internet." },
    { id: "tiers-split", ok: serving.length > 0 && mixed.length === 0, title: "One role per server", detail: mixed.length ? `${list(mixed)} run several roles: they cannot scale apart and share one failure.` : "Each tier scales on its own servers." },
    { id: "end-to-end-tls", ok: plainBehind.length === 0, title: "Encrypted behind the load balancer", detail: plainBehind.length ? `TLS ends at the load balancer; traffic to ${list(plainBehind)} is plain on the internal network.` : "No plain traffic behind a TLS-terminating load balancer." },
    { id: "ssh-open", ok: sshOpen.length === 0, title: "SSH closed to the internet", detail: sshOpen.length ? `Port 22 answers the internet on ${list(sshOpen)}.` : "No SSH port faces the internet." },
    { id: "one-primary", ok: false, title: "One primary takes every write", detail: "All writes go through a single primary: it limits write throughput, and its loss stops writes until a replica is promoted." },
    { id: "all-in-one", ok: !(serving.length > 1 && serving.every((i) => roles(i) >= 3)), title: "Not identical all-in-one servers", detail: "Servers that each run web, application and database copy every weakness and contend for the same CPU." },
  ];
}

export function auditPasses(state: GameState, ids: readonly AuditCheckId[]): { ok: boolean; failing: AuditFinding[] } {
  const findings = audit(state);
  const failing = findings.filter((f) => ids.includes(f.id as AuditCheckId) && !f.ok);
  return { ok: failing.length === 0, failing };
}

function entryIndexes(state: GameState, topo: Topology): number[] {
  const out: number[] = [];
  for (const ip of resolveName(state)) {
    const pair = state.pairs.find((p) => p.vip === ip);
    if (pair) for (const id of pair.members) out.push(topo.indexById.get(id)!);
    else {
      const i = topo.ipToIndex.get(ip);
      if (i !== undefined) out.push(i);
    }
  }
  return [...new Set(out)].filter((i) => i !== undefined);
}

/** Whether reads and writes still have a whole path with host `gone` removed (a replica counts, as it can be promoted). */
export function worksWithout(state: GameState, topo: Topology, gone: number): boolean {
  const hosts: Host[] = state.hosts;
  const alive = (i: number) => i !== gone;
  const appOk = (a: number) => alive(a) && topo.appDbs[a].some(alive);
  const webOk = (w: number) => alive(w) && topo.web[w] !== null && topo.webApps[w].some(appOk);
  const frontOk = (e: number) => alive(e) && (topo.lb[e] ? topo.lbBackends[e].some(webOk) : webOk(e));
  for (const ip of resolveName(state)) {
    const pair = state.pairs.find((p) => p.vip === ip);
    const candidates = pair ? pair.members.map((id) => topo.indexById.get(id)!) : [topo.ipToIndex.get(ip)];
    for (const e of candidates) if (e !== undefined && hosts[e] && frontOk(e)) return true;
  }
  return false;
}

// Single points of failure, found by taking each host, load balancer and link away in turn and
// asking whether each kind of request still has a way through.
import type { GameState } from "../model/types.js";
import type { Topology } from "../sim/topology.js";
import { CLASS_WORDS, entryHosts, NOTHING, removals, servedClasses, USER_CLASSES, type UserClass } from "./graph.js";
import { fail, names, pass, type AuditFinding } from "./types.js";

const what = (lost: UserClass[]) => (lost.length === USER_CLASSES.length ? "every request" : lost.map((c) => CLASS_WORDS[c]).join(" and "));

export function spofFindings(state: GameState, topo: Topology): AuditFinding[] {
  if (!state.dns.www) return []; // nothing is published: there is no site to lose yet
  const baseline = servedClasses(state, topo, NOTHING);
  const out: AuditFinding[] = [];
  const missing = USER_CLASSES.filter((c) => !baseline.includes(c));
  if (missing.length) {
    out.push(fail("site-reachable", "spof", "critical", "Every request has a way through", [],
      `As built, ${what(missing)} cannot get from www.foobar.com to a server that answers them.`,
      "Follow the path: DNS → load balancer or web server (port open) → application server → database (the primary for writes), and link what is missing."));
  } else {
    out.push(pass("site-reachable", "spof", "Every request has a way through", "Static files, reads and writes each have a path from DNS to a server that answers."));
  }
  if (baseline.length === 0) return out;

  const lost = removals(state, topo).map((r) => ({ ...r, lost: baseline.filter((c) => !servedClasses(state, topo, r.gone).includes(c)) }));
  const hostSpof = new Set(lost.filter((r) => r.gone.host !== undefined && r.lost.length).map((r) => r.gone.host!));
  // A link between two single points of failure adds nothing a reader does not already know.
  const spofs = lost.filter((r) => r.lost.length && (r.gone.link === undefined || !r.ends.every((i) => hostSpof.has(i))));
  if (spofs.length) {
    out.push(fail("no-spof-host", "spof", "critical", "No single point of failure", spofs.map((r) => r.name),
      spofs.map((r) => `Losing ${r.label} stops ${what(r.lost)}${r.gone.host !== undefined && topo.db[r.gone.host]?.role === "primary" && topo.dbHosts.length > 1 ? " until a replica is promoted" : ""}.`).join(" "),
      "Give every role a second: two web and application servers behind the load balancer, a load-balancer pair, a replica ready to take over, and links from each to both of the next tier."));
  } else {
    out.push(pass("no-spof-host", "spof", "No single point of failure", "Any one server, load balancer or link can fail and every kind of request still has a path."));
  }

  // Load balancers that users reach: only a pair that really serves www counts as a cluster.
  const entries = entryHosts(state, topo);
  const lbEntries = entries.filter((e) => topo.lb[e]);
  if (lbEntries.length) {
    const lone = lbEntries.filter((e) => lost.some((r) => (r.gone.host === e || r.gone.lbOn === e) && r.lost.length));
    const paired = state.pairs.some((p) => p.members.every((id) => entries.includes(topo.indexById.get(id) ?? -1)));
    if (lone.length || !paired) {
      const subjects = (lone.length ? lone : lbEntries).map((e) => state.hosts[e].name);
      const message = lone.length
        ? `${names(subjects)} ${subjects.length > 1 ? "are" : "is"} not covered by a partner: if ${subjects.length > 1 ? "one" : "it"} fails, users reach nothing.`
        : `${names(subjects)} both serve www but are not set up as a pair, so neither watches over the other.`;
      out.push(fail("no-spof-lb", "spof", lone.length ? "critical" : "warning", "Load balancers in a cluster", subjects, message,
        "Pair it with a second HAProxy: active-passive behind a virtual IP in DNS, or active-active with both addresses in DNS; link both to every backend."));
    } else {
      out.push(pass("no-spof-lb", "spof", "Load balancers in a cluster", "A pair of load balancers serves www: one can fail and the other carries on."));
    }
  }

  // Health checks: only a load balancer with a choice of backends can route around a dead one.
  const sets = topo.lbHosts.filter((i) => topo.lbBackends[i].length >= 2);
  if (sets.length) {
    const blind = sets.filter((i) => !topo.lb[i]!.healthCheck).map((i) => state.hosts[i].name);
    if (blind.length) {
      out.push(fail("health-checks", "spof", "warning", "Health checks on every backend set", blind,
        `${names(blind)} ${blind.length > 1 ? "send" : "sends"} a dead backend its full share: those requests fail until someone notices.`,
        "Turn on health checks so HAProxy stops sending to a backend that stops answering."));
    } else {
      out.push(pass("health-checks", "spof", "Health checks on every backend set", "Every load balancer checks its backends and stops using one that dies."));
    }
  }
  return out;
}

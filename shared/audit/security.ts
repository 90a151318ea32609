// Security: firewalls, HTTPS for users, TLS that ends at the load balancer, and ports the
// internet can reach that it has no business reaching.
import { PORT_APP, PORT_MYSQL, PORT_SSH } from "../content/catalog.js";
import type { GameState } from "../model/types.js";
import { callersOf, openToInternet, refusedCallers } from "../sim/firewall-rules.js";
import { exposedPorts } from "../sim/services.js";
import type { Topology } from "../sim/topology.js";
import { entryHosts } from "./graph.js";
import { fail, names, pass, type AuditFinding, type AuditId } from "./types.js";

export function securityFindings(state: GameState, topo: Topology): AuditFinding[] {
  const hosts = state.hosts;
  if (hosts.length === 0) return [];
  const out: AuditFinding[] = [];
  const name = (i: number) => hosts[i].name;
  const all = hosts.map((_, i) => i);

  const bare = all.filter((i) => !topo.firewall[i] || topo.firewall[i]!.status !== "up");
  if (bare.length) {
    const publicBare = bare.some((i) => hosts[i].publicIp);
    out.push(fail("firewalls", "security", publicBare ? "critical" : "warning", "A firewall on every server", bare.map(name),
      `No firewall filters ${names(bare.map(name))}: every port a service opens there is open to whoever can reach it.`,
      "Install a firewall on each server and open only what it serves: 80/443 on the entry, nothing else to the internet."));
  } else {
    out.push(pass("firewalls", "security", "A firewall on every server", "Every server filters its ports."));
  }

  const entries = entryHosts(state, topo).filter((e) => topo.lb[e] || topo.web[e]);
  if (entries.length) {
    const plain = entries.filter((e) => !hosts[e].cert || hosts[e].cert!.expiresAt <= state.tick);
    if (plain.length) {
      out.push(fail("https", "security", "critical", "HTTPS for users", plain.map(name),
        `Users reach ${names(plain.map(name))} over plain HTTP${plain.some((e) => hosts[e].cert) ? " (or with an expired certificate)" : ""}: passwords and cookies cross the internet readable.`,
        "Put a certificate on every server users connect to and serve www over HTTPS (port 443)."));
    } else {
      out.push(pass("https", "security", "HTTPS for users", "Users connect over HTTPS."));
    }
  }

  // TLS that ends at a load balancer leaves the hop to the backends in the clear, unless the
  // balancer re-encrypts to them (backend TLS).
  const terminating = entries.filter((e) => topo.lb[e] && hosts[e].cert && topo.lbBackends[e].length);
  if (terminating.length) {
    const plainAt = terminating.filter((e) => !topo.lb[e]!.backendTls);
    const plainBehind = [...new Set(plainAt.flatMap((e) => topo.lbBackends[e]))].filter((w) => !plainAt.includes(w));
    if (plainAt.length) {
      out.push(fail("end-to-end-tls", "security", "warning", "Encrypted behind the load balancer", [...plainAt.map(name), ...plainBehind.map(name)],
        `TLS ends at ${names(plainAt.map(name))}; traffic to ${names(plainBehind.map(name))} crosses the internal network in plain text, readable by an intruder on any of them.`,
        `Turn on backend TLS on ${names(plainAt.map(name))} (a certificate on each web server) so an intruder inside cannot read the traffic.`));
    } else {
      out.push(pass("end-to-end-tls", "security", "Encrypted behind the load balancer", "Traffic stays encrypted from the load balancer to the web servers."));
    }
  }

  const portCheck = (id: AuditId, port: number, applies: number[], title: string, what: string, advice: string) => {
    if (!applies.length) return;
    const open = applies.filter((i) => exposedPorts(hosts[i]).includes(port));
    if (open.length) out.push(fail(id, "security", "critical", title, open.map(name), `Port ${port} (${what}) answers the internet on ${names(open.map(name))}.`, advice));
    else out.push(pass(id, "security", title, `No ${what} port is reachable from the internet.`));
  };
  const publicHosts = all.filter((i) => hosts[i].publicIp);
  portCheck("db-private", PORT_MYSQL, topo.dbHosts.filter((i) => hosts[i].publicIp), "Database off the internet", "MySQL",
    "Keep databases on private addresses, or close 3306 in their firewall and allow it only from the application servers.");
  portCheck("ssh-open", PORT_SSH, publicHosts, "SSH closed to the internet", "SSH",
    "Close port 22 in the firewall of every public server; administer through a private network or a bastion.");
  portCheck("app-private", PORT_APP, all.filter((i) => topo.app[i] && hosts[i].publicIp), "Application server off the internet", "application",
    "Users should reach the application only through the web server: close 8080 to the internet.");
  out.push(...insideFindings(state, topo));
  return out;
}

/**
 * Firewalls between the servers: rules that refuse a connection the design makes (the
 * application to MySQL, a replica to its primary), and inner ports open to anywhere, which lets
 * any server that falls to an intruder reach them too.
 */
function insideFindings(state: GameState, topo: Topology): AuditFinding[] {
  const hosts = state.hosts;
  const walled = hosts.map((_, i) => i).filter((i) => topo.firewall[i]);
  if (!walled.length) return [];
  const out: AuditFinding[] = [];
  const refused = walled.flatMap((to) => refusedCallers(state, topo, to).map((c) => ({ to, ...c })));
  const title = "Firewalls let the design's own traffic through";
  if (refused.length) {
    const lines = refused.map((r) => `${hosts[r.from].name} → ${hosts[r.to].name}:${r.port}`);
    out.push(fail("firewall-refuses", "security", "critical", title, [...new Set(refused.map((r) => hosts[r.to].name))],
      `The firewall rules drop connections the design needs: ${lines.join(", ")}.`,
      "Allow each port from the servers that call it (for MySQL: 3306 from the application servers and the replicas)."));
  } else if (walled.some((to) => callersOf(state, topo, to).length)) {
    out.push(pass("firewall-refuses", "security", title, "Every connection between the servers is allowed by the firewall it crosses."));
  }
  const inner = walled.filter((i) => topo.db[i] || topo.app[i]);
  if (inner.length) {
    const wide = inner.flatMap((i) => [PORT_MYSQL, PORT_APP].filter((p) => (p === PORT_MYSQL ? topo.db[i] : topo.app[i]) && openToInternet(topo.firewall[i]!, p)).map((port) => ({ i, port })));
    const insideTitle = "Inner ports open only to their callers";
    if (wide.length) {
      out.push(fail("inside-open", "security", "warning", insideTitle, [...new Set(wide.map((w) => hosts[w.i].name))],
        `${wide.map((w) => `${w.port} on ${hosts[w.i].name}`).join(", ")} ${wide.length > 1 ? "are" : "is"} allowed from anywhere: any server an intruder takes can reach ${wide.length > 1 ? "them" : "it"} too.`,
        "Allow MySQL only from the application servers and the replicas, and the application only from the web servers."));
    } else {
      out.push(pass("inside-open", "security", insideTitle, "MySQL and the application answer only the servers that call them."));
    }
  }
  return out;
}

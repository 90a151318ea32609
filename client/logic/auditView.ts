// Which design-review findings to show, and in what order: checks about things a chapter does
// not offer yet (a firewall in chapter 1, a replica when only one server is allowed) would only
// be noise. The chapter's own concepts come first,
// so a student reads what this chapter is about before the rest of the review.
import { audit, type AuditFinding, type GameState, type Scenario } from "../../shared/index.js";

/** Curriculum concepts (scenario.concepts) → the audit checks that judge them. */
const CHECKS_FOR_CONCEPT: Record<string, string[]> = {
  "single point of failure": ["no-spof-host"],
  "load balancer": ["no-spof-host"],
  "health checks": ["health-checks"],
  "primary-replica": ["no-spof-db"],
  firewall: ["firewalls", "firewall-refuses", "inside-open"],
  "open ports": ["firewalls", "ssh-open", "db-private"],
  HTTPS: ["https"],
  "SSL certificate": ["https"],
  "TLS termination": ["end-to-end-tls"],
  monitoring: ["monitoring"],
  "load-balancer cluster": ["no-spof-lb"],
  "virtual IP": ["no-spof-lb"],
  "active-passive failover": ["no-spof-lb"],
  "one role per server": ["tiers-split"],
  "defence in depth": ["firewalls", "https", "db-private"],
};

export function relevantFindings(state: GameState, scenario: Scenario): AuditFinding[] {
  const services = scenario.allowed.services;
  const oneServer = scenario.allowed.maxHosts < 2;
  const shown: Record<string, boolean> = {
    "no-spof-lb": services.includes("lb"),
    "health-checks": services.includes("lb"),
    "n-plus-one": !oneServer,
    "no-spof-db": !oneServer,
    "tiers-split": !oneServer,
    "all-in-one": !oneServer,
    firewalls: services.includes("firewall"),
    https: services.includes("firewall"),
    "end-to-end-tls": services.includes("firewall"),
    "ssh-open": services.includes("firewall"),
    "app-private": services.includes("firewall"),
    "firewall-refuses": services.includes("firewall"),
    "inside-open": services.includes("firewall"),
    // Without a firewall to close it, the database port is a fact of chapter 1, not a choice.
    "db-private": services.includes("firewall"),
    monitoring: services.includes("monitor"),
  };
  return audit(state, scenario).filter((f) => shown[f.id] !== false);
}

/** The audit checks this chapter is about: its goal's requirements, then its concepts'. */
export function focusChecks(scenario: Scenario): Set<string> {
  const out = new Set<string>(scenario.goal.requires);
  for (const c of scenario.concepts) for (const id of CHECKS_FOR_CONCEPT[c] ?? []) out.add(id);
  return out;
}

/** Relevant findings with the chapter's own first (stable otherwise), each marked. */
export function orderedFindings(state: GameState, scenario: Scenario): (AuditFinding & { focus: boolean })[] {
  const focus = focusChecks(scenario);
  const all = relevantFindings(state, scenario).map((f) => ({ ...f, focus: focus.has(f.id) }));
  return [...all.filter((f) => f.focus), ...all.filter((f) => !f.focus)];
}

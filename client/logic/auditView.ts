// Which design-review findings to show: checks about things a chapter does not offer yet (a
// firewall in chapter 1) would only be noise, and "one primary" is a note, not a finding.
import { audit, type AuditFinding, type GameState, type Scenario } from "../../shared/index.js";

export function relevantFindings(state: GameState, scenario: Scenario): AuditFinding[] {
  const services = scenario.allowed.services;
  const shown: Record<string, boolean> = {
    "no-spof-lb": services.includes("lb"),
    firewalls: services.includes("firewall"),
    https: services.includes("firewall"),
    "end-to-end-tls": services.includes("firewall"),
    "ssh-open": services.includes("firewall"),
    monitoring: services.includes("monitor"),
    "one-primary": false,
  };
  return audit(state).filter((f) => shown[f.id] !== false);
}

// The architecture audit: what a reviewer would say about the design on the whiteboard, computed
// from the graph and this second's numbers. Each family of checks lives in its own file; a check
// about something the board does not have is not shown at all.
import type { AuditCheckId, Scenario } from "../content/scenario.js";
import { findScenario } from "../content/scenarios/index.js";
import type { GameState } from "../model/types.js";
import { topology } from "../sim/topology.js";
import { capacityFindings } from "./capacity.js";
import { dataFindings } from "./data.js";
import { designFindings } from "./design.js";
import { monitoringFindings } from "./monitoring.js";
import { securityFindings } from "./security.js";
import { spofFindings } from "./spof.js";
import { fail, type AuditFinding } from "./types.js";

export type { AuditFinding, AuditId, FindingKind, Severity } from "./types.js";

/** Every check that applies to this design: passes (ok) and findings (not ok). */
export function audit(state: GameState, scenario?: Scenario): AuditFinding[] {
  const topo = topology(state);
  const sc = scenario ?? findScenario(state.scenario);
  return [
    ...spofFindings(state, topo),
    ...dataFindings(state, topo),
    ...(sc ? capacityFindings(state, topo, sc) : []),
    ...securityFindings(state, topo),
    ...monitoringFindings(state, topo),
    ...designFindings(state, topo),
  ];
}

/** Only the problems, as the CLI and the write-up list them. */
export function auditFindings(state: GameState, scenario?: Scenario): AuditFinding[] {
  return audit(state, scenario).filter((f) => !f.ok);
}

const TITLES: Record<AuditCheckId, string> = {
  "no-spof-host": "No single point of failure",
  "no-spof-lb": "Load balancers in a cluster",
  "no-spof-db": "A replica ready to promote",
  firewalls: "A firewall on every server",
  https: "HTTPS for users",
  monitoring: "Monitoring on every server",
  "db-private": "Database off the internet",
  "tiers-split": "One role per server",
  "end-to-end-tls": "Encrypted behind the load balancer",
};

/** A required check the design gives nothing to judge yet counts as not passed. */
export function requiredCheck(findings: AuditFinding[], id: AuditCheckId): AuditFinding {
  return findings.find((f) => f.id === id) ?? fail(id, "spof", "warning", TITLES[id], [], "Nothing to judge yet: build what this check is about.", "");
}

export function auditPasses(state: GameState, ids: readonly AuditCheckId[], scenario?: Scenario): { ok: boolean; failing: AuditFinding[] } {
  if (ids.length === 0) return { ok: true, failing: [] };
  const findings = audit(state, scenario);
  const failing = ids.map((id) => requiredCheck(findings, id)).filter((f) => !f.ok);
  return { ok: failing.length === 0, failing };
}

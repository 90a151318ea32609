// Monitoring: a server without an agent fails silently until users complain.
import type { GameState } from "../model/types.js";
import type { Topology } from "../sim/topology.js";
import { fail, names, pass, type AuditFinding } from "./types.js";

export function monitoringFindings(state: GameState, topo: Topology): AuditFinding[] {
  if (state.hosts.length === 0) return [];
  const blind = state.hosts.filter((_, i) => !topo.monitor[i]).map((h) => h.name);
  if (blind.length === 0) return [pass("monitoring", "monitoring", "Monitoring on every server", "Every server reports its metrics and raises alerts.")];
  return [fail("monitoring", "monitoring", "warning", "Monitoring on every server", blind,
    `No monitoring agent on ${names(blind)}: a failure there is found by users, not by you.`,
    "Install a monitoring client on each server (it reports QPS, CPU, disk and errors) and watch its alerts.")];
}

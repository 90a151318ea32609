// How the roles are spread: servers that each do everything copy every weakness, and roles
// sharing a server cannot be scaled apart.
import type { GameState } from "../model/types.js";
import type { Topology } from "../sim/topology.js";
import { fail, names, pass, type AuditFinding } from "./types.js";

export function designFindings(state: GameState, topo: Topology): AuditFinding[] {
  const out: AuditFinding[] = [];
  const roles = (i: number) => [topo.lb[i], topo.web[i], topo.app[i], topo.db[i]].filter(Boolean).length;
  const serving = state.hosts.map((_, i) => i).filter((i) => roles(i) > 0);
  if (serving.length === 0) return out;
  const name = (i: number) => state.hosts[i].name;

  const mixed = serving.filter((i) => roles(i) > 1);
  if (mixed.length) {
    out.push(fail("tiers-split", "capacity", "info", "One role per server", mixed.map(name),
      `${names(mixed.map(name))} ${mixed.length > 1 ? "run" : "runs"} several roles: they share one CPU and one failure, and cannot grow apart.`,
      "Give web, application and database servers machines of their own, each scaled to its own load."));
  } else {
    out.push(pass("tiers-split", "capacity", "One role per server", "Each tier runs on servers of its own and scales on its own."));
  }

  // Load balancer or not: identical boxes each running web, application and MySQL.
  const fullStack = serving.filter((i) => topo.web[i] && topo.app[i] && topo.db[i]);
  const frontEnds = serving.filter((i) => topo.web[i] || topo.app[i]);
  if (frontEnds.length >= 2) {
    if (fullStack.length >= 2) {
      out.push(fail("all-in-one", "capacity", "warning", "Not identical all-in-one servers", fullStack.map(name),
        `${names(fullStack.map(name))} each run web, application and MySQL: every copy carries the same weaknesses, and the database fights the application for CPU.`,
        "Split the database off onto its own servers (a primary and a replica) and keep the web and application servers stateless."));
    } else {
      out.push(pass("all-in-one", "capacity", "Not identical all-in-one servers", "The web and application servers do not each carry their own database."));
    }
  }
  return out;
}

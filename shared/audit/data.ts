// Data: is there a replica that could really take over from the primary right now: running,
// linked to the primary (or it receives nothing), caught up, and reachable by the application
// servers that will send it writes.
import type { GameState } from "../model/types.js";
import { receivesFrom } from "../sim/replication.js";
import type { Topology } from "../sim/topology.js";
import { fail, names, pass, type AuditFinding } from "./types.js";

/** A replica further behind than this (1 s of play) would lose writes if promoted now. */
export const READY_LAG_TICKS = 10;

export function dataFindings(state: GameState, topo: Topology): AuditFinding[] {
  const primary = topo.dbHosts.find((d) => topo.db[d]!.role === "primary");
  if (primary === undefined) return []; // no database: nothing to copy
  const replicas = topo.dbHosts.filter((d) => topo.db[d]!.role === "replica");
  const pName = state.hosts[primary].name;
  if (replicas.length === 0) {
    return [fail("no-spof-db", "data", "warning", "A replica ready to promote", [pName],
      `${pName} holds the only copy of the data: if it dies, so do writes, and maybe the data.`,
      "Add a replica on another server, link it to the application servers, and keep it caught up.")];
  }
  const apps = state.hosts.map((_, i) => i).filter((i) => topo.app[i]);
  const why = (r: number): string | null => {
    const h = state.hosts[r];
    const db = topo.db[r]!;
    if (h.status !== "up" || db.status !== "up") return `${h.name} is not running (${h.status !== "up" ? `server ${h.status}` : `MySQL ${db.status}`})`;
    if (!apps.some((a) => topo.appDbs[a].includes(r))) return `no application server is linked to ${h.name}, so it could not take writes`;
    if (!receivesFrom(topo, r, primary)) return `${h.name} has no link to the primary ${pName}, so it receives none of its writes`;
    if (db.lagTicks > READY_LAG_TICKS) return `${h.name} is ${Math.round(db.lagTicks / 10)} s behind the primary`;
    return null;
  };
  const problems = replicas.map((r) => ({ r, why: why(r) }));
  const ready = problems.filter((p) => p.why === null).map((p) => state.hosts[p.r].name);
  if (ready.length) return [pass("no-spof-db", "data", "A replica ready to promote", `${names(ready)} can take over from ${pName}: running, caught up and linked to the application.`)];
  return [fail("no-spof-db", "data", "warning", "A replica ready to promote", problems.map((p) => state.hosts[p.r].name),
    `No replica could take over from ${pName}: ${problems.map((p) => p.why).join("; ")}.`,
    "Keep a replica running, linked to the primary and to every application server, and caught up (semi-synchronous replication keeps it current).")];
}

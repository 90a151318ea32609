// Users complain about what they suffer, not about what breaks. Each tick goes into a rolling
// window as good or bad for users (COMPLAINTS in content/catalog.ts); once enough of the window went
// badly they complain, and a complaint is how the player hears of trouble nobody monitors: while
// users complain, every hidden incident on a server where their requests fail (or queue) comes to
// light. A disk filling up, or a dead server the load balancer routes around, hurts nobody yet, so
// nobody complains about it.
import { COMPLAINTS } from "../content/catalog.js";
import type { GameState, Host } from "../model/types.js";
import type { TickReport } from "./report.js";
import { openIncident, resolveIncidents } from "./incidents.js";

/** A fresh window: nothing suffered yet. */
export function contentUsers(): GameState["users"] {
  return { badTicks: new Array(Math.ceil(COMPLAINTS.windowTicks / 32)).fill(0), badCount: 0, complainingSince: -1 };
}

/** True when this tick went badly for users: too many failed requests, or too slow a p95. */
export function badTickForUsers(r: TickReport): boolean {
  const demand = r.demand[0] + r.demand[1] + r.demand[2];
  if (demand === 0) return false;
  const failed = demand - (r.served[0] + r.served[1] + r.served[2]);
  return failed * 1000 >= demand * COMPLAINTS.failedPermille || r.p95Ms >= COMPLAINTS.slowMs;
}

/** Rolls the window on by this tick's report; starts or ends the complaints; tells the player where it hurts. */
export function listenToUsers(state: GameState, r: TickReport): void {
  const m = state.users;
  const slot = state.tick % COMPLAINTS.windowTicks;
  const word = slot >>> 5;
  const bit = 1 << (slot & 31);
  const bad = badTickForUsers(r);
  if (((m.badTicks[word] & bit) !== 0) !== bad) {
    m.badTicks[word] = (m.badTicks[word] ^ bit) >>> 0;
    m.badCount += bad ? 1 : -1;
  }
  if (m.complainingSince < 0) {
    if (m.badCount < COMPLAINTS.complainTicks) return;
    m.complainingSince = state.tick;
    const demand = r.demand[0] + r.demand[1] + r.demand[2];
    const failed = demand - (r.served[0] + r.served[1] + r.served[2]);
    openIncident(state, {
      kind: "complaints", host: whereItHurtsMost(state, r), severity: "warning", obvious: true,
      params: { failedPercent: demand > 0 ? Math.floor((failed * 100) / demand) : 0, p95Ms: r.p95Ms },
    });
  } else if (m.badCount < COMPLAINTS.calmTicks) {
    m.complainingSince = -1;
    resolveIncidents(state, ["complaints"], 0);
    return;
  }
  bringToLight(state, r);
}

/** The server where most requests failed this tick (else the one with the longest queue), if any. */
function whereItHurtsMost(state: GameState, r: TickReport): Host | undefined {
  let best = -1;
  let most = 0;
  for (let i = 0; i < state.hosts.length; i++) if (r.hostErrors[i] > most) { most = r.hostErrors[i]; best = i; }
  if (best < 0) for (let i = 0; i < state.hosts.length; i++) if (state.hosts[i].saturatedTicks > most) { most = state.hosts[i].saturatedTicks; best = i; }
  return best < 0 ? undefined : state.hosts[best];
}

/**
 * Hidden incidents come to light while users complain, on the servers someone chasing the
 * complaint would look at: where requests fail or queue now, and the backends a load balancer has
 * marked down (its stats page says DOWN; their loss is why the others are overloaded).
 */
function bringToLight(state: GameState, r: TickReport): void {
  let markedDown: Set<number> | null = null;
  for (const incident of state.incidents) {
    if (incident.resolvedAt >= 0 || incident.detectedAt <= state.tick || incident.hostId === 0) continue;
    const i = state.hosts.findIndex((h) => h.id === incident.hostId);
    if (i < 0) continue;
    markedDown ??= backendsMarkedDown(state);
    if (r.hostErrors[i] > 0 || state.hosts[i].saturatedTicks > 0 || markedDown.has(incident.hostId)) incident.detectedAt = state.tick;
  }
}

function backendsMarkedDown(state: GameState): Set<number> {
  const out = new Set<number>();
  for (const h of state.hosts) for (const s of h.services) if (s.kind === "lb") for (const id of s.markedDown) out.add(id);
  return out;
}

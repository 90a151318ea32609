// Incidents: what broke and when, as a kind and parameters (content/words.ts says why and what
// would have prevented it). Monitoring decides when the
// player hears of it: at once on a monitored host, otherwise only when users complain about it
// (sim/complaints.ts), which may be never.
import type { GameState, Host, Incident, IncidentKind, IncidentParams } from "../model/types.js";
import { idsLeft, takeId } from "./ids.js";
import { findService } from "./services.js";

/** `detectedAt` of an incident nobody has told the player about (yet): later than any tick. */
export const NOT_TOLD = 1_000_000_000;

/** Kept in the state; older resolved incidents are dropped past this. */
const MAX_INCIDENTS = 300;

/** A running agent reports metrics; when its host dies, the missing heartbeat is itself the alert. */
export function isMonitored(host: Host | undefined): boolean {
  const m = host ? findService(host, "monitor") : undefined;
  return !!m && m.status === "up";
}

export interface IncidentSpec {
  kind: IncidentKind;
  host?: Host;
  severity: Incident["severity"];
  /** What the words need besides the host's name, which is filled in from `host`. */
  params?: IncidentParams;
  /** Seen at once whatever the monitoring (the player's own actions, public news). */
  obvious?: boolean;
}

/** Records an incident; returns null (records nothing) once the id counter is used up. */
export function openIncident(state: GameState, spec: IncidentSpec): Incident | null {
  if (!idsLeft(state)) return null;
  const seen = spec.obvious || isMonitored(spec.host);
  const incident: Incident = {
    id: takeId(state),
    kind: spec.kind,
    tick: state.tick,
    detectedAt: seen ? state.tick : NOT_TOLD,
    resolvedAt: -1,
    hostId: spec.host ? spec.host.id : 0,
    severity: spec.severity,
    params: spec.host ? { host: spec.host.name, ...spec.params } : { ...spec.params },
  };
  state.incidents.push(incident);
  if (state.incidents.length > MAX_INCIDENTS) {
    const drop = state.incidents.findIndex((i) => i.resolvedAt >= 0);
    state.incidents.splice(drop >= 0 ? drop : 0, 1);
  }
  return incident;
}

/** Marks open incidents of these kinds on this host (0 = any host) resolved now. */
export function resolveIncidents(state: GameState, kinds: readonly IncidentKind[], hostId: number): void {
  for (const i of state.incidents) {
    if (i.resolvedAt < 0 && kinds.includes(i.kind) && (hostId === 0 || i.hostId === hostId)) {
      i.resolvedAt = state.tick;
      // Fixed before anyone complained: the player still learns of it now.
      if (i.detectedAt > state.tick) i.detectedAt = state.tick;
    }
  }
}

// What the player can see. Monitoring is sight: on a monitored host the board shows the truth; on
// an unmonitored one a failure stays invisible until an incident about it is detected (users
// complain). Rendering reads these instead of the raw state so the UI never leaks what the
// player has not been told.
import { TICKS_PER_SECOND, WORK } from "./content/catalog.js";
import type { AnyService, GameState, Host, RunStatus } from "./model/types.js";
import { effectiveCapacity } from "./sim/capacity.js";
import { isMonitored } from "./sim/incidents.js";

/** True while an incident about this host is known to the player and still open. */
export function told(state: GameState, host: Host): boolean {
  for (const i of state.incidents) if (i.hostId === host.id && i.detectedAt <= state.tick && i.resolvedAt < 0) return true;
  return false;
}

/** The host's status as the player knows it. Things the player started (boots, repairs) are always known. */
export function visibleHostStatus(state: GameState, host: Host): RunStatus {
  if (host.status !== "down" || isMonitored(host)) return host.status;
  return told(state, host) ? "down" : "up";
}

/** A service's status as the player knows it: software runs only while its server does. */
export function visibleServiceStatus(state: GameState, host: Host, service: AnyService): RunStatus {
  const hostSeen = visibleHostStatus(state, host);
  if (hostSeen !== "up") return hostSeen;
  if (service.status !== "down" || isMonitored(host)) return service.status;
  return told(state, host) ? "down" : "up";
}

/** True while something is wrong on this host that the player has not been told about (for the debrief). */
export function hiddenFailure(state: GameState, host: Host): boolean {
  return (host.status === "down" || host.services.some((s) => s.status === "down")) && visibleHostStatus(state, host) === "up" && !told(state, host);
}

/**
 * True when the failures of requests at this host must not be drawn yet: nothing watches the
 * host, nobody has complained, and something is wrong there (it or a service is down, or its
 * queue is overflowing). Until then the request dots and the wires into that server must look
 * normal, or the board would tell the player what the alerts have not. Failures the player caused
 * and can read off the board (a closed port, a missing service) are not hidden.
 */
export function failuresHidden(state: GameState, host: Host): boolean {
  if (isMonitored(host)) return false;
  if (hiddenFailure(state, host)) return true;
  // Cheap test first: the incident scan only runs for a host whose queue is overflowing.
  return host.saturatedTicks > 0 && !told(state, host);
}

/**
 * About how many requests per second this server handles on its own: its CPU now over the work an
 * average request (in the chapter's traffic mix, permille per class) costs on the services it
 * runs. A guide for the inspector, not the flow: where requests really go is the simulation's.
 * Null when it runs nothing that serves requests.
 */
export function serverCapacityRps(host: Host, mix: readonly number[]): number | null {
  let workPerThousand = 0;
  for (const svc of host.services) {
    const work = svc.kind === "lb" || svc.kind === "web" || svc.kind === "app" || svc.kind === "db" ? WORK[svc.kind] : null;
    if (!work) continue;
    for (let c = 0; c < 3; c++) workPerThousand += mix[c] * work[c];
  }
  if (workPerThousand === 0) return null;
  return Math.floor((effectiveCapacity(host) * TICKS_PER_SECOND * 1000) / workPerThousand);
}

/** True while the player knows this server is down because its hardware failed (the board draws it on fire). */
export function knownHardwareFailure(state: GameState, host: Host): boolean {
  return visibleHostStatus(state, host) === "down" && host.note?.code === "hardware-failure";
}

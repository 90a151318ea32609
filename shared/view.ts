// What the player can see. Monitoring is sight: on a monitored host the board shows the truth; on
// an unmonitored one a failure stays invisible until an incident about it is detected (users
// complain). Rendering reads these instead of the raw state so the UI never leaks what the
// player has not been told.
import type { AnyService, GameState, Host, RunStatus } from "./model/types.js";
import { isMonitored } from "./sim/incidents.js";

function told(state: GameState, host: Host): boolean {
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

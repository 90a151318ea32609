// What the board may show about failures. Monitoring is sight (shared/view.ts): on an
// unmonitored server a failure, or a queue that has started to overflow, stays invisible until
// users complain (an incident about the host is detected). Until then the request dots and the
// wires into that server must look normal, or the board would tell the player what the alerts
// have not.
import { hiddenFailure, isMonitored, type GameState, type Host } from "../../shared/index.js";

/** True while an incident about this host is known to the player and still open. */
export function toldAbout(state: GameState, host: Host): boolean {
  for (const i of state.incidents) if (i.hostId === host.id && i.detectedAt <= state.tick && i.resolvedAt < 0) return true;
  return false;
}

/**
 * True when the failures of requests at this host must not be drawn yet: nothing watches the
 * host, nobody has complained, and something is wrong there (it or a service is down, or its
 * queue is overflowing). Failures the player caused and can read off the board (a closed port,
 * a missing service) are not hidden: nothing needs to be detected for those.
 */
export function failuresHidden(state: GameState, host: Host): boolean {
  if (isMonitored(host)) return false;
  if (hiddenFailure(state, host)) return true;
  // Cheap test first: the incident scan only runs for a host whose queue is overflowing.
  return host.saturatedTicks > 0 && !toldAbout(state, host);
}

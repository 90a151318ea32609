// keepalived's timing, in ticks: how long an active-passive pair's standby waits before it takes
// the virtual IP. Both the simulation and the exported keepalived.conf read the same VRRP settings
// (content/catalog.ts), so the file the player downloads fails over when the game says it would.
import { VRRP } from "../content/catalog.js";

/** RFC 3768's Skew_Time: (256 - priority) / 256 of an advert interval, so higher priorities win ties. */
export function skewTicks(priority: number = VRRP.backupPriority): number {
  return Math.floor(((256 - priority) * VRRP.advertTicks) / 256);
}

/** Master_Down_Interval: the standby hears no advert for 3 intervals plus the skew (the master's host died). */
export function masterDownTicks(): number {
  return 3 * VRRP.advertTicks + skewTicks();
}

/** HAProxy died on a live master: the tracked script fails `fall` times, the master sends priority 0, the backup waits the skew. */
export function scriptFaultTicks(): number {
  return VRRP.scriptFall * VRRP.scriptIntervalTicks + skewTicks();
}

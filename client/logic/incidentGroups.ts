// Repeats of one incident (an overloaded server at every daily peak, a scan after a scan) are one
// story told several times: the alert feed and the debrief show them as one line with a count,
// so a busy run does not push everything else out of sight.
import { incidentText, type Incident } from "../../shared/index.js";

export interface IncidentGroup {
  /** The occurrence the line shows: the newest in the feed, the first in the timeline. */
  lead: Incident;
  /** Every occurrence, oldest first. */
  all: Incident[];
}

const keyOf = (i: Incident) => `${i.kind}|${i.hostId}|${incidentText(i).title}`;

/**
 * Groups incidents with the same kind, host and title. Keeps the order of `incidents` by each
 * group's first appearance in it; `lead` is that first appearance.
 */
export function groupIncidents(incidents: readonly Incident[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  for (const i of incidents) {
    const key = keyOf(i);
    const g = groups.get(key);
    if (g) g.all.push(i);
    else groups.set(key, { lead: i, all: [i] });
  }
  for (const g of groups.values()) g.all.sort((a, b) => a.tick - b.tick || a.id - b.id);
  return [...groups.values()];
}

/** True while any occurrence is still open. */
export function groupOpen(g: IncidentGroup): boolean {
  return g.all.some((i) => i.resolvedAt < 0);
}

/**
 * Decides which alerts deserve a toast and a sound: a repeat of the same incident within
 * `quietTicks` of the last one announced stays in the feed (with its count) but says nothing.
 */
export class RepeatFilter {
  private readonly lastAt = new Map<string, number>();

  constructor(private readonly quietTicks = 600) {}

  announce(i: Incident): boolean {
    const key = keyOf(i);
    const last = this.lastAt.get(key);
    if (last !== undefined && i.detectedAt - last < this.quietTicks) return false;
    this.lastAt.set(key, i.detectedAt);
    return true;
  }
}

// Advice must be something the player can do in this chapter. Each incident's prevention (the
// words in shared/content/words.ts) needs some of the chapter's allowances; where the chapter
// forbids one, the debrief does not advise it but says which later chapter brings it.
import { SCENARIOS, incidentText, type Incident, type IncidentKind, type Scenario } from "../../shared/index.js";

/** What a piece of advice asks the player to build or do. */
export type Need = "servers" | "lb" | "bigger" | "firewall" | "cert" | "monitor" | "pair" | "rateLimit";

export function allows(scenario: Scenario, need: Need): boolean {
  const a = scenario.allowed;
  switch (need) {
    case "servers": return a.maxHosts >= 2;
    case "lb": return a.services.includes("lb");
    case "bigger": return a.tiers.length >= 2;
    case "firewall": return a.services.includes("firewall");
    // Certificates unlock with firewalls (shared/commands/configure.ts, buyCert).
    case "cert": return a.services.includes("firewall");
    case "monitor": return a.services.includes("monitor");
    case "pair": return a.lbPairs;
    case "rateLimit": return a.rateLimit;
  }
}

/** What each incident's prevention (its words) asks for. */
const PREVENTION_NEEDS: Record<IncidentKind, readonly Need[]> = {
  "host-failure": ["servers", "lb"],
  "process-crash": ["monitor", "servers", "lb"],
  "disk-full": ["monitor"],
  "primary-crash": ["servers"],
  deploy: ["servers", "lb"],
  "cert-expired": ["monitor", "cert"],
  "cert-expiring": ["cert"],
  ddos: ["lb", "rateLimit"],
  "ssh-bruteforce": ["firewall"],
  "port-scan": ["firewall"],
  "db-exposed": ["firewall"],
  eavesdrop: ["cert", "lb"],
  breach: ["firewall"],
  overload: ["servers", "lb", "bigger"],
  "flash-crowd": ["servers", "lb"],
  "lost-writes": ["servers"],
  failover: ["pair"],
  "traffic-growth": [],
  release: [],
  sniffing: ["cert", "firewall"],
  complaints: ["monitor"],
  "stale-reads": ["servers"],
  "semisync-fallback": ["servers"],
};

/** The first chapter that allows all of these; null when none does. */
export function chapterAllowing(needs: readonly Need[]): Scenario | null {
  return SCENARIOS.find((s) => s.durationTicks > 0 && needs.every((n) => allows(s, n))) ?? null;
}

/** An incident's prevention as this chapter may give it: advice here, or what a later chapter brings. */
export function preventionIn(scenario: Scenario, incident: Pick<Incident, "kind" | "params">): { advice: string; later: string | null } {
  const { prevention } = incidentText(incident);
  const needs = PREVENTION_NEEDS[incident.kind];
  if (needs.every((n) => allows(scenario, n))) return { advice: prevention, later: null };
  const unlock = chapterAllowing(needs);
  return { advice: "", later: unlock && unlock.chapter > scenario.chapter ? `Chapter ${unlock.chapter} (${unlock.title}) brings the fix: ${prevention}` : null };
}

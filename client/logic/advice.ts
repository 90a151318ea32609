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

/**
 * "Failing now" fixes that lean on something a chapter may not sell yet, and what to do without it.
 * The HUD shows the full fix where the chapter allows it, else the one the player can do now.
 */
const REASON_FIX_WITHOUT: Partial<Record<string, { needs: readonly Need[]; now: string }>> = {
  "nothing-listening": { needs: ["lb"], now: "Install Nginx on {host}, or point DNS at a server that runs it." },
  "host-down": { needs: ["servers", "lb"], now: "Repair {host}: with one server, the site is down until it is back." },
  "queue-full": { needs: ["servers", "lb"], now: "Resize {host} to a bigger machine (it restarts for a moment), before the peak if you can." },
  "app-down": { needs: ["servers", "lb"], now: "Restart it. On a single server every deploy stops the application: ship in a quiet hour." },
  "lb-down": { needs: ["pair"], now: "Restart HAProxy on {host}." },
  "disk-full": { needs: ["monitor"], now: "Purge old logs on {host}." },
  "cert-expired": { needs: ["monitor"], now: "Renew the certificate on {host}." },
  "db-down": { needs: ["servers"], now: "Restart MySQL on {host}." },
  "connect-timeout": { needs: ["pair"], now: "Take the dead address out of DNS; users follow as their caches expire." },
};

/** A failure reason's fix (`{host}` still unfilled) as this chapter can act on it. */
export function reasonFixIn(scenario: Scenario, code: string, fix: string): string {
  const without = REASON_FIX_WITHOUT[code];
  if (!without || without.needs.every((n) => allows(scenario, n))) return fix;
  return without.now;
}

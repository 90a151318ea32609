// Saves from before firewall rules: a firewall listed the ports it opened to the internet
// (`openPorts`) and let every other server in. Such a save loads with the rules that do the same:
// those ports from anywhere, and the connections between the design's servers. Anything else
// malformed is left for the state schema to refuse.
import type { Host } from "./model/types.js";
import { rulesFromOpenPorts } from "./sim/firewall-rules.js";

/** Rewrites, in place, each firewall that still has `openPorts` into one with `rules`. */
export function migrateOpenPorts(state: unknown): void {
  const hosts = (state as { hosts?: unknown }).hosts;
  if (!Array.isArray(hosts)) return;
  for (const host of hosts) {
    const services = (host as { services?: unknown } | null)?.services;
    if (!Array.isArray(services) || !services.every((s) => s !== null && typeof s === "object")) continue;
    for (const svc of services) {
      const fw = svc as { kind?: unknown; openPorts?: unknown; rules?: unknown } | null;
      if (fw?.kind !== "firewall" || !Array.isArray(fw.openPorts) || fw.rules !== undefined) continue;
      if (!fw.openPorts.every((p) => Number.isInteger(p))) continue;
      fw.rules = rulesFromOpenPorts(fw.openPorts as number[], host as Host);
      delete fw.openPorts;
    }
  }
}

// The debrief never advises what its chapter forbids. Every piece of advice it gives (what to try,
// each lesson's idea, each incident's prevention) is read for what it asks the player to build,
// by word, independently of the code that chose it, and checked against the chapter's allowances.
import { describe, expect, it } from "vitest";
import { Game, REASONS, SCENARIOS, type IncidentKind, type IncidentParams, type Scenario } from "../../shared/index.js";
import { buildDebrief } from "../../client/logic/debrief.js";
import { reasonFixIn } from "../../client/logic/advice.js";

/** Words that ask for something, and whether a chapter allows it. */
const ASKS: [RegExp, string, (s: Scenario) => boolean][] = [
  [/load balancer|HAProxy|rolling deploy|health check/i, "a load balancer", (s) => s.allowed.services.includes("lb")],
  [/\b(two|second|more|another|spare)\b[^.:;]*\b(servers?|machines?|backends?)\b|replica|promot/i, "a second server", (s) => s.allowed.maxHosts >= 2],
  [/bigger|larger|resiz|scale up|move (up )?to a (medium|large)/i, "a bigger server", (s) => s.allowed.tiers.length >= 2],
  [/firewall|close[sd]? port|port 22/i, "a firewall", (s) => s.allowed.services.includes("firewall")],
  [/certificate|HTTPS|\bTLS\b/i, "a certificate", (s) => s.allowed.services.includes("firewall")],
  [/monitor|agent/i, "monitoring", (s) => s.allowed.services.includes("monitor")],
  [/virtual IP|\bpair\b|keepalived/i, "a load-balancer pair", (s) => s.allowed.lbPairs],
  [/rate limit/i, "a rate limit", (s) => s.allowed.rateLimit],
];

function forbiddenAsks(text: string, scenario: Scenario): string[] {
  return ASKS.filter(([re, , ok]) => re.test(text) && !ok(scenario)).map(([, what]) => what);
}

/** One incident of every kind, with the facts its words use. */
const EVERY_KIND: Record<IncidentKind, IncidentParams> = {
  "host-failure": { host: "server-01" }, "process-crash": { host: "server-01", service: "app" }, "disk-full": { host: "db-01", full: true },
  "primary-crash": { host: "db-01" }, deploy: { version: 2, strategy: "all-at-once", scripted: true }, "cert-expired": { host: "lb-01" },
  "cert-expiring": { host: "lb-01" }, ddos: { size: 3000 }, "ssh-bruteforce": {}, "port-scan": { ports: ["db-01:3306"], count: 1 },
  "db-exposed": { host: "db-01" }, eavesdrop: {}, breach: { host: "web-01", via: "ssh" }, overload: { host: "server-01" },
  "flash-crowd": { size: 100 }, "lost-writes": { host: "db-02", count: 12 }, failover: { host: "lb-02", vip: "8.8.8.10" },
  "traffic-growth": {}, release: { version: 2, due: 3000 },
  sniffing: { host: "web-01", from: "lb-01" }, complaints: { host: "web-01", failedPercent: 12, p95Ms: 2400 },
  "stale-reads": { host: "db-02", count: 3, size: 3 }, "semisync-fallback": { host: "db-01" },
};

/** Failures that can only happen where the chapter sells something (a balancer's, a firewall's, a replica's). */
const ONLY_WITH: Record<string, string[]> = {
  "firewall-blocked": ["firewall"], "firewall-inside": ["firewall"], "cert-expired": ["certificate"], "backend-cert-refused": ["certificate", "load balancer"],
  "lb-down": ["load balancer"], "no-backend": ["load balancer"], "backend-down": ["load balancer"], "rate-limited": ["load balancer"],
  "vip-moving": ["load balancer"], "no-primary": ["replica"], "connect-timeout": ["two servers"],
};

function debriefWithEverything(scenario: Scenario) {
  const game = Game.create(scenario.id, 1);
  let id = 5000;
  for (const [kind, params] of Object.entries(EVERY_KIND) as [IncidentKind, IncidentParams][]) {
    game.state.incidents.push({ id: id++, kind, tick: id, detectedAt: id, resolvedAt: id + 50, hostId: 0, severity: "warning", params });
  }
  return buildDebrief(game);
}

describe("the debrief advises only what the chapter allows", () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: what to try, lesson ideas and preventions ask for nothing the chapter forbids`, () => {
      const d = debriefWithEverything(scenario);
      const advice = [...d.tips, ...d.lessons.map((l) => l.idea), ...d.timeline.map((t) => t.prevention)];
      expect(advice.length).toBeGreaterThan(5);
      for (const text of advice) expect(forbiddenAsks(text, scenario), text).toEqual([]);
    });
  }

  it("'Failing now' fixes ask for nothing the chapter forbids (chapter 1: repair, resize, restart, ship in a quiet hour)", () => {
    for (const scenario of SCENARIOS) {
      const possible = REASONS.filter((r) => (ONLY_WITH[r.code] ?? []).every((what) => !forbiddenAsks(what, scenario).length));
      const wrong = possible.map((r) => reasonFixIn(scenario, r.code, r.fix)).filter((fix) => forbiddenAsks(fix, scenario).length > 0);
      expect(wrong, scenario.id).toEqual([]);
    }
    const one = SCENARIOS.find((s) => s.id === "simple-stack")!;
    const overloaded = REASONS.find((r) => r.code === "queue-full")!;
    expect(reasonFixIn(one, overloaded.code, overloaded.fix)).toMatch(/^Resize \{host\} to a bigger machine/);
    const two = SCENARIOS.find((s) => s.id === "distributed")!;
    expect(reasonFixIn(two, overloaded.code, overloaded.fix)).toBe(overloaded.fix);
  });

  it("names the later chapter that brings what this one forbids, and only a later one", () => {
    for (const scenario of SCENARIOS) {
      const d = debriefWithEverything(scenario);
      const later = [...d.lessons.map((l) => l.later), ...d.timeline.map((t) => t.later)].filter((t): t is string => t !== null);
      for (const text of later) {
        const n = Number(/Chapter (\d)/i.exec(text)?.[1] ?? 0);
        expect(n, text).toBeGreaterThan(scenario.chapter);
      }
      if (scenario.id === "simple-stack") {
        // One server, no load balancer: the real fixes for its three lessons are chapter 2's.
        expect(d.lessons.map((l) => l.later)).toEqual([expect.stringMatching(/^Chapter 2/), expect.stringMatching(/^Chapter 2/), expect.stringMatching(/chapter 2/)]);
        expect(d.timeline.find((t) => t.title.includes("hardware fault"))!.later).toMatch(/^Chapter 2/);
      }
    }
  });

  it("chapter 1 played without resizing advises a bigger machine, which chapter 1 now sells", () => {
    const game = Game.create("simple-stack", 4);
    game.apply({ type: "buyHost", tier: "medium", public: true });
    const host = game.state.hosts[0].id;
    for (const service of ["web", "app", "db"] as const) game.apply({ type: "install", host, service });
    game.run(100);
    game.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    game.run(6000);
    const d = buildDebrief(game);
    expect(d.outcome).toBe("lost");
    expect(d.tips.some((t) => /bigger machine/.test(t))).toBe(true);
    for (const text of [...d.tips, ...d.lessons.map((l) => l.idea), ...d.timeline.map((t) => t.prevention)]) expect(forbiddenAsks(text, game.scenario), text).toEqual([]);
  });
});

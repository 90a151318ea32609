import type { Scenario } from "../scenario.js";

export const distributed: Scenario = {
  id: "distributed",
  chapter: 2,
  title: "Distributed",
  summary:
    "Traffic has doubled and one box is not enough. Put HAProxy in front, add a second web and application server, and give MySQL a replica. Then watch what fails next.",
  concepts: ["load balancer", "round robin", "least connections", "source hash", "health checks", "active-active", "active-passive", "primary-replica", "DNS TTL"],
  money: 400000,
  durationTicks: 9000,
  traffic: { baseRps: 250, mix: [500, 400, 100], growthPerMinute: 60, dailySwing: 250, dayTicks: 2400 },
  start: {
    hosts: [{ name: "server-01", tier: "medium", public: true, services: ["web", "app", "db"], dbRole: "primary" }],
    links: [],
    www: { type: "A", values: ["8.8.8.8"], ttl: 300 },
    replication: "async",
  },
  allowed: { tiers: ["small", "medium"], services: ["web", "app", "db", "lb"], maxHosts: 6, lbPairs: false, rateLimit: false },
  events: [
    { at: 3000, kind: "host-failure", target: "@web-backend" },
    { at: 5400, kind: "primary-crash", target: "@primary" },
    { at: 7800, kind: "host-failure", target: "@lb" },
  ],
  random: { hostFailure: 0, processCrash: 0, sshCompromise: 0, dbBreach: 0, eavesdrop: 0, chaosEvery: 0 },
  goal: { text: "Serve at least 90 % of requests and end with a replica ready to take over from the primary.", minSlaPermyriad: 9000, requires: ["no-spof-db"] },
};

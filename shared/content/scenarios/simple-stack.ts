import type { Scenario } from "../scenario.js";

export const simpleStack: Scenario = {
  id: "simple-stack",
  chapter: 1,
  title: "A simple web stack",
  summary:
    "One server, one domain. Buy the machine, install Nginx, the application and MySQL on it, and point www.foobar.com at its address. Then keep it up as the site grows.",
  concepts: ["server", "domain name", "DNS A record", "web server", "application server", "database", "single point of failure", "maintenance downtime", "scaling limit"],
  money: 250000,
  durationTicks: 6000,
  traffic: { baseRps: 120, mix: [500, 400, 100], growthPerMinute: 110, dailySwing: 250, dayTicks: 2400 },
  start: { hosts: [], links: [], www: null, replication: "async" },
  allowed: { tiers: ["medium"], services: ["web", "app", "db"], maxHosts: 1, lbPairs: false, rateLimit: false },
  events: [
    { at: 1200, kind: "deploy", target: "@all" },
    { at: 4200, kind: "host-failure", target: "@any" },
  ],
  random: { hostFailure: 0, processCrash: 0, sshCompromise: 0, dbBreach: 0, eavesdrop: 0, chaosEvery: 0 },
  goal: { text: "Serve at least 85 % of requests for ten minutes of play and stay solvent.", minSlaPermyriad: 8500, requires: [] },
};

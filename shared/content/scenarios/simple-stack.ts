import type { Scenario } from "../scenario.js";

// One server and three decisions that the single machine forces: how big it is (a resize restarts
// it), when the release goes out (a deploy restarts the application), and how fast a dead machine
// comes back. Traffic outgrows a medium server around the sixth minute; the team's release is
// pushed at a daily peak unless the player ships it first, in the trough at 3:00 after launch.
export const simpleStack: Scenario = {
  id: "simple-stack",
  chapter: 1,
  title: "A simple web stack",
  summary:
    "One server, one domain. Buy the machine, install Nginx, the application and MySQL on it, and point www.foobar.com at its address. Then keep it up as the site grows: move to a bigger machine in time, and ship the team's release when it hurts least.",
  concepts: ["server", "domain name", "DNS A record", "web server", "application server", "database", "single point of failure", "maintenance downtime", "scaling limit", "vertical scaling"],
  money: 250000,
  durationTicks: 6000,
  traffic: { baseRps: 120, mix: [500, 400, 100], growthPerMinute: 110, dailySwing: 250, dayTicks: 2400 },
  start: { hosts: [], links: [], www: null, replication: "async" },
  allowed: { tiers: ["small", "medium", "large"], services: ["web", "app", "db"], maxHosts: 1, lbPairs: false, rateLimit: false },
  events: [
    { at: 900, kind: "release", target: "@all", size: 2, duration: 2100 },
    { at: 3000, kind: "deploy", target: "@all", size: 2 },
    { at: 4200, kind: "host-failure", target: "@any" },
  ],
  random: { hostFailure: 0, processCrash: 0, sshCompromise: 0, dbBreach: 0, eavesdrop: 0, chaosEvery: 0 },
  goal: { text: "Serve at least 89 % of requests for ten minutes of play and stay solvent.", minSlaPermyriad: 8900, requires: [] },
};

import type { Scenario } from "../scenario.js";

export const endless: Scenario = {
  id: "endless",
  chapter: 5,
  title: "Endless",
  summary:
    "Everything is unlocked and nothing stops growing. Traffic compounds, hardware fails at random and attacks keep coming, harder each time. How many nines can you keep?",
  concepts: ["capacity planning", "defence in depth", "incident response"],
  money: 600000,
  durationTicks: 0,
  traffic: { baseRps: 150, mix: [500, 400, 100], growthPerMinute: 80, dailySwing: 250, dayTicks: 2400 },
  start: { hosts: [], links: [], www: null, replication: "async" },
  allowed: { tiers: ["small", "medium", "large"], services: ["web", "app", "db", "lb", "firewall", "monitor"], maxHosts: 1000, lbPairs: true, rateLimit: true },
  events: [{ at: 1800, kind: "port-scan", target: "@all" }, { at: 2400, kind: "ssh-bruteforce", target: "@all", duration: 1000000 }],
  random: { hostFailure: 4, processCrash: 6, sshCompromise: 100, dbBreach: 60, eavesdrop: 60, chaosEvery: 1800 },
  goal: { text: "Survive as long as you can: there is no finish line.", minSlaPermyriad: 0, requires: [] },
  coach: [
    {
      id: "intro", title: "No finish line",
      text: "Everything is unlocked and nothing stops growing: build the stack, then keep adding capacity and defences ahead of the traffic and the attacks. Watch the trends, not only the alerts.",
    },
  ],
};

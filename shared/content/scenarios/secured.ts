import type { Scenario } from "../scenario.js";

export const secured: Scenario = {
  id: "secured",
  chapter: 3,
  title: "Secured and monitored",
  summary:
    "Your site is on the radar now: bots try SSH passwords, scan for open ports and listen to plain HTTP. Add firewalls, a certificate for HTTPS and monitoring agents before they get in.",
  concepts: ["firewall", "open ports", "HTTPS", "SSL certificate", "TLS termination", "monitoring", "QPS", "access log"],
  money: 500000,
  durationTicks: 7200,
  traffic: { baseRps: 400, mix: [500, 400, 100], growthPerMinute: 30, dailySwing: 250, dayTicks: 2400 },
  start: {
    hosts: [
      { name: "lb-01", tier: "small", public: true, services: ["lb"], lb: { algorithm: "roundrobin", healthCheck: true, checkInterval: 20 } },
      { name: "web-01", tier: "medium", public: true, services: ["web", "app"] },
      { name: "web-02", tier: "medium", public: true, services: ["web", "app"] },
      { name: "db-01", tier: "medium", public: true, services: ["db"], dbRole: "primary" },
      { name: "db-02", tier: "medium", public: true, services: ["db"], dbRole: "replica" },
    ],
    links: [["lb-01", "web-01"], ["lb-01", "web-02"], ["web-01", "db-01"], ["web-02", "db-01"], ["web-01", "db-02"], ["web-02", "db-02"], ["db-01", "db-02"]],
    www: { type: "A", values: ["8.8.8.8"], ttl: 300 },
    replication: "async",
  },
  allowed: { tiers: ["small", "medium"], services: ["web", "app", "db", "lb", "firewall", "monitor"], maxHosts: 8, lbPairs: false, rateLimit: false },
  events: [
    { at: 300, kind: "ssh-bruteforce", target: "@all", duration: 6600 },
    { at: 1500, kind: "port-scan", target: "@all" },
    { at: 3600, kind: "process-crash", target: "@web-backend" },
    { at: 4800, kind: "disk-fill", target: "@primary" },
  ],
  random: { hostFailure: 0, processCrash: 0, sshCompromise: 120, dbBreach: 60, eavesdrop: 80, chaosEvery: 0 },
  goal: {
    text: "Serve at least 97 % of requests, end with a firewall, HTTPS and monitoring everywhere, and keep MySQL off the internet.",
    minSlaPermyriad: 9700,
    requires: ["firewalls", "https", "monitoring", "db-private"],
  },
  coach: [
    {
      id: "intro", title: "You are on the radar",
      text: "Every server here has a public address, and bots try every port that answers: SSH passwords, the MySQL port, logins read off plain HTTP. This chapter closes the doors and turns the lights on.",
    },
    {
      id: "firewall", title: "A firewall on each server",
      text: "Select a server and install the firewall (ufw). It denies everything but the ports you open: 80 and 443 on lb-01, where users arrive, and nothing the public needs on the others.",
      target: "install-firewall", until: { kind: "service", service: "firewall" },
    },
    {
      id: "cert", title: "HTTPS",
      text: "Buy a certificate on lb-01: users then connect over HTTPS and their passwords cross the internet encrypted. TLS ends at the load balancer; behind it, traffic stays plain.",
      target: "cert", until: { kind: "cert" },
    },
    {
      id: "monitor", title: "Monitoring is sight",
      text: "Install the monitoring agent on a server: its problems then show the moment they start, with CPU and requests per second from the access log. Without one, you hear of a failure only when users complain.",
      target: "install-monitor", until: { kind: "service", service: "monitor" },
    },
    {
      id: "ready", title: "Everywhere",
      text: "One of each is a start: the goal wants a firewall, HTTPS and monitoring on every server, and MySQL off the internet. The bots are already knocking.",
    },
  ],
};

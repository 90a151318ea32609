import type { FirewallRule } from "../../model/types.js";
import type { Scenario } from "../scenario.js";

// The firewalls the previous team left: users in on the load balancer only, the web servers
// answer the load balancers, MySQL answers the applications and the other databases.
const FROM_ANYWHERE_WEB: FirewallRule[] = [{ port: 80, from: { kind: "anywhere" } }, { port: 443, from: { kind: "anywhere" } }];
const FROM_LB_WEB: FirewallRule[] = [{ port: 80, from: { kind: "role", role: "lb" } }, { port: 443, from: { kind: "role", role: "lb" } }];
const MYSQL_INSIDE: FirewallRule[] = [{ port: 3306, from: { kind: "role", role: "app" } }, { port: 3306, from: { kind: "role", role: "db" } }];

export const scaleUp: Scenario = {
  id: "scale-up",
  chapter: 4,
  title: "Scale up",
  summary:
    "Traffic is about to grow tenfold. The lone load balancer is now both the bottleneck and the next single point of failure. Cluster it, give every tier its own servers, and hold through a flash crowd and a flood.",
  concepts: ["load-balancer cluster", "virtual IP", "active-passive failover", "one role per server", "vertical and horizontal scaling", "DDoS", "rate limiting"],
  money: 1500000,
  durationTicks: 9000,
  traffic: { baseRps: 600, mix: [500, 400, 100], growthPerMinute: 166, dailySwing: 200, dayTicks: 2400 },
  start: {
    hosts: [
      { name: "lb-01", tier: "small", public: true, services: ["firewall", "lb", "monitor"], lb: { algorithm: "roundrobin", healthCheck: true, checkInterval: 20 }, firewallRules: FROM_ANYWHERE_WEB, cert: true },
      { name: "web-01", tier: "medium", public: false, services: ["firewall", "web", "app", "monitor"], firewallRules: FROM_LB_WEB },
      { name: "web-02", tier: "medium", public: false, services: ["firewall", "web", "app", "monitor"], firewallRules: FROM_LB_WEB },
      { name: "db-01", tier: "medium", public: false, services: ["firewall", "db", "monitor"], dbRole: "primary", firewallRules: MYSQL_INSIDE },
      { name: "db-02", tier: "medium", public: false, services: ["firewall", "db", "monitor"], dbRole: "replica", firewallRules: MYSQL_INSIDE },
    ],
    links: [["lb-01", "web-01"], ["lb-01", "web-02"], ["web-01", "db-01"], ["web-02", "db-01"], ["web-01", "db-02"], ["web-02", "db-02"], ["db-01", "db-02"]],
    www: { type: "A", values: ["8.8.8.8"], ttl: 300 },
    replication: "async",
  },
  allowed: { tiers: ["small", "medium", "large"], services: ["web", "app", "db", "lb", "firewall", "monitor"], maxHosts: 24, lbPairs: true, rateLimit: true },
  events: [
    { at: 3000, kind: "host-failure", target: "@lb" },
    { at: 4800, kind: "flash-crowd", target: "@all", duration: 600, size: 100 },
    { at: 6600, kind: "ddos", target: "@all", duration: 900, size: 30000 },
  ],
  random: { hostFailure: 0, processCrash: 0, sshCompromise: 120, dbBreach: 60, eavesdrop: 80, chaosEvery: 0 },
  goal: {
    text: "Serve at least 98 % of requests with no single load balancer, and web, application and database on servers of their own.",
    minSlaPermyriad: 9800,
    requires: ["no-spof-lb", "tiers-split"],
  },
  coach: [
    {
      id: "intro", title: "Tenfold",
      text: "Traffic is about to grow tenfold, and every request passes through lb-01: it is the bottleneck and the single point of failure. This chapter gives it a partner and each tier servers of its own.",
    },
    {
      id: "second-lb", title: "A second load balancer",
      text: "Buy a server and install HAProxy on it, then wire it to every web server, as lb-01 is. A standby must be able to carry everything alone: give it the same size.",
      target: "buy-server", until: { kind: "service", service: "lb", atLeast: 2 },
    },
    {
      id: "pair", title: "Pair them",
      text: "Select one load balancer and pair it with the other. Active-passive shares one virtual IP that moves to the standby when the active one fails; active-active keeps both serving, both named in DNS.",
      target: "pair", until: { kind: "pair" },
    },
    {
      id: "dns", title: "Point www at the pair",
      text: "For active-passive, set the A record to the virtual IP shown on the pair; for active-active, to both addresses. Cached answers move over as their TTL runs out.",
      target: "dns", until: { kind: "www-on-lb" },
    },
    {
      id: "ready", title: "One role per server",
      text: "The web servers also run the application. Move the application to servers of its own (app-NN) so each tier grows alone, and keep headroom: a flash crowd and a flood are on their way.",
    },
  ],
};

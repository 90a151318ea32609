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
  coach: [
    {
      id: "intro", title: "One box is not enough",
      text: "Traffic has doubled and server-01 still runs everything: Nginx, the application and MySQL. This chapter puts a load balancer (HAProxy) in front, so users reach several web servers through one address.",
    },
    {
      id: "buy-lb", title: "A server for the load balancer",
      text: "Buy a small server with a public address: users will arrive there. Until it is wired in, it stands aside on the board, off the request path.",
      target: "buy-server", until: { kind: "hosts", atLeast: 2 },
    },
    {
      id: "lb", title: "Install HAProxy",
      text: "Select the new server and install the load balancer. It becomes lb-01: it answers users and passes each request on to a web server it picks (round robin unless you choose otherwise).",
      target: "install-lb", until: { kind: "service", service: "lb" },
    },
    {
      id: "wire", title: "Wire it to a web server",
      text: "A load balancer with nothing behind it serves nothing. With lb-01 selected, press Connect to… and click server-01: HAProxy can now send it requests.",
      target: "connect", until: { kind: "behind-lb", atLeast: 1 },
    },
    {
      id: "second-web", title: "A second web server",
      text: "Buy a medium server, install Nginx and the application on it, wire lb-01 to it and it to server-01, where MySQL lives. Two web servers behind one load balancer: either can fail and the other answers.",
      target: "buy-server", until: { kind: "behind-lb", atLeast: 2 },
    },
    {
      id: "dns", title: "Point www at the load balancer",
      text: "Users still go straight to server-01. Open DNS and set the A record to lb-01's public address. Resolvers keep their cached answer until its TTL runs out, so users move over gradually, not at once.",
      target: "dns", until: { kind: "www-on-lb" },
    },
    {
      id: "replica", title: "A copy of the database",
      text: "MySQL still lives on one machine. Install MySQL on another server: it becomes a replica. Wire it to the primary (server-01), or it copies nothing, and wire each application server to it, so it can take over if the primary dies.",
      target: "install-db", until: { kind: "replica" },
    },
    {
      id: "ready", title: "What comes next",
      text: "Turn health checks on (select lb-01; they start off): HAProxy then stops sending users to a web server that stops answering, after three failed checks in a row. A web server, then the primary database will fail. And every request now passes through lb-01…",
    },
  ],
};

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
  allowed: { tiers: ["medium", "large"], services: ["web", "app", "db"], maxHosts: 1, lbPairs: false, rateLimit: false },
  events: [
    { at: 900, kind: "release", target: "@all", size: 2, duration: 2100 },
    { at: 3000, kind: "deploy", target: "@all", size: 2 },
    { at: 4200, kind: "host-failure", target: "@any" },
  ],
  random: { hostFailure: 0, processCrash: 0, sshCompromise: 0, dbBreach: 0, eavesdrop: 0, chaosEvery: 0 },
  goal: { text: "Serve at least 89 % of requests for ten minutes of play and stay solvent.", minSlaPermyriad: 8900, requires: [] },
  coach: [
    {
      id: "buy", title: "Rent a server",
      text: "Everything starts with one machine. Buy a medium server with a public address, so the internet can reach it: it is enough for today's traffic, and you can move to a large one later.",
      target: "buy-server", until: { kind: "hosts", atLeast: 1 },
    },
    {
      id: "web", title: "Install Nginx",
      text: "Select your server, then install the web server. Nginx answers browsers: it serves images and pages itself and hands everything else on. A server is named by what it runs: with Nginx alone it is a web server, web-01.",
      target: "install-web", until: { kind: "service", service: "web" },
    },
    {
      id: "app", title: "Install the application",
      text: "The application server runs foobar.com's code: it builds each page from the data. Install it on the same server.",
      target: "install-app", until: { kind: "service", service: "app" },
    },
    {
      id: "db", title: "Install MySQL",
      text: "The database keeps the accounts, posts and orders. Install MySQL: then one machine carries the whole stack, and its name says so: a server that runs everything is server-01.",
      target: "install-db", until: { kind: "service", service: "db" },
    },
    {
      id: "dns", title: "Point www at your server",
      text: "Nobody can find you yet. When Nginx, the app and MySQL show ● running, open DNS and create an A record: www.foobar.com → 8.8.8.8, your server's public address.",
      target: "dns", until: { kind: "www" },
    },
    {
      id: "watch", title: "Visitors!",
      text: "Browsers now ask DNS for www.foobar.com, get 8.8.8.8 and send requests. Watch the dots: ● static files, ■ page reads, ◆ writes. Money and uptime move in the bar at the top.",
      until: { kind: "live-for", ticks: 80 },
    },
    {
      id: "decide", title: "Two decisions ahead",
      text: "Traffic grows every minute and rises and falls with the hours of the day. When the load on your server nears 100 %, resize it to a bigger machine. Soon the team has a new version: Deploy… restarts the application, and with one server the site is down meanwhile, so ship it in a quiet hour. A resize restarts the machine too.",
      target: "deploy",
    },
    {
      id: "ready", title: "Keep it up",
      text: "Keep an eye on the alerts (left) and on your server's load. Space pauses; keys 1–4 set the speed (1×, 2×, 4×, 8×).",
    },
  ],
};

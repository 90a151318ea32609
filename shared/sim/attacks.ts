// Attacks on what the design leaves open: SSH on public servers, MySQL reachable from the
// internet, credentials sent over plain HTTP. One PRNG draw per kind per tick, whatever the size.
import type { Scenario } from "../content/scenario.js";
import type { GameState, Host } from "../model/types.js";
import { chance, nextInt } from "../rng.js";
import { resolveName } from "./flow.js";
import { openIncident } from "./incidents.js";
import { exposedPorts } from "./services.js";

const BREACH_COOLDOWN = 600;
const BREACH_REPUTATION = 1500;
const BREACH_FINE = 100000;
const EAVESDROP_REPUTATION = 500;

export function runAttacks(state: GameState, scenario: Scenario): void {
  if (state.launchedAt < 0) return;
  const rates = scenario.random;
  const bruteForce = state.effects.some((e) => e.kind === "ssh-bruteforce");
  if (bruteForce && rates.sshCompromise > 0) {
    const open = state.hosts.filter((h) => h.status === "up" && !h.compromised && exposedPorts(h).includes(22));
    if (open.length > 0 && chance(state, rates.sshCompromise * open.length)) compromise(state, open[nextInt(state, open.length)]);
  }
  if (rates.dbBreach > 0) {
    let weight = 0;
    const exposed: Host[] = [];
    for (const h of state.hosts) {
      if (h.status !== "up" || !exposedPorts(h).includes(3306)) continue;
      exposed.push(h);
      weight += state.knownOpenPorts.includes(`${h.id}:3306`) ? 5 : 1;
    }
    if (exposed.length > 0 && chance(state, rates.dbBreach * weight) && !recentBreach(state)) {
      const host = exposed[nextInt(state, exposed.length)];
      breach(state, host, `Attackers logged in to MySQL on ${host.name} from the internet and copied the user table`,
        "Port 3306 was reachable from the internet: a public address with no firewall closing it.",
        "Keep databases on private addresses, or firewall 3306 so only your application servers reach it.");
    }
  }
  if (rates.eavesdrop > 0 && servesPlainHttp(state) && chance(state, rates.eavesdrop) && !recentBreach(state)) {
    state.reputation = Math.max(0, state.reputation - EAVESDROP_REPUTATION);
    state.totals.breaches++;
    openIncident(state, {
      kind: "eavesdrop", severity: "critical", obvious: true,
      title: "A user's password was sniffed on café Wi-Fi",
      cause: "foobar.com is served over plain HTTP: anyone on the path reads logins and cookies.",
      prevention: "An SSL certificate on the load balancer (or web server) so users connect over HTTPS.",
    });
  }
}

function recentBreach(state: GameState): boolean {
  for (let i = state.incidents.length - 1; i >= 0; i--) {
    const inc = state.incidents[i];
    if (inc.kind === "breach" || inc.kind === "eavesdrop") return state.tick - inc.tick < BREACH_COOLDOWN;
  }
  return false;
}

/** True when any address www points at answers without a certificate. */
export function servesPlainHttp(state: GameState): boolean {
  const ips = resolveName(state);
  if (ips.length === 0) return false;
  for (const ip of ips) {
    const pair = state.pairs.find((p) => p.vip === ip);
    const host = pair ? state.hosts.find((h) => h.id === pair.active) : state.hosts.find((h) => h.publicIp === ip);
    if (host && host.cert === null) return true;
  }
  return false;
}

function compromise(state: GameState, host: Host): void {
  host.compromised = true;
  breach(state, host, `Attackers guessed an SSH password on ${host.name} and installed a crypto-miner`,
    "SSH (port 22) was open to the whole internet and bots try passwords all day.",
    "A firewall that closes port 22 to the internet; rebuild the server to get rid of the intruder.");
}

function breach(state: GameState, host: Host, title: string, cause: string, prevention: string): void {
  state.reputation = Math.max(0, state.reputation - BREACH_REPUTATION);
  state.money -= BREACH_FINE;
  state.totals.spent += BREACH_FINE;
  state.totals.breaches++;
  openIncident(state, { kind: "breach", host, severity: "critical", title, cause, prevention });
}

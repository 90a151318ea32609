// Attacks on what the design leaves open: SSH on public servers, MySQL reachable from the
// internet, credentials sent over plain HTTP. One PRNG draw per kind per tick, whatever the size.
import type { Scenario } from "../content/scenario.js";
import type { GameState, Host } from "../model/types.js";
import { chance, nextInt } from "../rng.js";
import { resolveName } from "./hops/dns.js";
import { openIncident } from "./incidents.js";
import { isExposed } from "./services.js";
import { topology } from "./topology.js";

const BREACH_COOLDOWN = 600;
const BREACH_REPUTATION = 1500;
const BREACH_FINE = 100000;
const EAVESDROP_REPUTATION = 500;

export function runAttacks(state: GameState, scenario: Scenario): void {
  if (state.launchedAt < 0) return;
  const rates = scenario.random;
  // Module-level predicates below, not closures, and indexed loops, not for…of: this runs every
  // tick, and in a fresh process (replay verification) the first few thousand ticks run before V8
  // has optimised it, where each closure and each for…of step allocates.
  if (rates.sshCompromise > 0 && bruteForceOn(state)) {
    let count = 0;
    for (let k = 0; k < state.hosts.length; k++) if (sshOpen(state.hosts[k])) count++;
    if (count > 0 && chance(state, rates.sshCompromise * count)) compromise(state, state.hosts.filter(sshOpen)[nextInt(state, count)]);
  }
  if (rates.dbBreach > 0) {
    let weight = 0;
    const hosts = state.hosts;
    for (let k = 0; k < hosts.length; k++) if (exposedDb(hosts[k])) weight += knownOpen(state, hosts[k].id, ":3306") ? 5 : 1;
    if (weight > 0 && chance(state, rates.dbBreach * weight) && !recentBreach(state)) {
      const exposed = state.hosts.filter(exposedDb);
      const host = exposed[nextInt(state, exposed.length)];
      breach(state, host, "mysql");
    }
  }
  if (rates.eavesdrop > 0 && servesPlainHttp(state) && chance(state, rates.eavesdrop) && !recentBreach(state)) {
    state.reputation = Math.max(0, state.reputation - EAVESDROP_REPUTATION);
    state.totals.breaches++;
    openIncident(state, {
      kind: "eavesdrop", severity: "critical", obvious: true,
    });
  }
}

function bruteForceOn(state: GameState): boolean {
  const effects = state.effects;
  for (let k = 0; k < effects.length; k++) if (effects[k].kind === "ssh-bruteforce") return true;
  return false;
}

/** A running, not yet compromised host whose SSH port the internet reaches. */
function sshOpen(h: Host): boolean {
  return h.status === "up" && !h.compromised && isExposed(h, 22);
}

/** A running host with a public address whose MySQL port the internet reaches. */
function exposedDb(h: Host): boolean {
  return h.status === "up" && h.publicIp !== null && isExposed(h, 3306);
}

/** Whether attackers know port `suffix` (":3306") is open on host `id`: `knownOpenPorts` holds "id:port", compared without building the string. */
function knownOpen(state: GameState, id: number, suffix: string): boolean {
  const known = state.knownOpenPorts;
  const idLength = String(id).length;
  for (let k = 0; k < known.length; k++) {
    const entry = known[k];
    if (entry.length === idLength + suffix.length && entry.endsWith(suffix) && entry.startsWith(String(id))) return true;
  }
  return false;
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
  const topo = topology(state);
  for (let k = 0; k < ips.length; k++) {
    let i = topo.ipToIndex.get(ips[k]);
    if (i === undefined) {
      for (let p = 0; p < state.pairs.length; p++) if (state.pairs[p].vip === ips[k]) i = topo.indexById.get(state.pairs[p].active);
    }
    if (i !== undefined && state.hosts[i].cert === null) return true;
  }
  return false;
}

function compromise(state: GameState, host: Host): void {
  host.compromised = true;
  breach(state, host, "ssh");
}

function breach(state: GameState, host: Host, via: "ssh" | "mysql"): void {
  state.reputation = Math.max(0, state.reputation - BREACH_REPUTATION);
  state.money -= BREACH_FINE;
  state.totals.spent += BREACH_FINE;
  state.totals.breaches++;
  openIncident(state, { kind: "breach", host, severity: "critical", params: { via } });
}

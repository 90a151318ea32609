// Copying a server's setup: a new server of the same size, with the same software and the same
// firewall rules, bought as one action (so one undo sells it and gives every cent back). What is
// copied is the machine's own configuration; its wires, pairs and certificate are not: the player
// decides where the new server goes.
import { HOST_NAME_RE, HOST_TIERS, SERVICES } from "../content/catalog.js";
import type { AnyService, GameState, Host } from "../model/types.js";
import { nextPrivateIp, nextPublicIp } from "../sim/addresses.js";
import { takeId } from "../sim/ids.js";
import { addService, findService, newService } from "../sim/services.js";
import { sellValue } from "./build.js";
import { afford, firstFailure, needHost, needId, remember, spend, type Handler } from "./handler.js";
import { OK, reject } from "./schema.js";

/** Ticks a new server takes to boot (as buyHost): the copied software installs after that. */
const PROVISION_TICKS = 50;

/** What the copy costs: the server and each program on it, at today's prices. */
export function copyCost(host: Host): number {
  let cents = HOST_TIERS[host.tier].price;
  for (const s of host.services) cents += SERVICES[s.kind].price;
  return cents;
}

/** "web-01" → the first free "web-NN"; a name without a number gets the first free "server-NN". */
export function copyName(state: GameState, source: Host): string {
  const numbered = /^(.*-)\d+$/.exec(source.name);
  const prefix = numbered && numbered[1].length <= 21 ? numbered[1] : "server-";
  for (let n = 1; ; n++) {
    const name = `${prefix}${n.toString().padStart(2, "0")}`;
    if (!state.hosts.some((h) => h.name === name)) return name;
  }
}

/** The source's program, freshly installed: its settings, none of its running state. */
function copiedService(state: GameState, source: AnyService, readyAt: number): AnyService {
  const hasPrimary = state.hosts.some((h) => findService(h, "db")?.role === "primary");
  const fresh = newService(source.kind, readyAt, { dbRole: hasPrimary ? "replica" : "primary", codeVersion: state.codeVersion });
  // Rules copy as they are: a rule naming a server or a role means the same on the copy.
  if (fresh.kind === "firewall" && source.kind === "firewall") fresh.rules = source.rules.map((r) => ({ port: r.port, from: { ...r.from } }));
  if (fresh.kind === "lb" && source.kind === "lb") {
    // Backend lists (backups, drained, checks) name the source's own wires: the copy has none yet.
    fresh.algorithm = source.algorithm;
    fresh.healthCheck = source.healthCheck;
    fresh.checkInterval = source.checkInterval;
    fresh.fall = source.fall;
    fresh.rise = source.rise;
    fresh.redispatch = source.redispatch;
    fresh.rateLimit = source.rateLimit;
  }
  return fresh;
}

export const copyHost: Handler<"copyHost"> = {
  check(state, scenario, cmd) {
    const source = needHost(state, cmd.host);
    if (typeof source === "string") return reject(source);
    const name = cmd.name ?? copyName(state, source);
    const notAllowed = source.services.find((s) => !scenario.allowed.services.includes(s.kind));
    return firstFailure(
      () => (HOST_NAME_RE.test(name) ? OK : reject("a server name is 1–24 characters: lower-case letters, digits and '-', starting with a letter")),
      () => (state.hosts.some((h) => h.name === name) ? reject(`there is already a server called ${name}`) : OK),
      () => (scenario.allowed.tiers.includes(source.tier) ? OK : reject(`${source.tier} servers are not available in this chapter`)),
      () => (notAllowed ? reject(`${SERVICES[notAllowed.kind].product} is not available here, so ${source.name} cannot be copied`) : OK),
      () => (state.hosts.length < scenario.allowed.maxHosts ? OK : reject(`this chapter allows at most ${scenario.allowed.maxHosts} ${scenario.allowed.maxHosts === 1 ? "server" : "servers"}`)),
      () => afford(state, copyCost(source), `a copy of ${source.name}`),
      () => needId(state),
    );
  },
  run(state, _scenario, cmd, by) {
    const source = needHost(state, cmd.host) as Host;
    const cost = copyCost(source);
    const readyAt = state.tick + PROVISION_TICKS;
    const host: Host = {
      id: takeId(state), name: cmd.name ?? copyName(state, source), tier: source.tier, publicIp: null, privateIp: "",
      status: "starting", readyAt, note: { code: "provisioning" }, services: [], cert: null, compromised: false,
      backlog: 0, utilPermille: 0, saturatedTicks: 0, boughtAt: state.tick,
    };
    host.publicIp = source.publicIp ? nextPublicIp(state) : null;
    host.privateIp = nextPrivateIp(state);
    for (const s of source.services) addService(host, copiedService(state, s, readyAt + SERVICES[s.kind].installTicks));
    state.hosts.push(host);
    spend(state, cost);
    state.topologyVersion++;
    // Undo sells the copy and returns the rest, so the whole copy comes back to the cent.
    remember(state, by, { tick: state.tick, undo: [{ type: "sellHost", host: host.id }], refund: cost - sellValue(host) });
  },
};

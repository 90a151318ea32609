// Building: buying, selling and resizing servers, installing software, wiring servers together,
// and undoing the last of these.
import { COSTS, HOST_NAME_RE, HOST_TIERS, SERVICES, UNDO_WINDOW } from "../content/catalog.js";
import type { GameState, Host, ServiceKind } from "../model/types.js";
import { nextPrivateIp, nextPublicIp } from "../sim/addresses.js";
import { startingRules } from "../sim/firewall-rules.js";
import { addService, findService, newService } from "../sim/services.js";
import { takeId } from "../sim/ids.js";
import { freeName, renameForRole } from "../sim/naming.js";
import { afford, dollars, firstFailure, lastBuildOf, needHost, needId, remember, spend, type Handler } from "./handler.js";
import { OK, reject, type Command, type Verdict } from "./schema.js";

/** A new server has no role yet: server-NN until its first software names it (sim/naming.ts). */
function defaultName(state: GameState): string {
  return freeName(state, "server");
}

function touch(state: GameState): void {
  state.topologyVersion++;
}

export const buyHost: Handler<"buyHost"> = {
  check(state, scenario, cmd) {
    const name = cmd.name ?? defaultName(state);
    return firstFailure(
      () => (HOST_NAME_RE.test(name) ? OK : reject("a server name is 1–24 characters: lower-case letters, digits and '-', starting with a letter")),
      () => (state.hosts.some((h) => h.name === name) ? reject(`there is already a server called ${name}`) : OK),
      () => (scenario.allowed.tiers.includes(cmd.tier) ? OK : reject(`${cmd.tier} servers are not available in this chapter (you can buy: ${scenario.allowed.tiers.join(", ")})`)),
      () => (state.hosts.length < scenario.allowed.maxHosts ? OK : reject(`this chapter allows at most ${scenario.allowed.maxHosts} ${scenario.allowed.maxHosts === 1 ? "server" : "servers"}`)),
      () => afford(state, HOST_TIERS[cmd.tier].price, `a ${cmd.tier} server`),
      () => needId(state),
    );
  },
  run(state, _scenario, cmd, by) {
    const price = HOST_TIERS[cmd.tier].price;
    const host: Host = {
      id: takeId(state), name: cmd.name ?? defaultName(state), tier: cmd.tier, publicIp: null, privateIp: "",
      status: "starting", readyAt: state.tick + 50, note: { code: "provisioning" }, services: [], cert: null, compromised: false,
      backlog: 0, utilPermille: 0, saturatedTicks: 0, boughtAt: state.tick,
    };
    if (cmd.name === undefined) host.autoName = true;
    host.publicIp = cmd.public ? nextPublicIp(state) : null;
    host.privateIp = nextPrivateIp(state);
    state.hosts.push(host);
    spend(state, price);
    touch(state);
    remember(state, by, { tick: state.tick, undo: [{ type: "sellHost", host: host.id }], refund: price - sellValue(host) });
  },
};

/** What selling this server gives back (the inspector shows it on the Sell button). */
export function sellValue(host: Host): number {
  return Math.floor((HOST_TIERS[host.tier].price * COSTS.sellRefundPermille) / 1000);
}

export const sellHost: Handler<"sellHost"> = {
  check(state, _s, cmd) {
    const host = needHost(state, cmd.host);
    return typeof host === "string" ? reject(host) : OK;
  },
  run(state, _s, cmd, by) {
    const idx = state.hosts.findIndex((h) => h.id === cmd.host);
    const host = state.hosts[idx];
    state.hosts.splice(idx, 1);
    state.links = state.links.filter((l) => l.from !== host.id && l.to !== host.id);
    state.pairs = state.pairs.filter((p) => !p.members.includes(host.id));
    // A rule naming a server that is gone would let in whoever gets its address next.
    for (const h of state.hosts) {
      const fw = findService(h, "firewall");
      if (fw) fw.rules = fw.rules.filter((r) => r.from.kind !== "host" || r.from.host !== host.id);
    }
    state.money += sellValue(host);
    touch(state);
    remember(state, by, null);
  },
};

export const resizeHost: Handler<"resizeHost"> = {
  check(state, scenario, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    return firstFailure(
      () => (scenario.allowed.tiers.includes(cmd.tier) ? OK : reject(`${cmd.tier} servers are not available in this chapter`)),
      () => (host.tier === cmd.tier ? reject(`${host.name} is already ${cmd.tier}`) : OK),
      () => (host.status === "down" ? reject(`${host.name} is down: repair it first`) : OK),
      () => afford(state, resizeCost(host, cmd.tier), `moving ${host.name} to ${cmd.tier}`),
    );
  },
  run(state, _s, cmd, by) {
    const host = needHost(state, cmd.host) as Host;
    spend(state, resizeCost(host, cmd.tier));
    host.tier = cmd.tier;
    host.status = "starting";
    host.readyAt = state.tick + 100;
    host.note = { code: "resizing", tier: cmd.tier };
    touch(state);
    remember(state, by, null);
  },
};

/** What a resize costs: the new machine's price less what the old one sells for (a smaller one is free). */
export function resizeCost(host: Host, tier: Host["tier"]): number {
  return Math.max(0, HOST_TIERS[tier].price - sellValue(host));
}

export const install: Handler<"install"> = {
  check(state, scenario, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    const spec = SERVICES[cmd.service];
    return firstFailure(
      () => (scenario.allowed.services.includes(cmd.service) ? OK
        : reject(state.overrides?.allowedComponents ? `${spec.label} (${spec.product}) is not allowed in this challenge` : `${spec.label} (${spec.product}) unlocks in a later chapter`)),
      () => (host.status === "down" ? reject(`${host.name} is down: repair it first`) : OK),
      () => (findService(host, cmd.service) ? reject(`${spec.product} is already installed on ${host.name}`) : OK),
      () => afford(state, spec.price, `${spec.product}`),
    );
  },
  run(state, _s, cmd, by) {
    const host = needHost(state, cmd.host) as Host;
    const spec = SERVICES[cmd.service];
    const hasPrimary = state.hosts.some((h) => findService(h, "db")?.role === "primary");
    const firewallRules = cmd.service === "firewall" ? startingRules(host) : undefined;
    const svc = newService(cmd.service, state.tick + spec.installTicks, { dbRole: hasPrimary ? "replica" : "primary", codeVersion: state.codeVersion, firewallRules });
    addService(host, svc);
    renameForRole(state, host);
    spend(state, spec.price);
    touch(state);
    remember(state, by, { tick: state.tick, undo: [{ type: "remove", host: host.id, service: cmd.service }], refund: spec.price });
  },
};

export const remove: Handler<"remove"> = {
  check(state, _s, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    return findService(host, cmd.service) ? OK : reject(`${SERVICES[cmd.service].product} is not installed on ${host.name}`);
  },
  run(state, _s, cmd, by) {
    const host = needHost(state, cmd.host) as Host;
    host.services = host.services.filter((s) => s.kind !== cmd.service);
    renameForRole(state, host);
    if (cmd.service === "lb") state.pairs = state.pairs.filter((p) => !p.members.includes(host.id));
    if (cmd.service === "lb" || cmd.service === "web") host.cert = host.services.some((s) => s.kind === "lb" || s.kind === "web") ? host.cert : null;
    touch(state);
    remember(state, by, null);
  },
};

/** Which tiers talk to each other: load balancer → web → application → database. */
const TALKS_TO: [ServiceKind, ServiceKind][] = [["lb", "web"], ["web", "app"], ["app", "db"], ["db", "db"]];

function related(a: Host, b: Host): boolean {
  const has = (h: Host, k: ServiceKind) => h.services.some((s) => s.kind === k);
  return TALKS_TO.some(([x, y]) => (has(a, x) && has(b, y)) || (has(b, x) && has(a, y)));
}

function linked(state: GameState, a: number, b: number): boolean {
  return state.links.some((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
}

export const connect: Handler<"connect"> = {
  check(state, _s, cmd) {
    const a = needHost(state, cmd.from);
    if (typeof a === "string") return reject(a);
    const b = needHost(state, cmd.to);
    if (typeof b === "string") return reject(b);
    return firstFailure(
      () => (a.id === b.id ? reject("a server cannot be connected to itself") : OK),
      () => (linked(state, a.id, b.id) ? reject(`${a.name} and ${b.name} are already connected`) : OK),
      () => (related(a, b) ? OK : reject(`${a.name} and ${b.name} have nothing to say to each other: connect load balancer → web server → application → database`)),
      () => needId(state),
    );
  },
  run(state, _s, cmd, by) {
    state.links.push({ id: takeId(state), from: cmd.from, to: cmd.to });
    touch(state);
    remember(state, by, { tick: state.tick, undo: [{ type: "disconnect", from: cmd.from, to: cmd.to }], refund: 0 });
  },
};

export const disconnect: Handler<"disconnect"> = {
  check(state, _s, cmd) {
    return linked(state, cmd.from, cmd.to) ? OK : reject("those two servers are not connected");
  },
  run(state, _s, cmd, by) {
    state.links = state.links.filter((l) => !((l.from === cmd.from && l.to === cmd.to) || (l.from === cmd.to && l.to === cmd.from)));
    touch(state);
    remember(state, by, null);
  },
};

export const undo: Handler<"undo"> = {
  check(state, scenario, _cmd, by) {
    const last = lastBuildOf(state, by);
    if (!last) return reject("you have no build action to undo");
    if (state.tick - last.tick > UNDO_WINDOW) return reject(`undo works for ${UNDO_WINDOW / 10} seconds after a build action`);
    // Another player may have changed what this build made (sold the server, removed the software).
    for (const c of last.undo) if (!checkUnchecked(state, scenario, c, by).ok) return reject("what you built last has changed since, so it cannot be undone");
    return OK;
  },
  run(state, scenario, _cmd, by) {
    const last = lastBuildOf(state, by)!;
    for (const c of last.undo) runUnchecked(state, scenario, c, by);
    state.money += last.refund;
    state.totals.spent -= last.refund;
    remember(state, by, null);
  },
};

// Filled in by commands/index.ts to avoid an import cycle.
type Scenario = Parameters<Handler<"undo">["run"]>[1];
let runUnchecked: (state: GameState, scenario: Scenario, cmd: Command, by: string) => void = () => {};
let checkUnchecked: (state: GameState, scenario: Scenario, cmd: Command, by: string) => Verdict = () => OK;
export function setRunner(run: typeof runUnchecked, check: typeof checkUnchecked): void {
  runUnchecked = run;
  checkUnchecked = check;
}
export { dollars };

// Configuring: the load balancer and its pair, DNS, firewalls, certificates and replication.
import { COSTS, HEALTH_CHECK_INTERVALS } from "../content/catalog.js";
import type { GameState, Host } from "../model/types.js";
import { nextPublicIp, ownedAddresses } from "../sim/addresses.js";
import { findService } from "../sim/services.js";
import { topology } from "../sim/topology.js";
import { resolveIncidents } from "../sim/incidents.js";
import { scheduleScenario } from "../sim/events.js";
import { afford, firstFailure, needHost, needId, spend, type Handler } from "./handler.js";
import { takeId } from "../sim/ids.js";
import { OK, reject } from "./schema.js";

export const configureLb: Handler<"configureLb"> = {
  check(state, scenario, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    return firstFailure(
      () => (findService(host, "lb") ? OK : reject(`${host.name} runs no load balancer: install HAProxy first`)),
      () => (cmd.checkInterval === undefined || HEALTH_CHECK_INTERVALS.includes(cmd.checkInterval) ? OK : reject(`the health-check interval must be one of ${HEALTH_CHECK_INTERVALS.map((t) => `${t / 10} s`).join(", ")}`)),
      () => (!cmd.rateLimit || scenario.allowed.rateLimit ? OK : reject("rate limiting unlocks in chapter 4")),
      () => backupsProblem(state, host, cmd.backups),
    );
  },
  run(state, _s, cmd) {
    const lb = findService(needHost(state, cmd.host) as Host, "lb")!;
    if (cmd.algorithm !== undefined) lb.algorithm = cmd.algorithm;
    if (cmd.healthCheck !== undefined) lb.healthCheck = cmd.healthCheck;
    if (cmd.checkInterval !== undefined) lb.checkInterval = cmd.checkInterval;
    if (cmd.fall !== undefined) lb.fall = cmd.fall;
    if (cmd.rise !== undefined) lb.rise = cmd.rise;
    if (cmd.redispatch !== undefined) lb.redispatch = cmd.redispatch;
    if (cmd.backups !== undefined) lb.backups = [...new Set(cmd.backups)].sort((a, b) => a - b);
    if (cmd.rateLimit !== undefined) lb.rateLimit = cmd.rateLimit;
    if (!lb.healthCheck) { lb.markedDown = []; lb.checkStreaks = []; }
  },
};

/** Backup servers must be web servers this load balancer already sends to. */
function backupsProblem(state: GameState, lbHost: Host, backups: number[] | undefined) {
  if (!backups) return OK;
  const topo = topology(state);
  const lbSlot = topo.indexById.get(lbHost.id)!;
  for (const id of backups) {
    const j = topo.indexById.get(id);
    if (j === undefined) return reject(`there is no server with id ${id}`);
    if (!topo.lbBackends[lbSlot].includes(j)) return reject(`${state.hosts[j].name} is not a backend of ${lbHost.name}: connect it first`);
  }
  return OK;
}

export const createLbPair: Handler<"createLbPair"> = {
  check(state, scenario, cmd) {
    const a = needHost(state, cmd.a);
    if (typeof a === "string") return reject(a);
    const b = needHost(state, cmd.b);
    if (typeof b === "string") return reject(b);
    const paired = (h: Host) => state.pairs.some((p) => p.members.includes(h.id));
    return firstFailure(
      () => (scenario.allowed.lbPairs ? OK : reject("load-balancer clusters unlock in chapter 4")),
      () => (a.id === b.id ? reject("a pair needs two different servers") : OK),
      () => (findService(a, "lb") && findService(b, "lb") ? OK : reject("both servers need HAProxy installed")),
      () => (paired(a) || paired(b) ? reject("one of them is already in a pair") : OK),
      () => (cmd.mode === "active-active" && (!a.publicIp || !b.publicIp) ? reject("active-active needs both load balancers on public addresses, one DNS record each") : OK),
      () => afford(state, COSTS.lbPair, "a load-balancer pair"),
      () => needId(state),
    );
  },
  run(state, _s, cmd) {
    spend(state, COSTS.lbPair);
    state.pairs.push({
      id: takeId(state), mode: cmd.mode, members: [cmd.a, cmd.b],
      vip: cmd.mode === "active-passive" ? nextPublicIp(state) : null, active: cmd.a, failoverAt: -1,
    });
    state.topologyVersion++;
  },
};

export const removeLbPair: Handler<"removeLbPair"> = {
  check(state, _s, cmd) {
    return state.pairs.some((p) => p.id === cmd.pair) ? OK : reject(`there is no load-balancer pair with id ${cmd.pair}`);
  },
  run(state, _s, cmd) {
    state.pairs = state.pairs.filter((p) => p.id !== cmd.pair);
    state.topologyVersion++;
  },
};

export const setDns: Handler<"setDns"> = {
  check(state, _s, cmd) {
    const owned = new Set(ownedAddresses(state).map((a) => a.ip));
    if (cmd.ttl < 10 || cmd.ttl > 36000) return reject("the TTL must be between 1 second (10 ticks) and 1 hour (36000 ticks)");
    if (cmd.recordType === "CNAME") {
      if (cmd.values.length !== 1 || cmd.values[0] !== "foobar.com") return reject("in this game a www CNAME can only point at foobar.com (the apex)");
      const apex = cmd.apex ?? state.dns.apex;
      if (apex.length === 0) return reject("a CNAME to foobar.com needs the apex A record: give it at least one address");
      const bad = apex.find((ip) => !owned.has(ip));
      return bad ? reject(`${bad} is not one of your public addresses`) : OK;
    }
    for (const v of cmd.values) {
      if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return reject(`"${v.slice(0, 40)}" is not an IPv4 address`);
      if (!owned.has(v)) return reject(`${v} is not one of your public addresses (a private 10.x address cannot be reached from the internet)`);
    }
    if (new Set(cmd.values).size !== cmd.values.length) return reject("the same address is listed twice");
    return OK;
  },
  run(state, scenario, cmd) {
    state.dns.www = { name: "www", type: cmd.recordType, values: [...cmd.values], ttlTicks: cmd.ttl };
    if (cmd.apex) state.dns.apex = [...cmd.apex];
    if (state.launchedAt < 0) {
      state.launchedAt = state.tick;
      scheduleScenario(state, scenario);
    }
  },
};

export const buyCert: Handler<"buyCert"> = {
  check(state, scenario, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    return firstFailure(
      () => (scenario.allowed.services.includes("firewall") ? OK : reject("certificates unlock in chapter 3")),
      () => (findService(host, "lb") || findService(host, "web") ? OK : reject(`a certificate goes where TLS ends: on a load balancer or web server, not ${host.name}`)),
      () => afford(state, COSTS.certificate, "a certificate"),
    );
  },
  run(state, _s, cmd) {
    const host = needHost(state, cmd.host) as Host;
    spend(state, COSTS.certificate);
    const from = host.cert && host.cert.expiresAt > state.tick ? host.cert.expiresAt : state.tick;
    host.cert = { expiresAt: from + COSTS.certificateTicks };
    resolveIncidents(state, ["cert-expired", "cert-expiring"], host.id);
  },
};

export const setReplication: Handler<"setReplication"> = {
  check(state, _s, cmd) {
    return state.replication === cmd.mode ? reject(`replication is already ${cmd.mode}`) : OK;
  },
  run(state, _s, cmd) {
    state.replication = cmd.mode;
  },
};

const SPLIT_ALREADY = { replicas: "reads already go to the replicas only", all: "reads are already spread over every database", primary: "reads already go to the primary only" } as const;

export const setReadSplit: Handler<"setReadSplit"> = {
  check(state, _s, cmd) {
    return state.readSplit === cmd.split ? reject(SPLIT_ALREADY[cmd.split]) : OK;
  },
  run(state, _s, cmd) {
    state.readSplit = cmd.split;
  },
};

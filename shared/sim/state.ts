// A new game: the scenario's starting topology, money and schedule, with the seed in the PRNG.
import { CLIENT_BUCKETS } from "../content/catalog.js";
import type { Scenario } from "../content/scenario.js";
import type { GameState, Host } from "../model/types.js";
import { seedRng } from "../rng.js";
import { SIM_VERSION } from "../version.js";
import { nextPrivateIp, nextPublicIp } from "./addresses.js";
import { copyRule } from "./firewall-rules.js";
import { addService, newService } from "./services.js";
import { contentUsers } from "./complaints.js";
import { COSTS } from "../content/catalog.js";
import type { ScenarioOverrides } from "../content/overrides.js";

/** `scenario` is the one played (overrides already applied); `overrides` are kept so a restore can rebuild it. */
export function createState(scenario: Scenario, seed: number, overrides?: ScenarioOverrides): GameState {
  const state: GameState = {
    simVersion: SIM_VERSION,
    scenario: scenario.id,
    seed,
    tick: 0,
    rng: seedRng(seed),
    nextId: 1,
    money: scenario.money,
    reputation: 10000,
    growthPermille: 1000,
    demandCarry: [0, 0, 0, 0],
    revenueCarry: 0,
    hosts: [],
    links: [],
    pairs: [],
    dns: { www: null, apex: [], cache: [] },
    replication: scenario.start.replication,
    readSplit: "replicas",
    semisync: { waitUntil: -1, fellBack: false },
    staleCarry: 0,
    codeVersion: 1,
    schedule: [],
    effects: [],
    incidents: [],
    knownOpenPorts: [],
    users: contentUsers(),
    totals: { demand: 0, served: 0, errors: 0, dropped: 0, attackDemand: 0, attackBlocked: 0, upTicks: 0, ticks: 0, revenue: 0, spent: 0, breaches: 0, lostWrites: 0, staleReads: 0, latencyMsSum: 0, sniffedMilli: 0 },
    lastBuilds: [],
    topologyVersion: 0,
    launchedAt: -1,
    unreplicatedWrites: 0,
    second: { demand: 0, served: 0, stale: 0 },
    ended: null,
  };
  // Only a game with overrides carries the key, so every plain game keeps its hash.
  if (overrides) state.overrides = overrides;
  for (let b = 0; b < CLIENT_BUCKETS; b++) state.dns.cache.push({ ips: [], expiresAt: 0 });
  for (const spec of scenario.start.hosts) {
    const host: Host = {
      id: state.nextId++,
      name: spec.name,
      tier: spec.tier,
      publicIp: null,
      privateIp: "",
      status: "up",
      readyAt: 0,
      note: null,
      services: [],
      cert: spec.cert ? { expiresAt: COSTS.certificateTicks } : null,
      compromised: false,
      backlog: 0,
      utilPermille: 0,
      saturatedTicks: 0,
      boughtAt: 0,
    };
    host.publicIp = spec.public ? nextPublicIp(state) : null;
    state.hosts.push(host);
    host.privateIp = nextPrivateIp(state);
    for (const kind of spec.services) {
      const svc = newService(kind, 0, { dbRole: spec.dbRole, firewallRules: spec.firewallRules?.map(copyRule) });
      if (svc.kind === "lb" && spec.lb) Object.assign(svc, spec.lb);
      addService(host, svc);
    }
  }
  const byName = new Map(state.hosts.map((h) => [h.name, h.id]));
  for (const [a, b] of scenario.start.links) state.links.push({ id: state.nextId++, from: byName.get(a)!, to: byName.get(b)! });
  if (scenario.start.www) {
    const w = scenario.start.www;
    state.dns.www = { name: "www", type: w.type, values: [...w.values], ttlTicks: w.ttl };
    state.launchedAt = 0;
  }
  return state;
}

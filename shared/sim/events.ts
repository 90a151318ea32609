// Things that happen to the player: the scenario's script, random failures, and attacks on
// whatever the design leaves open. All chance comes from the seeded PRNG in the state.
import { COSTS, TICKS_PER_MINUTE } from "../content/catalog.js";
import type { Scenario } from "../content/scenario.js";
import type { EventKind, GameState, Host, ScheduledEvent } from "../model/types.js";
import { chance, nextInt } from "../rng.js";
import { openIncident, resolveIncidents } from "./incidents.js";
import { unreceivedTicks } from "./replication.js";
import { exposedPorts, findService, isUp } from "./services.js";
import { timerSet } from "./timer-queue.js";
import { topology } from "./topology.js";
import { resolveName } from "./hops/dns.js";

export function scheduleScenario(state: GameState, scenario: Scenario): void {
  for (const e of scenario.events) {
    state.schedule.push({ at: state.launchedAt + e.at, kind: e.kind, target: e.target, duration: e.duration ?? 0, size: e.size ?? 0 });
  }
  state.schedule.sort((a, b) => a.at - b.at);
}

export function fireScheduled(state: GameState): void {
  while (state.schedule.length > 0 && state.schedule[0].at <= state.tick) {
    const ev = state.schedule.shift()!;
    fire(state, ev);
  }
}

function pick(state: GameState, hosts: Host[]): Host | undefined {
  return hosts.length === 0 ? undefined : hosts[nextInt(state, hosts.length)];
}

/** Resolves "@lb", "@web-backend", "@primary", "@any" or a host name to a host. */
export function resolveTarget(state: GameState, target: string): Host | undefined {
  const topo = topology(state);
  const hosts = state.hosts;
  const running = (i: number) => hosts[i].status === "up";
  switch (target) {
    case "@any":
      return pick(state, hosts.filter((h, i) => running(i) && (topo.web[i] || topo.app[i] || topo.db[i] || topo.lb[i])));
    case "@lb":
      return pick(state, topo.lbHosts.filter(running).map((i) => hosts[i]));
    case "@web-backend": {
      const backends = new Set<number>();
      for (const i of topo.lbHosts) for (const j of topo.lbBackends[i]) backends.add(j);
      const list = backends.size > 0 ? [...backends].sort((a, b) => a - b) : hosts.map((_, i) => i).filter((i) => topo.web[i]);
      return pick(state, list.filter(running).map((i) => hosts[i]));
    }
    case "@primary":
      return hosts.find((h, i) => topo.db[i]?.role === "primary" && running(i));
    default:
      return hosts.find((h) => h.name === target);
  }
}

export function fire(state: GameState, ev: Pick<ScheduledEvent, "kind" | "target" | "duration" | "size">): void {
  const t = state.tick;
  switch (ev.kind) {
    case "host-failure": return failHost(state, resolveTarget(state, ev.target));
    case "process-crash": return crashProcess(state, resolveTarget(state, ev.target));
    case "primary-crash": return crashPrimary(state, resolveTarget(state, ev.target));
    case "disk-fill": {
      const host = resolveTarget(state, ev.target);
      const db = host && findService(host, "db");
      if (!host || !db) return;
      db.diskPermille = Math.max(db.diskPermille, 900);
      openIncident(state, {
        kind: "disk-full", host, severity: "warning", params: { full: false },
      });
      return;
    }
    case "deploy": {
      // A team's deploy of a version the player has shipped already has nothing left to do; one
      // that finds the application stopped (a resize, a repair) goes out once it runs again.
      if (ev.size > 0 && state.codeVersion >= ev.size) return;
      if (!startDeploy(state, "all-at-once", true) && ev.size > 0) retryLater(state, ev);
      return;
    }
    case "release":
      if (state.codeVersion >= ev.size) return;
      openIncident(state, {
        kind: "release", severity: "warning", obvious: true, params: { version: ev.size, due: t + ev.duration },
      });
      return;
    case "ddos":
      state.effects.push({ kind: "ddos", until: t + ev.duration, size: ev.size, queue: [] });
      openIncident(state, {
        kind: "ddos", host: entryHost(state), severity: "critical", params: { size: ev.size },
      });
      return;
    case "flash-crowd":
      state.effects.push({ kind: "flash-crowd", until: t + ev.duration, size: ev.size, queue: [] });
      openIncident(state, {
        kind: "flash-crowd", severity: "warning", obvious: true, params: { size: ev.size },
      });
      return;
    case "ssh-bruteforce":
      state.effects.push({ kind: "ssh-bruteforce", until: t + ev.duration, size: 0, queue: [] });
      openIncident(state, {
        kind: "ssh-bruteforce", severity: "warning", obvious: true,
      });
      return;
    case "port-scan": return portScan(state);
    case "growth": return;
  }
}

function entryHost(state: GameState): Host | undefined {
  const ip = resolveName(state)[0];
  return state.hosts.find((h) => h.publicIp === ip);
}

export function failHost(state: GameState, host: Host | undefined): void {
  if (!host || host.status === "down") return;
  const db = findService(host, "db");
  if (db && db.role === "primary" && db.status === "up") rememberUnreplicated(state, db.lastWrites);
  host.status = "down";
  host.note = { code: "hardware-failure" };
  host.backlog = 0;
  openIncident(state, {
    kind: "host-failure", host, severity: "critical",
  });
}

function crashProcess(state: GameState, host: Host | undefined): void {
  if (!host) return;
  const svc = findService(host, "app") ?? findService(host, "web");
  if (!svc || svc.status !== "up") return;
  svc.status = "down";
  svc.note = { code: "crashed" };
  openIncident(state, {
    kind: "process-crash", host, severity: "critical", params: { service: svc.kind },
  });
}

function crashPrimary(state: GameState, host: Host | undefined): void {
  const db = host && findService(host, "db");
  if (!host || !db || db.status !== "up" || db.role !== "primary") return;
  db.status = "down";
  db.note = { code: "crashed" };
  rememberUnreplicated(state, db.lastWrites);
  openIncident(state, {
    kind: "primary-crash", host, severity: "critical",
  });
}

/**
 * The primary is gone with writes its replicas have not received yet (the lag window, under
 * asynchronous replication). They are lost if a replica is promoted; a primary that comes back
 * still has them.
 */
function rememberUnreplicated(state: GameState, lastWrites: number): void {
  const lag = unreceivedTicks(state);
  state.unreplicatedWrites = lag < 0 ? 0 : lastWrites * lag;
}

function portScan(state: GameState): void {
  const found: string[] = [];
  for (const h of state.hosts) {
    for (const p of exposedPorts(h)) {
      if (p === 80 || p === 443) continue;
      const key = `${h.id}:${p}`;
      if (!state.knownOpenPorts.includes(key)) state.knownOpenPorts.push(key);
      found.push(`${h.name}:${p}`);
    }
  }
  openIncident(state, {
    kind: "port-scan", severity: found.length ? "warning" : "info", obvious: true,
    params: { ports: found.slice(0, 6), count: found.length },
  });
}

/** The same event again a second later, in its place in the schedule. */
function retryLater(state: GameState, ev: Pick<ScheduledEvent, "kind" | "target" | "duration" | "size">): void {
  const again: ScheduledEvent = { at: state.tick + 10, kind: ev.kind, target: ev.target, duration: ev.duration, size: ev.size };
  const at = state.schedule.findIndex((e) => e.at > again.at);
  state.schedule.splice(at < 0 ? state.schedule.length : at, 0, again);
}

/**
 * A deploy restarts the application: all at once (downtime) or one server at a time (rolling).
 * False when no application server runs to take it.
 */
export function startDeploy(state: GameState, strategy: "all-at-once" | "rolling", scripted: boolean): boolean {
  const topo = topology(state);
  const apps = state.hosts.filter((h, i) => topo.app[i] && h.status === "up").map((h) => h.id);
  if (apps.length === 0) return false;
  state.codeVersion++;
  // The waiting release (if any) is what goes out now.
  resolveIncidents(state, ["release"], 0);
  const version = state.codeVersion;
  if (strategy === "all-at-once") {
    for (const id of apps) restartForDeploy(state, id, version);
    state.effects.push({ kind: "deploy", until: state.tick + COSTS.deployTicks, size: version, queue: [] });
  } else {
    const [first, ...rest] = apps;
    drainEverywhere(state, first);
    restartForDeploy(state, first, version);
    state.effects.push({ kind: "deploy", until: state.tick + COSTS.deployTicks, size: version, queue: rest });
  }
  openIncident(state, {
    kind: "deploy", severity: "info", obvious: true, params: { version, strategy, scripted },
  });
  return true;
}

/** A rolling deploy first puts the server in drain on every load balancer that sends to it. */
export function drainEverywhere(state: GameState, hostId: number): void {
  const topo = topology(state);
  const j = topo.indexById.get(hostId);
  if (j === undefined) return;
  for (const i of topo.lbHosts) {
    const lb = topo.lb[i]!;
    if (topo.lbBackends[i].includes(j) && !lb.drained.includes(hostId)) lb.drained = [...lb.drained, hostId];
  }
}

export function restartForDeploy(state: GameState, hostId: number, version: number): void {
  const host = state.hosts.find((h) => h.id === hostId);
  const app = host && findService(host, "app");
  if (!app || !host || host.status !== "up") return;
  app.status = "starting";
  app.readyAt = state.tick + COSTS.deployTicks;
  app.note = { code: "deploying", version };
  app.codeVersion = version;
  timerSet(state, hostId);
}

const CHAOS: readonly EventKind[] = ["host-failure", "process-crash", "ddos", "disk-fill", "flash-crowd", "primary-crash", "port-scan"];

/** Random failures and, in endless mode, a stream of incidents that grows with time. */
export function randomEvents(state: GameState, scenario: Scenario): void {
  if (state.launchedAt < 0) return;
  const rates = scenario.random;
  const n = state.hosts.length;
  if (rates.hostFailure > 0 && n > 0 && chance(state, rates.hostFailure * n)) failHost(state, resolveTarget(state, "@any"));
  if (rates.processCrash > 0 && n > 0 && chance(state, rates.processCrash * n)) crashProcess(state, resolveTarget(state, "@any"));
  if (rates.chaosEvery > 0 && chance(state, Math.floor(1_000_000 / rates.chaosEvery))) {
    const minutes = Math.floor((state.tick - state.launchedAt) / TICKS_PER_MINUTE);
    const kind = CHAOS[nextInt(state, CHAOS.length)];
    const size = kind === "ddos" ? 3000 + minutes * 1500 : kind === "flash-crowd" ? 100 + minutes * 10 : 0;
    const target = kind === "primary-crash" || kind === "disk-fill" ? "@primary" : "@any";
    fire(state, { kind, target, duration: 600, size });
  }
}

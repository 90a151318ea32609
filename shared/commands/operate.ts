// Operating: promoting a replica, deploying code, repairing servers, restarting services,
// purging a full disk.
import { COSTS, SERVICES } from "../content/catalog.js";
import type { Host } from "../model/types.js";
import { openIncident, resolveIncidents } from "../sim/incidents.js";
import { startDeploy } from "../sim/events.js";
import { findService } from "../sim/services.js";
import { afford, firstFailure, needHost, spend, type Handler } from "./handler.js";
import { OK, reject } from "./schema.js";

/** Crash recovery replays MySQL's logs: much slower than restarting a stateless process. */
const DB_RECOVERY_TICKS = 300;

export const promoteReplica: Handler<"promoteReplica"> = {
  check(state, _s, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    const db = findService(host, "db");
    return firstFailure(
      () => (db ? OK : reject(`${host.name} runs no database`)),
      () => (db!.role === "replica" ? OK : reject(`${host.name} is already the primary`)),
      () => (host.status === "up" && db!.status === "up" ? OK : reject(`${host.name} must be running to take over`)),
    );
  },
  run(state, _s, cmd) {
    const host = needHost(state, cmd.host) as Host;
    for (const h of state.hosts) {
      const db = findService(h, "db");
      if (db && db.role === "primary") db.role = "replica";
    }
    const db = findService(host, "db")!;
    db.role = "primary";
    db.lagTicks = 0;
    const lost = state.unreplicatedWrites;
    state.unreplicatedWrites = 0;
    state.topologyVersion++;
    resolveIncidents(state, ["primary-crash"], 0);
    if (lost > 0) {
      state.totals.lostWrites += lost;
      openIncident(state, {
        kind: "lost-writes", host, severity: "warning", obvious: true, params: { count: lost },
      });
    }
  },
};

export const deploy: Handler<"deploy"> = {
  check(state, _s, cmd) {
    const apps = state.hosts.filter((h) => findService(h, "app") && h.status === "up");
    return firstFailure(
      () => (apps.length > 0 ? OK : reject("there is no running application server to deploy to")),
      () => (state.effects.some((e) => e.kind === "deploy") ? reject("a deploy is already under way") : OK),
      () => (cmd.strategy === "rolling" && apps.length < 2 ? reject("a rolling deploy needs at least two application servers, so one serves while the other restarts") : OK),
    );
  },
  run(state, _s, cmd) {
    startDeploy(state, cmd.strategy, false);
  },
};

export const repairHost: Handler<"repairHost"> = {
  check(state, _s, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    return firstFailure(
      () => (host.status === "down" || host.compromised ? OK : reject(`${host.name} is not broken`)),
      () => afford(state, COSTS.repairHost, `repairing ${host.name}`),
    );
  },
  run(state, _s, cmd) {
    const host = needHost(state, cmd.host) as Host;
    spend(state, COSTS.repairHost);
    host.status = "starting";
    host.readyAt = state.tick + (host.compromised ? COSTS.rebuildTicks : COSTS.repairTicks);
    host.note = { code: host.compromised ? "rebuilding" : "repairing" };
    host.compromised = false;
  },
};

export const restartService: Handler<"restartService"> = {
  check(state, _s, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    const svc = findService(host, cmd.service);
    return firstFailure(
      () => (svc ? OK : reject(`${SERVICES[cmd.service].product} is not installed on ${host.name}`)),
      () => (host.status === "up" ? OK : reject(`${host.name} itself is ${host.status}: ${host.status === "down" ? "repair it" : "wait for it"}`)),
      () => (svc!.status === "starting" ? reject(`${SERVICES[cmd.service].product} is already starting`) : OK),
    );
  },
  run(state, _s, cmd) {
    const svc = findService(needHost(state, cmd.host) as Host, cmd.service)!;
    svc.status = "starting";
    svc.readyAt = state.tick + (svc.kind === "db" && svc.note?.code === "crashed" ? DB_RECOVERY_TICKS : COSTS.restartTicks);
    svc.note = { code: "restarting" };
  },
};

export const purgeDisk: Handler<"purgeDisk"> = {
  check(state, _s, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    return firstFailure(
      () => (findService(host, "db") ? OK : reject(`${host.name} runs no database`)),
      () => (host.status === "up" ? OK : reject(`${host.name} is ${host.status}`)),
      () => afford(state, COSTS.purgeDisk, "purging logs"),
    );
  },
  run(state, _s, cmd) {
    const host = needHost(state, cmd.host) as Host;
    spend(state, COSTS.purgeDisk);
    findService(host, "db")!.diskPermille = 100;
    resolveIncidents(state, ["disk-full"], host.id);
  },
};

// What time does on its own at the start of a tick: boots and restarts finish, deploys roll on,
// health checks run, the virtual IP fails over, certificates expire, disks fill, replicas lag.
// The loops that run every tick count with an index rather than for…of: in a fresh process (a
// replay verified) the first few thousand ticks run before V8 optimises them, and there a for…of
// allocates an iterator and a result object per step.
import { CERT_WARNING_TICKS, COSTS, PORT_APP } from "../content/catalog.js";
import type { GameState } from "../model/types.js";
import { firewallLetsIn } from "./firewall-rules.js";
import { openIncident, resolveIncidents } from "./incidents.js";
import { drainEverywhere, restartForDeploy } from "./events.js";
import { findService, isUp } from "./services.js";
import { updateLag, updateSemisync } from "./replication.js";
import { hostsToVisit, requeueVisited } from "./timer-queue.js";
import { backendPort, certVerifies } from "./backend-tls.js";
import { resolveName } from "./hops/dns.js";
import { topology, type Topology } from "./topology.js";
import { masterDownTicks, scriptFaultTicks } from "./vrrp.js";

export function runTimers(state: GameState): void {
  const t = state.tick;
  // Only hosts with a timer due now or a certificate, in host order as a full scan would visit them.
  const visit = hostsToVisit(state);
  for (let k = 0; k < visit.length; k++) {
    const h = state.hosts[visit[k]];
    if (h.status === "starting" && h.readyAt <= t) {
      h.status = "up";
      h.note = null;
      for (const s of h.services) if (s.status !== "starting") { s.status = "up"; s.note = null; }
      primaryBack(state, h);
      resolveIncidents(state, ["host-failure", "breach"], h.id);
    }
    if (h.status !== "up") continue;
    for (let j = 0; j < h.services.length; j++) {
      const s = h.services[j];
      if (s.status === "starting" && s.readyAt <= t) {
        s.status = "up";
        s.note = null;
        resolveIncidents(state, s.kind === "db" ? ["primary-crash", "process-crash"] : ["process-crash"], h.id);
        if (s.kind === "db") primaryBack(state, h);
      }
    }
    if (h.cert) certificateClock(state, h);
  }
  requeueVisited(state);
  rollDeploys(state);
  expireEffects(state);
  healthChecks(state);
  vipFailover(state);
  databases(state);
}

/** A primary that comes back still holds every write it accepted: nothing is lost after all. */
function primaryBack(state: GameState, h: GameState["hosts"][number]): void {
  if (findService(h, "db")?.role === "primary") state.unreplicatedWrites = 0;
}

function certificateClock(state: GameState, h: GameState["hosts"][number]): void {
  const t = state.tick;
  if (h.cert!.expiresAt - CERT_WARNING_TICKS === t && findService(h, "monitor")?.status === "up") {
    openIncident(state, {
      kind: "cert-expiring", host: h, severity: "warning",
    });
  }
  if (h.cert!.expiresAt === t) {
    const user = usedFor(state, h);
    if (user === null) return;
    openIncident(state, {
      kind: "cert-expired", host: h, severity: "critical", params: user === "" ? {} : { from: user },
    });
  }
}

/**
 * Who the certificate on a server behind load balancers serves: the name of one that re-encrypts
 * to it (backend TLS, which now refuses it), or null when none does and the certificate is unused.
 * "" for any other server: users connect to it.
 */
function usedFor(state: GameState, h: GameState["hosts"][number]): string | null {
  if (h.publicIp && resolveName(state).includes(h.publicIp)) return "";
  const topo = topology(state);
  const j = topo.indexById.get(h.id)!;
  if (topo.lb[j]) return "";
  let behind = false;
  for (const i of topo.lbHosts) {
    if (!topo.lbBackends[i].includes(j)) continue;
    if (topo.lb[i]!.backendTls) return state.hosts[i].name;
    behind = true;
  }
  return behind ? null : "";
}

/**
 * A rolling deploy, one server at a time: in drain, restarted with the new code, set ready again
 * once it runs, and only when the health checks have marked it up does the next one start. The
 * deploy lasts until the last server is back up.
 */
function rollDeploys(state: GameState): void {
  for (let k = 0; k < state.effects.length; k++) {
    const e = state.effects[k];
    if (e.kind !== "deploy") continue;
    const busy = state.hosts.some((h) => findService(h, "app")?.note?.code === "deploying") || !backUp(state, e.size);
    if (busy) { e.until = Math.max(e.until, state.tick + 1); continue; }
    if (e.queue.length > 0) {
      const next = e.queue.shift()!;
      drainEverywhere(state, next);
      restartForDeploy(state, next, e.size);
      e.until = state.tick + COSTS.deployTicks;
    } else {
      e.until = Math.min(e.until, state.tick);
    }
  }
}

/**
 * Sets ready every drained server whose application runs `version` again; true when none of
 * those is still marked down by a load balancer's checks.
 */
function backUp(state: GameState, version: number): boolean {
  const topo = topology(state);
  let allUp = true;
  for (const i of topo.lbHosts) {
    const lb = topo.lb[i]!;
    const ready = lb.drained.filter((id) => {
      const h = state.hosts[topo.indexById.get(id) ?? -1];
      const app = h && findService(h, "app");
      return !app || app.note?.code !== "deploying";
    });
    if (ready.length) lb.drained = lb.drained.filter((id) => !ready.includes(id));
    for (const id of lb.markedDown) {
      const h = state.hosts[topo.indexById.get(id) ?? -1];
      const app = h && findService(h, "app");
      if (app && app.codeVersion === version && isUp(h, app)) allUp = false;
    }
  }
  return allUp;
}

function expireEffects(state: GameState): void {
  const t = state.tick;
  for (let i = state.effects.length - 1; i >= 0; i--) {
    const e = state.effects[i];
    if (e.until > t) continue;
    state.effects.splice(i, 1);
    if (e.kind === "ddos") resolveIncidents(state, ["ddos"], 0);
    if (e.kind === "flash-crowd") resolveIncidents(state, ["flash-crowd"], 0);
    if (e.kind === "deploy") resolveIncidents(state, ["deploy"], 0);
    if (e.kind === "ssh-bruteforce") resolveIncidents(state, ["ssh-bruteforce"], 0);
  }
}

/**
 * HAProxy's checks: every `checkInterval` ticks each backend is probed (healthy when Nginx answers
 * and can reach a running application). A backend believed up is marked down only after `fall`
 * failed checks in a row, one believed down comes back after `rise` passed ones; until then the
 * load balancer keeps its old belief and keeps sending the backend its share.
 */
function healthChecks(state: GameState): void {
  const topo = topology(state);
  const hosts = state.hosts;
  for (let k = 0; k < topo.lbHosts.length; k++) {
    const i = topo.lbHosts[k];
    const lb = topo.lb[i]!;
    if (!lb.healthCheck) {
      if (lb.markedDown.length) lb.markedDown = [];
      if (lb.checkStreaks.length) lb.checkStreaks = [];
      continue;
    }
    if (state.tick % lb.checkInterval !== 0 || !isUp(hosts[i], lb)) continue;
    const down: number[] = [];
    const streaks: { host: number; count: number }[] = [];
    for (const j of topo.lbBackends[i]) {
      const id = hosts[j].id;
      // The check crosses the same firewalls as the traffic: a backend that drops it fails it. With
      // backend TLS the check runs over TLS too: a certificate that fails `verify required` fails it.
      const healthy = isUp(hosts[j], topo.web[j]) && firewallLetsIn(topo, j, i, backendPort(lb))
        && topo.webApps[j].some((a) => isUp(hosts[a], topo.app[a]) && firewallLetsIn(topo, a, j, PORT_APP))
        && (!lb.backendTls || certVerifies(hosts[j], state.tick));
      const wasDown = lb.markedDown.includes(id);
      // A check that agrees with the belief ends any streak; one that disagrees extends it.
      if (healthy !== wasDown) { if (wasDown) down.push(id); continue; }
      const count = (lb.checkStreaks.find((s) => s.host === id)?.count ?? 0) + 1;
      const flips = count >= (wasDown ? lb.rise : lb.fall);
      if ((wasDown && !flips) || (!wasDown && flips)) down.push(id);
      if (!flips) streaks.push({ host: id, count });
    }
    if (!sameIds(down, lb.markedDown)) lb.markedDown = down;
    if (streaks.length !== lb.checkStreaks.length || streaks.some((s, k) => lb.checkStreaks[k].host !== s.host || lb.checkStreaks[k].count !== s.count)) lb.checkStreaks = streaks;
  }
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((id, k) => b[k] === id);
}

function vipFailover(state: GameState): void {
  if (state.pairs.length === 0) return;
  const topo = topology(state);
  for (let k = 0; k < state.pairs.length; k++) {
    const p = state.pairs[k];
    if (p.mode !== "active-passive") continue;
    if (lbAlive(state, topo, p.active)) { p.failoverAt = -1; continue; }
    const standby = p.members[0] === p.active ? p.members[1] : p.members[0];
    if (p.failoverAt < 0) {
      // A dead host stops its adverts; a dead HAProxy on a live host is reported by keepalived's check script.
      const i = topo.indexById.get(p.active);
      const hostAlive = i !== undefined && state.hosts[i].status === "up";
      p.failoverAt = state.tick + (hostAlive ? scriptFaultTicks() : masterDownTicks());
      continue;
    }
    if (state.tick >= p.failoverAt && lbAlive(state, topo, standby)) {
      p.active = standby;
      p.failoverAt = -1;
      const host = state.hosts[topo.indexById.get(standby)!];
      openIncident(state, {
        kind: "failover", host, severity: "info", obvious: true, params: { vip: p.vip ?? "" },
      });
    }
  }
}

/** The load balancer on host `id` runs (HAProxy up on a running host). */
function lbAlive(state: GameState, topo: Topology, id: number): boolean {
  const i = topo.indexById.get(id);
  return i !== undefined && isUp(state.hosts[i], topo.lb[i]);
}

function databases(state: GameState): void {
  const topo = topology(state);
  for (let k = 0; k < topo.dbHosts.length; k++) {
    const i = topo.dbHosts[k];
    const db = topo.db[i]!;
    const h = state.hosts[i];
    if (db.diskPermille >= 900 && db.diskPermille < 1000 && state.tick % 20 === 0) {
      db.diskPermille++;
      if (db.diskPermille === 1000) {
        openIncident(state, {
          kind: "disk-full", host: h, severity: "critical", params: { full: true },
        });
      }
    }
  }
  updateSemisync(state);
  updateLag(state);
}

// An intruder inside reads plain HTTP off the wire. The rule, kept simple and deterministic: a
// load balancer and the web servers wired to it share one backend network. While a server on it
// (other than the balancer itself) is breached and up, it reads every legitimate request the
// balancer sends over those links in plain HTTP: its own share and its neighbours'. With backend
// TLS those requests cross the network encrypted and nothing is read off the wire. (What reaches
// the breached server itself it could still read after decrypting; that is the breach, already
// counted, and rebuilding the server ends it.) A web server on the balancer's own host is not on
// the wire. Runs after the flow, from this tick's link flows.
import type { GameState, Host } from "../model/types.js";
import { openIncident } from "./incidents.js";
import type { TickReport } from "./report.js";
import { topology } from "./topology.js";

/** Reputation lost when an intruder starts reading a balancer's traffic: users' sessions are stolen. */
const SNIFF_REPUTATION = 300;
const C = 4;

/** Counts this tick's sniffed requests into the report and the totals; opens and closes the incidents. */
export function watchSniffing(state: GameState, report: TickReport): void {
  report.sniffed = 0;
  // Indexed loops in this every-tick check: in a fresh process each for…of step allocates until V8 optimises it.
  let breached = false;
  const all = state.hosts;
  for (let k = 0; k < all.length; k++) if (all[k].compromised && all[k].status === "up") { breached = true; break; }
  if (!breached && !anyOpen(state)) return;
  const topo = topology(state);
  const hosts = state.hosts;
  /** "spy id:balancer name" for every position held this tick. */
  const held: string[] = [];
  for (const i of topo.lbHosts) {
    if (!breached || topo.lb[i]!.backendTls) continue;
    const backends = topo.lbBackends[i];
    const links = topo.lbBackendLinks[i];
    const spies: Host[] = [];
    for (const j of backends) if (j !== i && hosts[j].compromised && hosts[j].status === "up") spies.push(hosts[j]);
    if (spies.length === 0) continue;
    let plain = 0;
    for (const l of links) if (l >= 0) plain += report.linkFlow[l * C] + report.linkFlow[l * C + 1] + report.linkFlow[l * C + 2];
    report.sniffed += plain;
    for (const spy of spies) {
      held.push(`${spy.id}:${hosts[i].name}`);
      if (plain > 0 && !isOpen(state, spy.id, hosts[i].name)) {
        state.reputation = Math.max(0, state.reputation - SNIFF_REPUTATION);
        openIncident(state, { kind: "sniffing", host: spy, severity: "critical", obvious: true, params: { from: hosts[i].name } });
      }
    }
  }
  state.totals.sniffedMilli += Math.floor(report.sniffed * 1000);
  // A position given up (backend TLS on, the server rebuilt or unwired): its incident is over.
  for (const inc of state.incidents) {
    if (inc.kind === "sniffing" && inc.resolvedAt < 0 && !held.includes(`${inc.hostId}:${inc.params.from}`)) {
      inc.resolvedAt = state.tick;
    }
  }
}

/** Legitimate requests read by intruders since the start, whole. */
export function sniffedRequests(state: GameState): number {
  return Math.floor(state.totals.sniffedMilli / 1000);
}

function isOpen(state: GameState, hostId: number, from: string): boolean {
  return state.incidents.some((i) => i.kind === "sniffing" && i.resolvedAt < 0 && i.hostId === hostId && i.params.from === from);
}

function anyOpen(state: GameState): boolean {
  const incidents = state.incidents;
  for (let k = 0; k < incidents.length; k++) if (incidents[k].kind === "sniffing" && incidents[k].resolvedAt < 0) return true;
  return false;
}

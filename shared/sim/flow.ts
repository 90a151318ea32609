// The request path as a flow model. Each tick, demand per class and client bucket is pushed hop by
// hop, one module each under hops/: DNS → front door (firewall, TLS) → HAProxy → Nginx →
// application → MySQL. Every hop can fail a share of the flow and records why. Work is
// O(hosts + links) per tick: amounts are summed per host per class, never per request.
import type { GameState } from "../model/types.js";
import type { TickReport } from "./report.js";
import { runApp } from "./hops/app.js";
import { runDns } from "./hops/dns.js";
import { runHaproxy } from "./hops/haproxy.js";
import { closeHosts, loadHosts } from "./hops/hosts.js";
import { runMysql } from "./hops/mysql.js";
import { runNginx } from "./hops/nginx.js";
import { scratchFor } from "./hops/scratch.js";
import { addConnectWaits, finishTally, resetTally } from "./hops/tally.js";

export { effectiveCapacity } from "./capacity.js";
export { sourceBackend } from "./hops/balance.js";
export { BUCKET_WEIGHTS, firstTryPermille, resolveName } from "./hops/dns.js";
export { lastReport } from "./hops/scratch.js";

export interface Demand {
  /** Legitimate requests this tick per class (static, read, write). */
  legit: number[];
  /** Flood requests this tick. */
  attack: number;
}

/** Runs the request path for one tick; fills and returns the report. */
export function runFlow(state: GameState, demand: Demand): TickReport {
  const sc = scratchFor(state);
  resetTally(sc, state.tick);
  loadHosts(sc, state.tick);
  runDns(sc, demand);
  runHaproxy(sc);
  runNginx(sc);
  runApp(sc);
  runMysql(sc);
  closeHosts(sc);
  addConnectWaits(sc);
  const r = sc.report;
  r.reasonSource = sc;
  r.reasonsReady = false;
  finishTally(r);
  return r;
}

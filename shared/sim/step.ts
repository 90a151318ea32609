// One tick of the simulation, in a fixed order. The state at tick t plus the commands applied
// before this call fully decide the state at t + 1.
import type { Scenario } from "../content/scenario.js";
import type { GameState } from "../model/types.js";
import { runAttacks } from "./attacks.js";
import { computeDemand } from "./demand.js";
import { refreshDnsCaches } from "./hops/dns.js";
import { settle } from "./economy.js";
import { fireScheduled, randomEvents } from "./events.js";
import { lastReport, runFlow, type Demand } from "./flow.js";
import type { TickReport } from "./report.js";
import { runTimers } from "./timers.js";
import { watchSniffing } from "./sniffing.js";
import { watchOverload } from "./overload.js";
import { listenToUsers } from "./complaints.js";
import { watchStaleReads } from "./replication.js";

const demand: Demand = { legit: [0, 0, 0], attack: 0 };

export function step(state: GameState, scenario: Scenario): TickReport {
  if (state.ended) return lastReport(state);
  runTimers(state);
  fireScheduled(state);
  randomEvents(state, scenario);
  refreshDnsCaches(state);
  computeDemand(state, scenario, demand);
  const report = runFlow(state, demand);
  watchSniffing(state, report);
  runAttacks(state, scenario);
  watchOverload(state);
  listenToUsers(state, report);
  watchStaleReads(state, report.hostStaleReads);
  settle(state, scenario, report);
  state.tick++;
  return report;
}

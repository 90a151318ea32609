// Money, reputation, growth and the end of the game, settled once per tick after traffic ran.
import { HOST_TIERS, REVENUE_PER_REQUEST, SERVICES, TICKS_PER_MINUTE, TICKS_PER_SECOND } from "../content/catalog.js";
import type { Scenario } from "../content/scenario.js";
import type { Ending, GameState, Host } from "../model/types.js";
import { auditPasses } from "../audit/index.js";
import type { TickReport } from "./report.js";
import { slaPermyriad } from "./metrics.js";
import { countStaleReads, STALE_READS_PER_FAILURE } from "./replication.js";

/** Reputation lost per second at 100 % failures, in 1/10000. */
const REPUTATION_LOSS_AT_FULL_OUTAGE = 30;
const REPUTATION_RECOVERY = 2;

export function settle(state: GameState, scenario: Scenario, r: TickReport): void {
  const t = state.totals;
  const demand = r.demand[0] + r.demand[1] + r.demand[2];
  const served = r.served[0] + r.served[1] + r.served[2];
  t.demand += demand;
  t.served += served;
  t.errors += r.errors[0] + r.errors[1] + r.errors[2];
  t.dropped += r.dropped[0] + r.dropped[1] + r.dropped[2];
  t.attackDemand += r.demand[3];
  t.attackBlocked += r.errors[3] + r.dropped[3];
  t.latencyMsSum += served * r.p50Ms;
  if (state.launchedAt >= 0) {
    t.ticks++;
    if (demand === 0 || served * 100 >= demand * 99) t.upTicks++;
  }

  const carry = state.revenueCarry + served * REVENUE_PER_REQUEST;
  const cents = Math.floor(carry / 1000);
  state.revenueCarry = carry - cents * 1000;
  state.money += cents;
  t.revenue += cents;

  state.second.demand += demand;
  state.second.served += served;
  countStaleReads(state, r.staleReads);
  if (state.tick % TICKS_PER_SECOND === TICKS_PER_SECOND - 1) {
    const upkeep = upkeepPerSecond(state);
    state.money -= upkeep;
    t.spent += upkeep;
    const { demand: d, served: s, stale } = state.second;
    // A stale read was answered, but wrongly: it annoys users a little (sim/replication.ts).
    const failed = d - s + Math.floor(stale / STALE_READS_PER_FAILURE);
    const failedPermille = d > 0 ? Math.min(1000, Math.floor((failed * 1000) / d)) : 0;
    if (failedPermille < 10) state.reputation = Math.min(10000, state.reputation + REPUTATION_RECOVERY);
    else state.reputation = Math.max(0, state.reputation - Math.floor((failedPermille * REPUTATION_LOSS_AT_FULL_OUTAGE) / 1000));
    state.second.demand = 0;
    state.second.served = 0;
    state.second.stale = 0;
  }
  if (state.launchedAt >= 0 && (state.tick - state.launchedAt) % TICKS_PER_MINUTE === TICKS_PER_MINUTE - 1) {
    state.growthPermille = Math.floor((state.growthPermille * (1000 + scenario.traffic.growthPerMinute)) / 1000);
  }
  checkEnd(state, scenario);
}

export function upkeepPerSecond(state: GameState): number {
  let cents = 0;
  for (const h of state.hosts) cents += hostUpkeepPerSecond(h);
  return cents;
}

/** What one server costs each second: the machine and every program on it. */
export function hostUpkeepPerSecond(host: Host): number {
  let cents = HOST_TIERS[host.tier].upkeepPerSecond;
  for (const s of host.services) cents += SERVICES[s.kind].upkeepPerSecond;
  return cents;
}

function checkEnd(state: GameState, scenario: Scenario): void {
  if (state.ended) return;
  if (state.money < 0) return end(state, "lost", "bankrupt");
  if (state.reputation <= 0) return end(state, "lost", "reputation");
  if (scenario.durationTicks > 0 && state.tick + 1 >= scenario.durationTicks) {
    if (state.launchedAt < 0) return end(state, "lost", "never-launched");
    // The design review runs once, at the last tick: the goal's checks are judged then.
    const sla = slaPermyriad(state);
    const audit = auditPasses(state, scenario.goal.requires, scenario);
    if (sla < scenario.goal.minSlaPermyriad) return end(state, "lost", "sla", { slaPermyriad: sla });
    if (!audit.ok) return end(state, "lost", "audit", { failing: audit.failing.map((f) => f.id) });
    return end(state, "won", "goal");
  }
}

/** A module-level function, not a closure made in checkEnd: that ran every tick for the few that end. */
function end(state: GameState, outcome: Ending["outcome"], why: Ending["why"], more?: Partial<Ending>): void {
  state.ended = { tick: state.tick, outcome, why, ...more };
}

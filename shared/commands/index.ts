// The one entry point for player actions: shape check, rule check, then run. A rejected command
// returns its reason and leaves the state untouched.
import type { Scenario } from "../content/scenario.js";
import type { GameState } from "../model/types.js";
import { buyHost, connect, disconnect, install, remove, resizeHost, sellHost, setRunner, undo } from "./build.js";
import { copyHost } from "./copy.js";
import { buyCert, configureLb, createLbPair, removeLbPair, setDns, setReadSplit, setReplication } from "./configure.js";
import { addFirewallRule, removeFirewallRule, setFirewall } from "./firewall.js";
import type { Handlers } from "./handler.js";
import { deploy, promoteReplica, purgeDisk, repairHost, restartService } from "./operate.js";
import { parseCommand, reject, type Command, type Verdict } from "./schema.js";
import { setBackendTls } from "./tls.js";
import { roleAllows, type Actor } from "../lockstep/roles.js";
import { SOLO_ACTOR, type ActorId } from "../lockstep/turn.js";
import { timersChanged } from "../sim/timer-queue.js";

const HANDLERS: Handlers = {
  buyHost, sellHost, resizeHost, copyHost, install, remove, connect, disconnect, undo,
  configureLb, createLbPair, removeLbPair, setDns, setFirewall, addFirewallRule, removeFirewallRule, buyCert, setBackendTls, setReplication, setReadSplit,
  promoteReplica, deploy, repairHost, restartService, purgeDisk,
};

function handlerFor(cmd: Command) {
  return HANDLERS[cmd.type] as unknown as { check(s: GameState, sc: Scenario, c: Command, by: ActorId): Verdict; run(s: GameState, sc: Scenario, c: Command, by: ActorId): void };
}

setRunner(
  (state, scenario, cmd, by) => handlerFor(cmd).run(state, scenario, cmd, by),
  (state, scenario, cmd, by) => handlerFor(cmd).check(state, scenario, cmd, by),
);

function checkParsed(state: GameState, scenario: Scenario, input: unknown, actor?: Actor): { verdict: Verdict; command?: Command } {
  const parsed = parseCommand(input);
  if (!parsed.ok) return { verdict: reject(parsed.reason) };
  if (state.ended) return { verdict: reject("the game is over") };
  const allowed = roleAllows(actor, parsed.command);
  if (!allowed.ok) return { verdict: allowed };
  return { verdict: handlerFor(parsed.command).check(state, scenario, parsed.command, actor?.id ?? SOLO_ACTOR), command: parsed.command };
}

/** Whether this command would be accepted now (never changes the state). */
export function checkCommand(state: GameState, scenario: Scenario, input: unknown, actor?: Actor): Verdict {
  return checkParsed(state, scenario, input, actor).verdict;
}

/** Checks and, if legal, applies the command. */
export function applyCommand(state: GameState, scenario: Scenario, input: unknown, actor?: Actor): Verdict {
  return applyAndParse(state, scenario, input, actor).verdict;
}

/** Like applyCommand, also giving the parsed command when it was applied (for the game's log). */
export function applyAndParse(state: GameState, scenario: Scenario, input: unknown, actor?: Actor): { verdict: Verdict; command?: Command } {
  const { verdict, command } = checkParsed(state, scenario, input, actor);
  if (verdict.ok && command) {
    handlerFor(command).run(state, scenario, command, actor?.id ?? SOLO_ACTOR);
    timersChanged(state); // a command may set timers (a boot, a restart): the timer queue rebuilds
    return { verdict, command };
  }
  return { verdict };
}

export { parseCommand };
export type { Command, Verdict };

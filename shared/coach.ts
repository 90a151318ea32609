// A chapter's coach: the few steps that teach its new idea in its first minutes. Steps are data,
// defined with the chapter (content/scenarios/*.ts); each either waits for the player to read it
// ("Got it") or is done when the board shows the player did what it asks. Nothing here changes
// the game: the coach only reads the state.
import type { GameState, Host, ServiceKind } from "./model/types.js";
import { resolveName } from "./sim/hops/dns.js";

/** What the board shows once the player has done what a step asks. */
export type CoachGoal =
  | { kind: "hosts"; atLeast: number }
  | { kind: "service"; service: ServiceKind; atLeast?: number }
  | { kind: "cert" }
  | { kind: "www" }
  /** www resolves to a load balancer (or a pair's virtual IP). */
  | { kind: "www-on-lb" }
  | { kind: "www-on-vip" }
  /** At least this many web servers sit behind a load balancer. */
  | { kind: "behind-lb"; atLeast: number }
  | { kind: "replica" }
  | { kind: "pair" }
  /** The site has been live this long (the step needs the clock to run). */
  | { kind: "live-for"; ticks: number };

export interface CoachStep {
  id: string;
  title: string;
  text: string;
  /** `data-tutorial` value (a prefix) of the control to highlight, if any. */
  target?: string;
  /** Done when this holds; a step without it waits for the player's "Got it". */
  until?: CoachGoal;
}

const has = (h: Host, k: ServiceKind) => h.services.some((s) => s.kind === k);

export function coachGoalMet(state: GameState, goal: CoachGoal): boolean {
  switch (goal.kind) {
    case "hosts": return state.hosts.length >= goal.atLeast;
    case "service": return state.hosts.filter((h) => has(h, goal.service)).length >= (goal.atLeast ?? 1);
    case "cert": return state.hosts.some((h) => h.cert !== null);
    case "www": return state.dns.www !== null;
    case "www-on-lb": {
      const ips = resolveName(state);
      return ips.some((ip) => state.pairs.some((p) => p.vip === ip) || state.hosts.some((h) => h.publicIp === ip && has(h, "lb")));
    }
    case "www-on-vip": return resolveName(state).some((ip) => state.pairs.some((p) => p.vip === ip));
    case "behind-lb": {
      const lbs = new Set(state.hosts.filter((h) => has(h, "lb")).map((h) => h.id));
      const webs = new Set(state.hosts.filter((h) => has(h, "web") && !has(h, "lb")).map((h) => h.id));
      const behind = new Set<number>();
      for (const l of state.links) {
        if (lbs.has(l.from) && webs.has(l.to)) behind.add(l.to);
        if (lbs.has(l.to) && webs.has(l.from)) behind.add(l.from);
      }
      return behind.size >= goal.atLeast;
    }
    case "replica": return state.hosts.some((h) => h.services.some((s) => s.kind === "db" && s.role === "replica"));
    case "pair": return state.pairs.length > 0;
    case "live-for": return state.launchedAt >= 0 && state.tick - state.launchedAt >= goal.ticks;
  }
}

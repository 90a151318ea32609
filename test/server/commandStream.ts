// A seeded stream of plausible player commands for lockstep tests: mostly legal (buy, install,
// wire, configure, repair), some not (a sold host, a taken name, too little money), all derived
// from a PRNG and the sender's own view of the game, the way real players act on what they see.
import type { Command, GameState } from "../../shared/index.js";

/** mulberry32: a tiny deterministic PRNG (tests only; the simulation has its own). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ["web", "app", "db", "lb", "firewall", "monitor"] as const;

export function randomCommand(random: () => number, state: GameState): Command {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const hosts = state.hosts.map((h) => h.id);
  const host = () => (hosts.length && random() < 0.9 ? pick(hosts) : 1 + Math.floor(random() * 50));
  // A careful player keeps a reserve: short of money, only free actions (and selling).
  const r = state.money < 150_000 ? 0.45 + random() * 0.55 : random();
  if (r < 0.2) return { type: "buyHost", tier: pick(["small", "medium"] as const), public: random() < 0.5, name: random() < 0.3 ? `n${Math.floor(random() * 5)}` : undefined };
  if (r < 0.45 && state.money >= 150_000) return { type: "install", host: host(), service: pick(SERVICES) };
  if (r < 0.6) return { type: "connect", from: host(), to: host() };
  if (r < 0.65) return { type: "disconnect", from: host(), to: host() };
  if (r < 0.7) return { type: "configureLb", host: host(), algorithm: pick(["roundrobin", "leastconn", "source"] as const), healthCheck: random() < 0.5 };
  if (r < 0.75) return { type: "setReplication", mode: pick(["async", "semisync"] as const) };
  if (r < 0.8) return { type: "restartService", host: host(), service: pick(SERVICES) };
  if (r < 0.84) return { type: "repairHost", host: host() };
  if (r < 0.9 && state.money < 40_000) return { type: "sellHost", host: host() };
  if (r < 0.87) return { type: "remove", host: host(), service: pick(SERVICES) };
  if (r < 0.9) return { type: "sellHost", host: host() };
  if (r < 0.91) return { type: "setFirewall", host: host(), openPorts: [80, 443].slice(0, 1 + Math.floor(random() * 2)) };
  if (r < 0.93) {
    const from = pick([{ kind: "anywhere" }, { kind: "host", host: host() }, { kind: "role", role: pick(["lb", "web", "app", "db"] as const) }] as const);
    return { type: random() < 0.5 ? "addFirewallRule" : "removeFirewallRule", host: host(), port: pick([22, 80, 443, 8080, 3306]), from };
  }
  if (r < 0.96) return { type: "deploy", strategy: pick(["all-at-once", "rolling"] as const) };
  return { type: "undo" };
}

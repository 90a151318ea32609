// Server names say what a server does: lb-NN runs HAProxy, web-NN Nginx (with or without the
// application), app-NN the application, db-NN MySQL. A server with no role yet, or with several
// tiers at once (the whole stack on one machine), is server-NN. A name the game gave follows the
// role as software is installed or removed; a name the player typed is kept as typed, and a
// chapter's starting servers are named by this scheme in their scenario.
import type { GameState, Host } from "../model/types.js";

/** The first free `prefix-NN`. */
export function freeName(state: GameState, prefix: string): string {
  for (let n = 1; ; n++) {
    const name = `${prefix}-${n.toString().padStart(2, "0")}`;
    if (!state.hosts.some((h) => h.name === name)) return name;
  }
}

/** The name's prefix for what this host runs (firewall and monitoring agent are not roles). */
export function rolePrefix(host: Host): string {
  const has = (k: string) => host.services.some((s) => s.kind === k);
  const lb = has("lb"), web = has("web"), app = has("app"), db = has("db");
  if (lb) return web || app || db ? "server" : "lb";
  if (db) return web || app ? "server" : "db";
  if (web) return "web";
  return app ? "app" : "server";
}

/** Renames a game-named host whose role changed; the number is the first free one for the role. */
export function renameForRole(state: GameState, host: Host): void {
  if (!host.autoName) return;
  const prefix = rolePrefix(host);
  if (host.name.startsWith(`${prefix}-`)) return;
  host.name = freeName(state, prefix);
}

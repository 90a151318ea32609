// `window.__nines`: what the end-to-end tests and the benchmark page read of the running game.
import type { App } from "./ui/app.js";

/** A hook for the end-to-end tests and the benchmark page: read-only inspection of the running game. */
export function exposeForTests(app: App): void {
  (window as unknown as { __nines: unknown }).__nines = {
    app,
    get state() {
      return app.game?.session.state ?? null;
    },
    get session() {
      return app.game?.session ?? null;
    },
    /** Co-op: the room's code, players, and how the lockstep is doing (hashes agreed, re-syncs). */
    get coop() {
      return app.coop?.debug() ?? null;
    },
  };
}

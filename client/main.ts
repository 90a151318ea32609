// The page's entry: the DOM app (menus, HUD, panels) and the simulation. Phaser is not imported
// here; the board loads it on demand (see ui/app.ts). The teacher page (/teacher) is its own small
// app, loaded only there.
import "./styles.css";
import { parseBenchParams } from "./logic/benchBoard.js";
import { App } from "./ui/app.js";

const root = document.getElementById("app")!;
root.replaceChildren();

if (/\/teacher\/?$/.test(location.pathname)) {
  void import("./teacher/teacherPage.js").then((m) => m.mountTeacherPage(root));
} else {
  startGame();
}

function startGame(): void {
  const app = new App(root);
  // A hook for the end-to-end tests and the benchmark: read-only inspection of the running game.
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
  app.start(parseBenchParams(location.search));
}

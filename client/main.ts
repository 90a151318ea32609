// The page's entry: the DOM app (menus, HUD, panels) and the simulation. Phaser is not imported
// here; the board loads it on demand (see ui/app.ts). The teacher page (/teacher) is its own small
// app, loaded only there.
import "./styles.css";
import { exposeForTests } from "./testHook.js";
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
  exposeForTests(app);
  app.start();
}

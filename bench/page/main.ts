// The benchmark's own page (never part of the product build): the game's page with the big
// prepared board of benchBoard.ts, sized by `?bench=200&rps=1000000[&seed=7]`.
import "../../client/styles.css";
import { exposeForTests } from "../../client/testHook.js";
import { App } from "../../client/ui/app.js";
import { buildBenchGame, parseBenchParams } from "../benchBoard.js";

const root = document.getElementById("app")!;
root.replaceChildren();
const app = new App(root);
exposeForTests(app);
app.start(buildBenchGame(parseBenchParams(location.search) ?? { hosts: 200, rps: 100, seed: 7 }));

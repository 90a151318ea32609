// `npm run sim`: the headless runner (scripts/sim.ts), run from its compiled JavaScript.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BUILD_DIR, ensureServerBuild } from "./build-server.mjs";

ensureServerBuild();
await import(pathToFileURL(join(BUILD_DIR, "scripts", "sim.js")).href);

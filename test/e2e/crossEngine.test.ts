// The same commands give the same hash in Chromium and in Node: the page's bundled shared code
// re-plays a recorded run, and its hash must equal the one Node computes from the same replay.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Game, runReplay, type Replay } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";
import { launchChromium, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_CROSS_PORT ?? 3753);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(PORT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The same loop runs in both engines (passed as source to the page): commands at their tick, then a step. */
const REPLAY_LOOP = `(Game, replay) => {
  const g = Game.create(replay.scenario, replay.seed);
  let next = 0;
  for (let t = 0; t < replay.ticks && !g.state.ended; t++) {
    while (next < replay.commands.length && replay.commands[next].tick <= g.tick) g.apply(replay.commands[next++].cmd);
    g.step();
  }
  return g.hash();
}`;

describe("determinism across engines", () => {
  it("a scripted replay hashes the same in Chromium (the bundled page) and in Node", async () => {
    const replay: Replay = JSON.parse(JSON.stringify(play("distributed", 42, 3000).replay));
    expect(replay.commands.length).toBeGreaterThan(5);
    const inNode = (new Function(`return ${REPLAY_LOOP}`)() as (g: typeof Game, r: Replay) => string)(Game, replay);
    // The loop is the replay runner's own in effect: Node's runner agrees with it.
    expect(inNode).toBe(runReplay(replay).game.hash());

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.click("[data-action=solo]");
    await page.click("[data-start=simple-stack]");
    await page.waitForFunction("!!(window.__nines && window.__nines.session)");
    // The page's Game class, from the bundle the player runs (not Node's module).
    const inChromium = await page.evaluate(`(${REPLAY_LOOP})(window.__nines.session.game.constructor, ${JSON.stringify(replay)})`);
    expect(errors).toEqual([]);
    expect(inChromium).toBe(inNode);
    await page.close();
  });
});

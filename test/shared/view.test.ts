import { describe, expect, it } from "vitest";
import { COMPLAINTS, visibleHostStatus } from "../../shared/index.js";
import { fire } from "../../shared/sim/events.js";
import { hostOf, must, newGame, run, webFarm } from "./helpers.js";

describe("what the player sees", () => {
  it("an unmonitored dead server looks fine until users complain; a monitored one shows at once", () => {
    for (const monitored of [false, true]) {
      const game = newGame();
      const farm = webFarm(game, 2);
      if (monitored) must(game, { type: "install", host: farm.webs[0], service: "monitor" });
      run(game, 30);
      fire(game.state, { kind: "host-failure", target: "web-01", duration: 0, size: 0 });
      const web = hostOf(game, "web-01");
      expect(visibleHostStatus(game.state, web)).toBe(monitored ? "down" : "up");
      run(game, COMPLAINTS.windowTicks);
      expect(visibleHostStatus(game.state, web)).toBe("down");
    }
  });
});

import { describe, expect, it } from "vitest";
import { Game } from "../../shared/index.js";
import { acknowledge, CHAPTER_ONE, currentStep, stepsFor } from "../../client/logic/tutorial.js";

describe("chapter 1 tutorial", () => {
  it("follows the state: buy, install web, app, db, then DNS", () => {
    const game = Game.create("simple-stack", 3);
    const ids = () => CHAPTER_ONE[currentStep(CHAPTER_ONE, 0, game.state)].id;
    expect(ids()).toBe("buy");
    expect(game.apply({ type: "buyHost", tier: "medium", public: true }).ok).toBe(true);
    const host = game.state.hosts[0].id;
    expect(ids()).toBe("web");
    game.apply({ type: "install", host, service: "web" });
    expect(ids()).toBe("app");
    game.apply({ type: "install", host, service: "app" });
    game.apply({ type: "install", host, service: "db" });
    expect(ids()).toBe("dns");
    expect(game.state.hosts[0].publicIp).toBe("8.8.8.8");
    game.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    expect(ids()).toBe("watch");
    for (let i = 0; i < 80; i++) game.step();
    expect(ids()).toBe("ready");
  });

  it("never goes back, and waits for Next on the last step", () => {
    const game = Game.create("simple-stack", 3);
    expect(currentStep(CHAPTER_ONE, 3, game.state)).toBe(3);
    const last = CHAPTER_ONE.length - 1;
    expect(acknowledge(CHAPTER_ONE, last)).toBe(CHAPTER_ONE.length);
    // A step that watches the state ignores "Next".
    expect(acknowledge(CHAPTER_ONE, 0)).toBe(0);
  });

  it("only chapter 1 has one", () => {
    expect(stepsFor("simple-stack").length).toBeGreaterThan(4);
    expect(stepsFor("endless")).toEqual([]);
  });
});

// The chapter coaches: every chapter has one, defined with the chapter; its steps follow the
// player's actions on a real game; solo, the clock waits while the player reads.
import { describe, expect, it } from "vitest";
import { Game, SCENARIOS, type Command } from "../../shared/index.js";
import { acknowledge, CoachPause, currentStep, stepHoldsClock, stepsFor } from "../../client/logic/tutorial.js";
import { GameSession } from "../../client/logic/session.js";

const stepId = (scenario: string, game: Game, from = 0) => {
  const steps = stepsFor(scenario);
  return steps[currentStep(steps, from, game.state)]?.id ?? "done";
};

describe("chapter coaches", () => {
  it("every chapter and endless mode has one, teaching its new idea", () => {
    for (const s of SCENARIOS) expect(stepsFor(s.id).length, s.id).toBeGreaterThan(0);
    expect(stepsFor("distributed").map((s) => s.id)).toEqual(["intro", "buy-lb", "lb", "wire", "second-web", "dns", "replica", "ready"]);
    expect(stepsFor("no-such-chapter")).toEqual([]);
  });

  it("chapter 1 follows the state: buy, install web, app, db, DNS, then the clock runs", () => {
    const game = Game.create("simple-stack", 3);
    const id = () => stepId("simple-stack", game);
    expect(id()).toBe("buy");
    expect(game.apply({ type: "buyHost", tier: "medium", public: true }).ok).toBe(true);
    const host = game.state.hosts[0].id;
    expect(id()).toBe("web");
    game.apply({ type: "install", host, service: "web" });
    expect(id()).toBe("app");
    game.apply({ type: "install", host, service: "app" });
    game.apply({ type: "install", host, service: "db" });
    expect(id()).toBe("dns");
    game.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    expect(id()).toBe("watch");
    game.run(80);
    expect(id()).toBe("decide");
  });

  it("chapter 2's steps advance on the player's actions, one by one", () => {
    const game = Game.create("distributed", 3);
    const steps = stepsFor("distributed");
    let at = 0;
    const now = () => steps[(at = currentStep(steps, at, game.state))]?.id ?? "done";
    const apply = (cmd: Command) => expect(game.apply(cmd)).toEqual({ ok: true });
    const named = (name: string) => game.state.hosts.find((h) => h.name === name)!.id;
    expect(now()).toBe("intro");
    at = acknowledge(steps, at);
    expect(now()).toBe("buy-lb");
    apply({ type: "buyHost", tier: "small", public: true });
    expect(now()).toBe("lb");
    apply({ type: "install", host: named("server-02"), service: "lb" });
    expect(now()).toBe("wire");
    // Installing HAProxy named it by its role.
    apply({ type: "connect", from: named("lb-01"), to: named("server-01") });
    expect(now()).toBe("second-web");
    apply({ type: "buyHost", tier: "medium", public: false });
    apply({ type: "install", host: named("server-02"), service: "web" }); // the free number again: server-02 became lb-01
    apply({ type: "install", host: named("web-01"), service: "app" });
    expect(now()).toBe("second-web");
    apply({ type: "connect", from: named("lb-01"), to: named("web-01") });
    expect(now()).toBe("dns");
    const lbIp = game.state.hosts.find((h) => h.name === "lb-01")!.publicIp!;
    apply({ type: "setDns", recordType: "A", values: [lbIp], ttl: 300 });
    expect(now()).toBe("replica");
    apply({ type: "buyHost", tier: "medium", public: false });
    apply({ type: "install", host: named("server-02"), service: "db" });
    expect(now()).toBe("ready");
    expect(acknowledge(steps, at)).toBe(steps.length);
  });

  it("never goes back, and a step that watches the state ignores Next", () => {
    const steps = stepsFor("simple-stack");
    const game = Game.create("simple-stack", 3);
    expect(currentStep(steps, 3, game.state)).toBe(3);
    expect(acknowledge(steps, steps.length - 1)).toBe(steps.length);
    expect(acknowledge(steps, 0)).toBe(0);
  });
});

describe("the coach and the clock", () => {
  it("solo, a step the player reads pauses the game, and it plays on at its speed after", () => {
    const session = GameSession.start("distributed", 2);
    session.setSpeed(4);
    const steps = stepsFor("distributed");
    const pause = new CoachPause({ get state() { return session.state; }, hold: () => session.holdForDialog() });
    pause.update(steps[0]); // "intro": read, then Got it
    expect(session.speed).toBe(0);
    expect(session.frame(1000)).toBe(0);
    const tick = session.state.tick;
    pause.update(steps[1]); // "buy-lb": the site is live, so the clock waits while the player acts
    expect(session.speed).toBe(0);
    pause.update(undefined); // the coach is done
    expect(session.speed).toBe(4);
    expect(session.frame(100)).toBeGreaterThan(0);
    expect(session.state.tick).toBeGreaterThan(tick);
  });

  it("a new step pauses again after the player played on with Space", () => {
    const session = GameSession.start("distributed", 2);
    const steps = stepsFor("distributed");
    const pause = new CoachPause({ get state() { return session.state; }, hold: () => session.holdForDialog() });
    pause.update(steps[0]);
    session.togglePause();
    expect(session.speed).toBe(1);
    pause.update(steps[0]);
    expect(session.speed).toBe(1);
    pause.update(steps[1]);
    expect(session.speed).toBe(0);
  });

  it("lets the clock run where time must pass or nobody is there yet, and in a room never pauses", () => {
    const one = Game.create("simple-stack", 1);
    const [buy] = stepsFor("simple-stack");
    const watch = stepsFor("simple-stack").find((s) => s.id === "watch")!;
    expect(stepHoldsClock(buy, one.state)).toBe(false); // before launch nothing is lost
    expect(stepHoldsClock(watch, one.state)).toBe(false);
    expect(stepHoldsClock(stepsFor("simple-stack").find((s) => s.id === "decide"), one.state)).toBe(true);
    // Co-op: the coach is given no hold, so it cannot pause the room for everyone.
    const session = GameSession.start("distributed", 2);
    const pause = new CoachPause({ get state() { return session.state; }, hold: () => null });
    pause.update(stepsFor("distributed")[0]);
    expect(session.speed).toBe(1);
    expect(pause.holding).toBe(false);
  });
});

describe("chapter 2's coach says what the player must do, not what is already so", () => {
  it("health checks start off on a new HAProxy, so the last step asks to turn them on; the replica step asks for the link to the primary", () => {
    const game = Game.create("distributed", 1);
    must(game, { type: "buyHost", tier: "small", public: true });
    const lb = game.state.hosts[game.state.hosts.length - 1];
    must(game, { type: "install", host: lb.id, service: "lb" });
    const haproxy = lb.services.find((x) => x.kind === "lb")!;
    expect(haproxy.kind === "lb" && haproxy.healthCheck).toBe(false);
    const steps = stepsFor("distributed");
    const ready = steps.find((s) => s.id === "ready")!.text;
    expect(ready).toMatch(/^Turn health checks on/);
    expect(ready).toContain("after three failed checks in a row");
    expect(haproxy.kind === "lb" && haproxy.fall).toBe(3);
    expect(steps.find((s) => s.id === "replica")!.text).toContain("Wire it to the primary (server-01), or it copies nothing");
  });
});

function must(game: Game, cmd: Command): void {
  const r = game.apply(cmd);
  if (!r.ok) throw new Error(r.reason);
}

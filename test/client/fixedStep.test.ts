import { describe, expect, it } from "vitest";
import { FixedStepLoop, MAX_TICKS_PER_FRAME, MS_PER_TICK } from "../../client/logic/fixedStep.js";

function counter() {
  let ticks = 0;
  const loop = new FixedStepLoop(() => (ticks++, true));
  return { loop, ticks: () => ticks };
}

describe("fixed-step loop", () => {
  it("runs 10 ticks per second of real time at 1×", () => {
    const { loop, ticks } = counter();
    for (let i = 0; i < 60; i++) loop.advance(1000 / 60);
    expect(ticks()).toBe(10);
  });

  it("scales with speed and carries fractions between frames", () => {
    const { loop, ticks } = counter();
    loop.speed = 8;
    for (let i = 0; i < 120; i++) loop.advance(1000 / 60);
    expect(ticks()).toBe(160);
    loop.speed = 2;
    loop.advance(MS_PER_TICK / 4);
    loop.advance(MS_PER_TICK / 4);
    expect(ticks()).toBe(161);
  });

  it("does nothing while paused", () => {
    const { loop, ticks } = counter();
    loop.speed = 0;
    loop.advance(5000);
    expect(ticks()).toBe(0);
  });

  it("caps a long stall instead of racing to catch up", () => {
    const { loop, ticks } = counter();
    loop.speed = 8;
    expect(loop.advance(60_000)).toBeLessThanOrEqual(MAX_TICKS_PER_FRAME);
    expect(ticks()).toBeLessThanOrEqual(MAX_TICKS_PER_FRAME);
  });

  it("stops when the game cannot advance", () => {
    let ticks = 0;
    const loop = new FixedStepLoop(() => ++ticks < 3);
    expect(loop.advance(250)).toBe(2);
    expect(loop.advance(250)).toBe(0);
    expect(loop.alpha).toBe(0);
  });
});

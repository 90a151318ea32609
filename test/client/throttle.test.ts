import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Throttle } from "../../client/logic/throttle.js";

describe("cursor throttle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends at most ten a second and always the latest position last", () => {
    const sent: number[] = [];
    const t = new Throttle<number>(100, (v) => sent.push(v), () => Date.now());
    // 60 pointer moves a second for one second.
    for (let i = 0; i < 60; i++) {
      t.push(i);
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(200);
    expect(sent.length).toBeLessThanOrEqual(11);
    expect(sent.length).toBeGreaterThanOrEqual(9);
    expect(sent.at(-1)).toBe(59);
    expect(sent[0]).toBe(0);
  });
});

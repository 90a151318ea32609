import { describe, expect, it } from "vitest";
import type { TurnMessage } from "../../shared/index.js";
import { MS_PER_TICK } from "../../client/logic/fixedStep.js";
import { MAX_CATCH_UP_PER_FRAME, slackTicks, TurnBuffer } from "../../client/logic/turnBuffer.js";

const FRAME = 1000 / 60;
const turn = (tick: number, ticks: number, cmds: TurnMessage["cmds"] = []): TurnMessage => ({ tick, ticks, cmds });
const buy = { type: "buyHost", tier: "small", public: true } as const;

/** Feeds `seconds` of 60 fps frames, sending a turn message of `speed` ticks every 100 ms. */
function play(buffer: TurnBuffer, speed: 1 | 2 | 4 | 8, seconds: number, from: number) {
  let next = from;
  let played = 0;
  let maxPerFrame = 0;
  for (let f = 0; f < seconds * 60; f++) {
    if (f % 6 === 0) {
      expect(buffer.push(turn(next, speed)).ok).toBe(true);
      next += speed;
    }
    const n = buffer.take(FRAME, speed).length;
    played += n;
    maxPerFrame = Math.max(maxPerFrame, n);
  }
  return { played, maxPerFrame, next };
}

describe("turn buffer", () => {
  it("ignores turns until a snapshot placed it, then insists each turn starts where the last ended", () => {
    const b = new TurnBuffer();
    expect(b.push(turn(40, 1)).ok).toBe(true);
    expect(b.backlog).toBe(0);
    b.reset(100);
    expect(b.push(turn(100, 2)).ok).toBe(true);
    expect(b.push(turn(102, 0)).ok).toBe(true);
    const gap = b.push(turn(105, 1));
    expect(gap).toEqual({ ok: false, reason: "turn for tick 105, expected 102" });
    expect(b.push(turn(102, 1, [{ tick: 104, by: "a", seq: 1, cmd: buy }])).ok).toBe(false);
    expect(b.backlog).toBe(2);
  });

  it("splits a turn into ticks, each with its own commands, and plays them at the room's speed", () => {
    const b = new TurnBuffer();
    b.reset(0);
    b.push(turn(0, 4, [{ tick: 0, by: "a", seq: 1, cmd: buy }, { tick: 2, by: "b", seq: 7, cmd: { type: "undo" } }]));
    const first = b.take(MS_PER_TICK, 2);
    expect(first.map((u) => [u.tick, u.cmds.length, u.step])).toEqual([[0, 1, true], [1, 0, true]]);
    expect(first[0].cmds[0]).toEqual({ by: "a", seq: 1, cmd: buy });
    expect(b.take(MS_PER_TICK, 2).map((u) => u.tick)).toEqual([2, 3]);
    expect(b.take(MS_PER_TICK, 2)).toEqual([]);
  });

  it("never plays past the last tick received, and waiting does not become a burst", () => {
    const b = new TurnBuffer();
    b.reset(0);
    b.push(turn(0, 1));
    expect(b.take(1000, 1)).toHaveLength(1);
    // A second with nothing received plays nothing…
    for (let i = 0; i < 60; i++) expect(b.take(FRAME, 1)).toEqual([]);
    // …and one tick arriving afterwards plays as one tick, not ten owed ones.
    b.push(turn(1, 1));
    b.push(turn(2, 1));
    const got = b.take(FRAME, 1).length + b.take(FRAME, 1).length;
    expect(got).toBeLessThanOrEqual(2);
    expect(b.backlog + got).toBe(2);
  });

  it("plays paused-time commands at once, without a step", () => {
    const b = new TurnBuffer();
    b.reset(30);
    b.push(turn(30, 0, [{ tick: 30, by: "a", seq: 3, cmd: buy }]));
    b.push(turn(30, 0));
    const units = b.take(FRAME, 0);
    expect(units).toEqual([{ tick: 30, cmds: [{ by: "a", seq: 3, cmd: buy }], step: false }]);
    expect(b.receivedUpTo).toBe(30);
  });

  it("keeps pace with a steady room at every speed, a little behind at most", () => {
    for (const speed of [1, 2, 4, 8] as const) {
      const b = new TurnBuffer();
      b.reset(0);
      const r = play(b, speed, 10, 0);
      expect(r.played).toBeGreaterThanOrEqual(speed * 100 - slackTicks(speed) - speed);
      expect(b.backlog).toBeLessThanOrEqual(slackTicks(speed) + speed);
    }
  });

  it("catches up after a stall a few ticks per frame, not in one burst", () => {
    const b = new TurnBuffer();
    b.reset(0);
    // Three seconds at 4× arrive while the tab was frozen: 120 ticks behind.
    for (let i = 0; i < 30; i++) b.push(turn(i * 4, 4));
    expect(b.backlog).toBe(120);
    let frames = 0;
    let next = 120;
    const perFrame: number[] = [];
    while (b.backlog > slackTicks(4) + 4 && frames < 600) {
      if (frames % 6 === 0) { b.push(turn(next, 4)); next += 4; }
      perFrame.push(b.take(FRAME, 4).length);
      frames++;
    }
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(1 + MAX_CATCH_UP_PER_FRAME);
    expect(Math.max(...perFrame)).toBeGreaterThan(1);
    // Back on time within a few seconds of frames, easing off as it nears.
    expect(frames).toBeLessThan(240);
    expect(perFrame[perFrame.length - 1]).toBeLessThan(perFrame[0]);
  });

  it("plays the backlog while paused, so every player stops on the room's tick", () => {
    const b = new TurnBuffer();
    b.reset(0);
    b.push(turn(0, 8));
    b.push(turn(8, 0));
    let played = 0;
    for (let i = 0; i < 30 && b.backlog > 0; i++) played += b.take(FRAME, 0).filter((u) => u.step).length;
    expect(played).toBe(8);
  });
});

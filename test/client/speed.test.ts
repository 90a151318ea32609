import { describe, expect, it } from "vitest";
import { GameSession } from "../../client/logic/session.js";
import { defaultSettings, loadSettings } from "../../client/logic/settings.js";
import { MemoryStore } from "../../client/logic/storage.js";
import { SCENARIOS } from "../../shared/index.js";

const start = () => GameSession.start(SCENARIOS[0].id, 7);

describe("solo speed", () => {
  it("Space twice at 8× resumes at 8×", () => {
    const s = start();
    s.setSpeed(8);
    s.togglePause();
    expect(s.speed).toBe(0);
    s.togglePause();
    expect(s.speed).toBe(8);
  });

  it("Space resumes at 1× when the game has not run yet", () => {
    const s = start();
    s.setSpeed(0);
    s.togglePause();
    expect(s.speed).toBe(1);
  });

  it("a dialog pauses a solo game and its closing resumes at the speed from before", () => {
    const s = start();
    s.setSpeed(4);
    const release = s.holdForDialog();
    expect(s.speed).toBe(0);
    s.loop!.advance(5000);
    expect(s.state.tick).toBe(0);
    release();
    expect(s.speed).toBe(4);
    release();
    expect(s.speed).toBe(4);
  });

  it("a speed chosen while the dialog was open wins over the one from before", () => {
    const s = start();
    s.setSpeed(4);
    const release = s.holdForDialog();
    s.setSpeed(2);
    release();
    expect(s.speed).toBe(2);
  });

  it("a dialog opened while paused leaves the game paused", () => {
    const s = start();
    s.setSpeed(0);
    s.holdForDialog()();
    expect(s.speed).toBe(0);
  });

  it("pause-on-incident is a remembered setting, off unless chosen", () => {
    expect(defaultSettings(false).pauseOnIncident).toBe(false);
    const kv = new MemoryStore();
    kv.setItem("nines.settings", JSON.stringify({ pauseOnIncident: true }));
    expect(loadSettings(kv, false).pauseOnIncident).toBe(true);
  });
});

// The game keeps its own log of accepted commands from tick 0; snapshots carry it, and the replay
// a game writes (also after loading a save) re-simulates to the same hash and score.
import { describe, expect, it } from "vitest";
import { applyCommands, applyTurn, fromSnapshot, Game, runReplay, score, SOLO_ACTOR, type Command } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";

describe("the game's command log", () => {
  it("logs accepted commands with tick, player and sequence number; rejected ones are not logged", () => {
    const game = Game.create("endless", 3);
    expect(game.apply({ type: "buyHost", tier: "medium", public: true, name: "web-01" }).ok).toBe(true);
    expect(game.apply({ type: "buyHost", tier: "medium", public: true, name: "web-01" }).ok).toBe(false);
    applyTurn(game, { tick: 0, cmds: [{ by: "alice", seq: 7, cmd: { type: "undo" } }, { by: "bob", seq: 1, cmd: { type: "undo" } }] });
    applyCommands(game, { tick: 1, cmds: [{ by: "bob", seq: 2, cmd: { type: "buyHost", tier: "medium", public: true, name: "web-02" } }] });
    expect(game.log).toEqual([
      { tick: 0, by: SOLO_ACTOR, seq: 0, cmd: { type: "buyHost", tier: "medium", public: true, name: "web-01" } },
      { tick: 1, by: "bob", seq: 2, cmd: { type: "buyHost", tier: "medium", public: true, name: "web-02" } },
    ]);
  });

  it("the log is not part of the hashed state", () => {
    const a = Game.create("simple-stack", 3);
    const b = Game.create("simple-stack", 3);
    a.apply({ type: "buyHost", tier: "medium", public: true, name: "web-01" });
    b.apply({ type: "buyHost", tier: "medium", public: true, name: "web-01" });
    b.log.push({ tick: 0, by: "someone", seq: 9, cmd: { type: "undo" } });
    expect(a.hash()).toBe(b.hash());
  });

  it("a replay written after loading a save re-simulates to the same hash and score", () => {
    const { game } = play("simple-stack", 42, 1500);
    const loaded = Game.restore(game.snapshot());
    expect(game.log.length).toBeGreaterThan(3);
    expect(loaded.log).toEqual(game.log);
    // Play on after loading, with one more command, then save the run as a replay.
    const web = loaded.state.hosts.find((h) => h.services.some((s) => s.kind === "web"))!;
    expect(loaded.apply({ type: "restartService", host: web.id, service: "web" }).ok).toBe(true);
    loaded.run(300);
    const replay = JSON.parse(JSON.stringify(loaded.toReplay()));
    expect(replay.commands.length).toBe(game.log.length + 1);
    expect(replay.result).toEqual({ tick: loaded.tick, hash: loaded.hash(), score: score(loaded.state) });
    const again = runReplay(replay);
    expect(again.rejected).toEqual([]);
    expect(again.game.hash()).toBe(loaded.hash());
    expect(score(again.game.state)).toBe(score(loaded.state));
    expect(score(again.game.state)).toBeGreaterThan(500);
  });

  it("commands applied after the last step (while paused) are part of the replay", () => {
    const game = Game.create("simple-stack", 5);
    game.run(30);
    game.apply({ type: "buyHost", tier: "medium", public: true, name: "web-01" });
    const again = runReplay(JSON.parse(JSON.stringify(game.toReplay())));
    expect(again.game.hash()).toBe(game.hash());
  });

  it("a snapshot with a damaged log is refused with a reason", () => {
    const { game } = play("simple-stack", 42, 600);
    const text = JSON.parse(game.snapshot());
    const bad = (log: unknown) => fromSnapshot(JSON.stringify({ ...text, log }));
    expect(bad([{ tick: 0, by: "solo", seq: 0, cmd: { type: "nuke" } }])).toMatchObject({ ok: false, reason: expect.stringMatching(/command log is damaged: entry 0: malformed command/) });
    expect(bad([{ tick: 99_999, by: "solo", seq: 0, cmd: { type: "undo" } }])).toMatchObject({ ok: false, reason: expect.stringMatching(/after the saved tick/) });
    expect(bad("everything")).toMatchObject({ ok: false, reason: expect.stringMatching(/command log is damaged/) });
    const cmd: Command = { type: "undo" };
    expect(bad([{ tick: 5, by: "solo", seq: 0, cmd }, { tick: 2, by: "solo", seq: 1, cmd }])).toMatchObject({ ok: false, reason: expect.stringMatching(/out of order/) });
  });
});

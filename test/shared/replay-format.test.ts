// Replay format 2 (players, overrides, the claimed result) and format 1 files, which still load
// and play as the solo player's commands.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyTurn, Game, parseReplay, resultMismatch, runReplay, score, SIM_VERSION, type Replay } from "../../shared/index.js";

const V1 = JSON.parse(readFileSync(new URL("../fixtures/replay-v1-secured.json", import.meta.url), "utf8"));
describe("replay format 1", () => {
  it("a file from an older simulation version is refused by version, not played to a different end", () => {
    expect(V1.format).toBe(1);
    const parsed = parseReplay(V1);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain("version 1");
  });

  it("a format 1 file still loads and plays as the solo player's commands", () => {
    const parsed = parseReplay({ ...V1, simVersion: SIM_VERSION });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.replay.commands.every((c) => c.by === undefined)).toBe(true);
    const run = runReplay(parsed.replay);
    expect(run.rejected).toEqual([]);
    expect(run.game.tick).toBe(3000);
    expect(score(run.game.state)).toBeGreaterThan(0);
    // Its commands are the solo player's: the game's own log says so.
    expect(new Set(run.game.log.map((c) => c.by))).toEqual(new Set(["solo"]));
    expect(run.game.log).toHaveLength(V1.commands.length);
  });

  it("format 1 refuses fields it never had", () => {
    expect(parseReplay({ ...V1, result: { tick: 3000, hash: "00000000", score: 1 } }).ok).toBe(false);
  });
});

describe("replay format 2", () => {
  function twoPlayerRun() {
    const game = Game.create("simple-stack", 8);
    applyTurn(game, { tick: 0, cmds: [
      { by: "alice", seq: 1, cmd: { type: "buyHost", tier: "medium", public: true, name: "web-01" } },
      { by: "bob", seq: 1, cmd: { type: "buyHost", tier: "medium", public: true, name: "web-02" } },
    ] });
    for (let t = 0; t < 20; t++) applyTurn(game, { tick: game.tick, cmds: [] });
    applyTurn(game, { tick: game.tick, cmds: [{ by: "alice", seq: 2, cmd: { type: "undo" } }] });
    for (let t = 0; t < 100; t++) applyTurn(game, { tick: game.tick, cmds: [] });
    return game;
  }

  it("records each command's player, and replays them as that player", () => {
    const game = twoPlayerRun();
    const replay: Replay = JSON.parse(JSON.stringify(game.toReplay()));
    expect(replay.format).toBe(2);
    expect(replay.simVersion).toBe(SIM_VERSION);
    expect(replay.commands.map((c) => [c.by, c.cmd.type])).toEqual([["alice", "buyHost"], ["alice", "undo"]]);
    // simple-stack allows one server: bob's buy was refused and is not in the log; alice's undo
    // was accepted. Replayed as alice, her undo works; replayed as someone else it would not.
    const parsed = parseReplay(replay);
    if (!parsed.ok) throw new Error(parsed.reason);
    const run = runReplay(parsed.replay);
    expect(run.game.hash()).toBe(game.hash());
    expect(resultMismatch(parsed.replay, run.game)).toBeNull();
    const asSomeoneElse = runReplay({ ...parsed.replay, commands: parsed.replay.commands.map((c) => ({ ...c, by: c.by === "alice" && c.cmd.type === "undo" ? "mallory" : c.by })) });
    expect(asSomeoneElse.rejected.map((r) => r.reason)).toEqual(["you have no build action to undo"]);
  });

  it("a claimed result that the run does not reach is named", () => {
    const replay = twoPlayerRun().toReplay();
    const run = runReplay(replay);
    expect(resultMismatch({ ...replay, result: { ...replay.result!, score: replay.result!.score + 1 } }, run.game)).toMatch(/claims a score/);
    expect(resultMismatch({ ...replay, result: { ...replay.result!, hash: "00000000" } }, run.game)).toMatch(/claims state hash/);
  });

  it("carries a challenge's overrides and refuses malformed ones", () => {
    const game = Game.create("simple-stack", 8, { budget: 0, durationMinutes: 3, allowedComponents: ["web", "app"] });
    const replay = JSON.parse(JSON.stringify(game.toReplay()));
    const parsed = parseReplay(replay);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.replay.overrides).toEqual({ budget: 0, durationTicks: 1800, allowedComponents: ["web", "app"] });
    expect(runReplay(parsed.replay).game.overrides).toEqual(game.overrides);
    expect(parseReplay({ ...replay, overrides: { money: 0 } })).toMatchObject({ ok: false, reason: expect.stringMatching(/overrides/) });
  });

  it("refuses unknown fields, bad players and a result for another tick", () => {
    const replay = Game.create("simple-stack", 8).toReplay();
    expect(parseReplay({ ...replay, cheat: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/cheat/) });
    expect(parseReplay({ ...replay, commands: [{ tick: 0, by: "", cmd: { type: "undo" } }] })).toMatchObject({ ok: false, reason: expect.stringMatching(/commands\.0\.by/) });
    expect(parseReplay({ ...replay, result: { tick: 5, hash: "00000000", score: 0 } })).toMatchObject({ ok: false, reason: expect.stringMatching(/result is for tick 5/) });
    expect(parseReplay({ ...replay, format: 3 })).toMatchObject({ ok: false, reason: expect.stringMatching(/format/) });
  });
});

// What the database inspector and the debrief say about replication, from a real game: a replica's
// stale reads and lag, a replica with no link to its primary, and semi-sync waiting then falling back.
import { describe, expect, it } from "vitest";
import { findService } from "../../shared/index.js";
import { buildDebrief } from "../../client/logic/debrief.js";
import { readsGoToLine, replicaLine, semisyncLine } from "../../client/logic/replicationText.js";
import { buy, hostOf, must, newGame, run, setDemand, webFarm } from "../shared/helpers.js";

function board(linked: boolean) {
  const game = newGame();
  const farm = webFarm(game, 2, { healthCheck: true });
  const replica = buy(game, "db-02", ["db"], { tier: "large" });
  for (const w of farm.webs) must(game, { type: "connect", from: w, to: replica });
  if (linked) must(game, { type: "connect", from: replica, to: farm.db });
  setDemand(game, 600);
  return game;
}

describe("replication in words", () => {
  it("a linked asynchronous replica: its stale reads per second and its lag", () => {
    const game = board(true);
    run(game, 100);
    expect(replicaLine(game.state, hostOf(game, "db-02"))).toMatch(/^\d+(\.\d)? stale reads\/s — lag 0\.3 s$/);
    expect(replicaLine(game.state, hostOf(game, "db-01"))).toBeNull();
    expect(semisyncLine(game.state)).toBeNull();
    const stats = buildDebrief(game).stats;
    expect(stats.find((s) => s.label.startsWith("Stale reads"))!.value).toBe(String(game.state.totals.staleReads));
  });

  it("a replica with no link to the primary says so", () => {
    const game = board(false);
    run(game, 20);
    expect(replicaLine(game.state, hostOf(game, "db-02"))).toMatch(/^✖ No link to the primary db-01: receives no writes · .* behind$/);
  });

  it("semi-sync: acknowledged, waiting with the time left, fallen back", () => {
    const game = board(true);
    must(game, { type: "setReplication", mode: "semisync" });
    run(game, 100);
    expect(semisyncLine(game.state)).toMatch(/each commit waits for a replica/);
    findService(hostOf(game, "db-02"), "db")!.status = "down";
    run(game, 2);
    expect(semisyncLine(game.state)).toMatch(/commits wait \(9\.\d s left before falling back to async\)/);
    run(game, 100);
    expect(semisyncLine(game.state)).toMatch(/fell back to async/);
  });
});

describe("where reads go, above the read-split buttons", () => {
  it("with no replica, every read goes to the primary (the split has nothing to choose); with one, the split now in force", () => {
    const game = newGame();
    webFarm(game, 1);
    expect(game.state.readSplit).toBe("replicas");
    expect(readsGoToLine(game.state)).toBe("Every read goes to the primary: there is no replica to share them yet.");
    const board2 = board(true);
    expect(readsGoToLine(board2.state)).toBe("Reads go to: replicas only (now)");
    must(board2, { type: "setReadSplit", split: "all" });
    expect(readsGoToLine(board2.state)).toBe("Reads go to: spread over all (now)");
  });
});

// HAProxy `backup` servers: nothing while any primary is up, everything once the last primary is
// marked down, nothing again as soon as one primary is back (shared/reference, measured on 2.6).
import { describe, expect, it } from "vitest";
import { haproxyFiles } from "../../shared/export/haproxy.js";
import { hostOf, must, newGame, requestsByHost, run, setDemand, webFarm } from "./helpers.js";

describe("backup servers", () => {
  it("take traffic only while every primary is marked down", () => {
    const game = newGame();
    const farm = webFarm(game, 3, { algorithm: "roundrobin", healthCheck: true, checkInterval: 10 });
    must(game, { type: "configureLb", host: farm.lb, backups: [farm.webs[2]], fall: 1, rise: 1 });
    setDemand(game, 200);
    run(game, 30);
    const share = () => requestsByHost(game, game.step());
    expect(share()["web-03"]).toBe(0);
    expect(share()["web-01"]).toBeGreaterThan(0);
    // One primary down: the other primary takes it all, the backup still nothing.
    hostOf(game, "web-01").status = "down";
    run(game, 30);
    let r = share();
    expect(r["web-03"]).toBe(0);
    expect(r["web-02"]).toBeGreaterThan(0);
    // The last primary down: once marked, everything goes to the backup and nothing fails.
    hostOf(game, "web-02").status = "down";
    run(game, 30);
    const after = run(game, 20);
    expect(after.errors + after.dropped).toBe(0);
    r = share();
    expect(r["web-03"]).toBeGreaterThan(0);
    // One primary back: marked up at its next check, and the backup stops at once.
    hostOf(game, "web-02").status = "up";
    run(game, 20);
    r = share();
    expect(r["web-02"]).toBeGreaterThan(0);
    expect(r["web-03"]).toBe(0);
  });

  it("a backup must be a backend of that load balancer; the config marks it backup", () => {
    const game = newGame();
    const farm = webFarm(game, 2, { healthCheck: true });
    const v = game.apply({ type: "configureLb", host: farm.lb, backups: [farm.db] });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toContain("not a backend");
    expect(game.apply({ type: "configureLb", host: farm.lb, backups: [99999] }).ok).toBe(false);
    must(game, { type: "configureLb", host: farm.lb, backups: [farm.webs[1]] });
    const cfg = haproxyFiles(game.state)[0].content;
    expect(cfg).toMatch(/server web-02 \S+ check inter \d+ fall 3 rise 2 backup/);
    expect(cfg).not.toMatch(/server web-01 .*backup/);
  });
});

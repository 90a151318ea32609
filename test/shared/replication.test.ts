// Replication as the player feels it: where reads go (the read split), reads a lagging replica
// answers with old data (stale reads), a replica that needs a link to its primary, and semi-sync
// falling back to async after MySQL's timeout.
import { describe, expect, it } from "vitest";
import { applyCommand, checkCommand, findService, Game, roleAllows, SEMISYNC_TIMEOUT_MS, TIER_DB, TIERS, type ReadSplit, type TickReport } from "../../shared/index.js";
import { fire } from "../../shared/sim/events.js";
import { buy, hostOf, idOf, must, newGame, run, setDemand, webFarm } from "./helpers.js";

function replicated(opts: { mode?: "async" | "semisync"; linked?: boolean; split?: ReadSplit } = {}) {
  const game = newGame();
  const farm = webFarm(game, 2, { healthCheck: true });
  const replica = buy(game, "db-02", ["db"], { tier: "large" });
  for (const w of farm.webs) must(game, { type: "connect", from: w, to: replica });
  if (opts.linked !== false) must(game, { type: "connect", from: replica, to: farm.db });
  if (opts.mode === "semisync") must(game, { type: "setReplication", mode: "semisync" });
  if (opts.split && opts.split !== "replicas") must(game, { type: "setReadSplit", split: opts.split });
  setDemand(game, 600);
  return { game, farm, replica };
}

const slot = (game: ReturnType<typeof newGame>, name: string) => game.state.hosts.findIndex((h) => h.name === name);
const dbRequests = (game: ReturnType<typeof newGame>, r: TickReport, name: string) => r.serviceRequests[slot(game, name) * TIERS + TIER_DB];
const lagOf = (game: ReturnType<typeof newGame>, name: string) => findService(hostOf(game, name), "db")!.lagTicks;

/** Runs `ticks` ticks; the stale reads they reported, and the writes' mean latency (ms) per tick. */
function measure(game: ReturnType<typeof newGame>, ticks: number) {
  let stale = 0;
  const writeMs: number[] = [];
  run(game, ticks, (r) => { stale += r.staleReads; writeMs.push(r.meanMs[2]); });
  return { stale, writeMs };
}

describe("read split", () => {
  it("replicas only, spread over all, primary only: the databases' shares of the work", () => {
    const shares = (split: ReadSplit) => {
      const { game } = replicated({ split });
      run(game, 100);
      const r = game.step();
      return { primary: dbRequests(game, r, "db-01"), replica: dbRequests(game, r, "db-02") };
    };
    // Of every 10 requests 4 are reads and 1 is a write (the mix 50/40/10).
    const replicas = shares("replicas");
    expect(replicas.replica / replicas.primary).toBeCloseTo(4, 1); // all reads there, writes on the primary
    const all = shares("all");
    expect(all.primary / all.replica).toBeCloseTo(1.5, 1); // half the reads each, plus the writes
    const primary = shares("primary");
    expect(primary.replica).toBe(0);
    expect(primary.primary).toBeCloseTo(replicas.primary * 5, -1);
  });

  it("reads to the primary only still find the replica when the primary is down", () => {
    const { game } = replicated({ split: "primary" });
    run(game, 100);
    fire(game.state, { kind: "primary-crash", target: "@primary", duration: 0, size: 0 });
    const r = game.step();
    expect(r.served[1]).toBe(r.demand[1]);
    expect(dbRequests(game, r, "db-02")).toBeGreaterThan(0);
  });

  it("is a data-role command with a strict shape and a reason when it changes nothing", () => {
    const { game } = replicated();
    expect(checkCommand(game.state, game.scenario, { type: "setReadSplit", split: "replicas" })).toEqual({ ok: false, reason: "reads already go to the replicas only" });
    expect(checkCommand(game.state, game.scenario, { type: "setReadSplit", split: "half" }).ok).toBe(false);
    expect(checkCommand(game.state, game.scenario, { type: "setReadSplit", split: "all", share: 50 }).ok).toBe(false);
    expect(roleAllows({ id: "a", role: "network" }, { type: "setReadSplit", split: "all" })).toEqual({ ok: false, reason: "only the data role may do that (you hold the network role)" });
    expect(roleAllows({ id: "a", role: "data" }, { type: "setReadSplit", split: "all" }).ok).toBe(true);
    const before = JSON.stringify(game.state);
    expect(applyCommand(game.state, game.scenario, { type: "setReadSplit", split: "replicas" }).ok).toBe(false);
    expect(JSON.stringify(game.state)).toBe(before);
    must(game, { type: "setReadSplit", split: "all" });
    expect(game.state.readSplit).toBe("all");
  });
});

describe("saved and restored", () => {
  it("the read split, semi-sync's wait and the stale-read counts come back with the same hash", () => {
    const { game } = replicated({ mode: "semisync", split: "all", linked: false });
    run(game, 100);
    must(game, { type: "connect", from: idOf(game, "db-02"), to: idOf(game, "db-01") });
    run(game, 100);
    fire(game.state, { kind: "host-failure", target: "db-02", duration: 0, size: 0 });
    run(game, 50); // waiting for an acknowledgement
    const restored = Game.restore(game.snapshot());
    expect(restored.state.readSplit).toBe("all");
    expect(restored.state.semisync.waitUntil).toBeGreaterThan(restored.state.tick);
    expect(restored.state.totals.staleReads).toBe(game.state.totals.staleReads);
    expect(restored.state.totals.staleReads).toBeGreaterThan(0);
    expect(restored.hash()).toBe(game.hash());
  });
});

describe("stale reads", () => {
  it("appear on an asynchronous replica and are counted per tick, per host and in the totals", () => {
    const { game } = replicated({ mode: "async" });
    run(game, 100);
    const r = game.step();
    const reads = dbRequests(game, r, "db-02");
    expect(lagOf(game, "db-02")).toBe(3);
    // 300 ms behind: one read in five looks for a write of the last 5 s, and misses 0.3 s of them.
    expect(r.hostStaleReads[slot(game, "db-02")] / reads).toBeCloseTo(0.2 * 0.3 / 5, 4);
    expect(r.staleReads).toBeCloseTo(r.hostStaleReads[slot(game, "db-02")], 9);
    expect(game.state.totals.staleReads).toBeGreaterThan(20);
  });

  it("semi-sync cuts them (the write is on the replica when the commit returns), at the cost of slower writes", () => {
    const a = replicated({ mode: "async" });
    const s = replicated({ mode: "semisync" });
    run(a.game, 100);
    run(s.game, 100);
    const async = measure(a.game, 100);
    const semi = measure(s.game, 100);
    expect(async.stale).toBeGreaterThan(20);
    expect(semi.stale).toBe(0);
    expect(semi.writeMs[99] - async.writeMs[99]).toBeCloseTo(10, 0);
  });

  it("none when reads go to the primary only", () => {
    const { game } = replicated({ mode: "async", split: "primary" });
    run(game, 100);
    expect(measure(game, 50).stale).toBe(0);
    expect(game.state.totals.staleReads).toBe(0);
  });

  it("a replica far behind opens an incident and holds reputation back; catching up closes it", () => {
    const { game, replica, farm } = replicated({ mode: "async", linked: false });
    const fresh = replicated({ mode: "async" }).game;
    game.state.reputation = fresh.state.reputation = 9000;
    run(game, 200);
    run(fresh, 200);
    const incident = game.state.incidents.find((i) => i.kind === "stale-reads");
    expect(incident?.params.host).toBe("db-02");
    expect(incident!.resolvedAt).toBe(-1);
    expect(fresh.state.incidents.some((i) => i.kind === "stale-reads" && i.resolvedAt < 0)).toBe(false);
    // Everything was answered in both, yet users who saw their writes vanish do not warm back up.
    expect(game.state.totals.errors + game.state.totals.dropped).toBe(0);
    expect(fresh.state.reputation).toBeGreaterThan(9030);
    expect(game.state.reputation).toBeLessThanOrEqual(9000);
    must(game, { type: "connect", from: replica, to: farm.db });
    run(game, 100);
    expect(incident!.resolvedAt).toBeGreaterThan(0);
  });
});

describe("replication needs a link to the primary", () => {
  it("an unlinked replica receives no writes: its lag grows every tick, and a link lets it catch up", () => {
    const { game, replica, farm } = replicated({ linked: false });
    const before = lagOf(game, "db-02");
    run(game, 50);
    expect(lagOf(game, "db-02")).toBe(before + 50);
    // Nothing crosses to it: it pays nothing to apply writes.
    const alone = game.step();
    must(game, { type: "connect", from: replica, to: farm.db });
    run(game, 100);
    expect(lagOf(game, "db-02")).toBe(3);
    const linked = game.step();
    expect(linked.hostUtil[slot(game, "db-02")]).toBeGreaterThan(alone.hostUtil[slot(game, "db-02")]);
  });

  it("under semi-sync an unlinked replica cannot acknowledge: promoting it loses the writes it never got", () => {
    const { game, replica } = replicated({ mode: "semisync", linked: false });
    run(game, 300);
    fire(game.state, { kind: "primary-crash", target: "@primary", duration: 0, size: 0 });
    must(game, { type: "promoteReplica", host: replica });
    expect(game.state.totals.lostWrites).toBeGreaterThan(0);
  });
});

describe("what a promotion loses", () => {
  it("counts the linked replica's lag, not an unlinked replica's hours behind", () => {
    const { game, replica, farm } = replicated({ mode: "async" });
    const stray = buy(game, "db-03", ["db"], { tier: "large" });
    for (const w of farm.webs) must(game, { type: "connect", from: w, to: stray });
    run(game, 300);
    expect(lagOf(game, "db-03")).toBeGreaterThan(300);
    const perTick = findService(hostOf(game, "db-01"), "db")!.lastWrites;
    fire(game.state, { kind: "primary-crash", target: "@primary", duration: 0, size: 0 });
    must(game, { type: "promoteReplica", host: replica });
    expect(game.state.totals.lostWrites).toBe(perTick * 3);
  });
});

describe("semi-sync falls back to async after rpl_semi_sync_source_timeout", () => {
  const timeoutTicks = SEMISYNC_TIMEOUT_MS / 100;

  it("with no replica to acknowledge, commits wait the timeout once, then go async; semi-sync resumes when a replica is back", () => {
    const { game, replica } = replicated({ mode: "semisync" });
    run(game, 100);
    const acked = game.step().meanMs[2];
    fire(game.state, { kind: "host-failure", target: "db-02", duration: 0, size: 0 });
    const waited = measure(game, timeoutTicks + 2);
    // The first commits wait about the whole timeout; waiting ends exactly at the timeout.
    expect(waited.writeMs[2]).toBeGreaterThan(SEMISYNC_TIMEOUT_MS * 0.9);
    expect(waited.writeMs[timeoutTicks - 1]).toBeGreaterThan(0);
    expect(waited.writeMs[timeoutTicks - 1]).toBeLessThan(acked + 200);
    expect(game.state.semisync.fellBack).toBe(true);
    expect(game.state.incidents.some((i) => i.kind === "semisync-fallback" && i.params.host === "db-01" && i.resolvedAt < 0)).toBe(true);
    // Fallen back: commits no longer wait.
    const after = measure(game, 20);
    expect(Math.max(...after.writeMs)).toBeLessThan(acked + 20);
    // The replica comes back: semi-sync resumes by itself.
    must(game, { type: "repairHost", host: replica });
    run(game, 300);
    expect(game.state.semisync).toEqual({ waitUntil: -1, fellBack: false });
    expect(game.state.incidents.find((i) => i.kind === "semisync-fallback")!.resolvedAt).toBeGreaterThan(0);
    expect(game.step().meanMs[2]).toBeCloseTo(acked, -1);
  });

  it("switching to async ends the fallback and its incident; a primary that stops leaves no commit waiting", () => {
    const { game } = replicated({ mode: "semisync" });
    run(game, 100);
    fire(game.state, { kind: "host-failure", target: "db-02", duration: 0, size: 0 });
    run(game, timeoutTicks + 2);
    must(game, { type: "setReplication", mode: "async" });
    run(game, 1);
    expect(game.state.semisync).toEqual({ waitUntil: -1, fellBack: false });
    expect(game.state.incidents.find((i) => i.kind === "semisync-fallback")!.resolvedAt).toBe(game.state.tick - 1);
    must(game, { type: "setReplication", mode: "semisync" });
    run(game, 5);
    expect(game.state.semisync.waitUntil).toBeGreaterThan(game.state.tick);
    fire(game.state, { kind: "primary-crash", target: "@primary", duration: 0, size: 0 });
    run(game, 1);
    expect(game.state.semisync.waitUntil).toBe(-1);
  });

  it("asynchronous replication never waits", () => {
    const { game } = replicated({ mode: "async" });
    run(game, 100);
    fire(game.state, { kind: "host-failure", target: "db-02", duration: 0, size: 0 });
    expect(Math.max(...measure(game, 50).writeMs)).toBeLessThan(200);
    expect(game.state.semisync).toEqual({ waitUntil: -1, fellBack: false });
  });

  it("a primary with no replica at all waits once, then runs async without another wait", () => {
    const game = newGame();
    webFarm(game, 2);
    must(game, { type: "setReplication", mode: "semisync" });
    setDemand(game, 600);
    const m = measure(game, timeoutTicks + 50);
    const waiting = m.writeMs.map((ms, t) => (ms > 200 ? t : -1)).filter((t) => t >= 0);
    expect(waiting.length).toBeGreaterThan(timeoutTicks - 3);
    expect(waiting.length).toBeLessThanOrEqual(timeoutTicks);
    // One wait, in one stretch; then commits never wait again.
    expect(waiting[waiting.length - 1] - waiting[0]).toBe(waiting.length - 1);
    expect(Math.max(...m.writeMs.slice(waiting[waiting.length - 1] + 1))).toBeLessThan(200);
  });
});

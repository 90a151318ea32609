// One definition per figure, named the same everywhere: the goal's figure is requests served, the
// clock is the HUD's clock, the nines say when time caps them, and money shows net income.
import { describe, expect, it } from "vitest";
import { Game, nines, ninesCappedByTime, slaPermyriad, TICKS_PER_SECOND, upkeepPerSecond } from "../../shared/index.js";
import { buildDebrief } from "../../client/logic/debrief.js";
import { clock, permyriad } from "../../client/logic/format.js";
import { IncomeRate } from "../../client/logic/incomeRate.js";
import { incomeLine, ninesWords } from "../../client/ui/hud.js";

function launchedChapterOne(): Game {
  const game = Game.create("simple-stack", 4);
  game.apply({ type: "buyHost", tier: "medium", public: true });
  const host = game.state.hosts[0].id;
  for (const service of ["web", "app", "db"] as const) game.apply({ type: "install", host, service });
  for (let i = 0; i < 100; i++) game.step();
  game.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
  return game;
}

describe("the end screen's figures", () => {
  it("shows the goal's figure under the goal's name, and the HUD's clock", () => {
    const game = launchedChapterOne();
    game.run(7000);
    const d = buildDebrief(game);
    const goal = game.scenario.goal.minSlaPermyriad;
    expect(d.stats[0]).toEqual({ label: `Requests served (goal ${permyriad(goal, 0)})`, value: permyriad(slaPermyriad(game.state)) });
    const end = game.state.ended?.tick ?? game.state.tick;
    expect(d.stats.find((s) => s.label === "Clock")?.value).toBe(clock(end));
    expect(d.stats.find((s) => s.label === "Live for")?.value).toBe(clock(end - game.state.launchedAt));
  });
});

describe("nines", () => {
  it("say when the time live caps them", () => {
    const game = launchedChapterOne();
    const t = game.state.totals;
    t.ticks = 50; t.upTicks = 50;
    expect(nines(game.state)).toBe(1);
    expect(ninesCappedByTime(game.state)).toBe(true);
    expect(ninesWords(game.state)).toBe("one nine: capped by time live");
    t.ticks = 50; t.upTicks = 40; // 80 %: no nine, and time is not what holds it back
    expect(ninesCappedByTime(game.state)).toBe(false);
    expect(ninesWords(game.state)).toBe("no nines");
    t.ticks = 100_000; t.upTicks = 100_000;
    expect(nines(game.state)).toBe(5);
    expect(ninesCappedByTime(game.state)).toBe(false);
  });
});

describe("the money line", () => {
  it("is net income: revenue over the last seconds minus upkeep, both shown", () => {
    const game = launchedChapterOne();
    game.run(600);
    const rate = new IncomeRate();
    rate.read(game.state);
    const before = game.state.totals.revenue;
    game.run(10 * TICKS_PER_SECOND);
    const income = rate.read(game.state);
    expect(income.revenue).toBe(Math.floor((game.state.totals.revenue - before) / 10));
    expect(income.revenue).toBeGreaterThan(0);
    expect(income.costs).toBe(upkeepPerSecond(game.state));
    expect(income.net).toBe(income.revenue - income.costs);
    expect(incomeLine({ revenue: 62, costs: 22, net: 40 })).toBe("+$0.40/s (in $0.62 · out $0.22)");
    expect(incomeLine({ revenue: 0, costs: 22, net: -22 })).toBe("−$0.22/s (in $0.00 · out $0.22)");
  });

  it("starts over when the game goes back in time (a load)", () => {
    const game = launchedChapterOne();
    game.run(300);
    const rate = new IncomeRate();
    rate.read(game.state);
    const fresh = launchedChapterOne();
    expect(rate.read(fresh.state).revenue).toBe(0);
  });
});

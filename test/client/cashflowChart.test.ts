// The money chart reads the session's per-minute cashflow: what the player spent and earned.
import { describe, expect, it } from "vitest";
import { GameSession } from "../../client/logic/session.js";
import { cashflowSeries, dollarAxisLabels, minuteInWords } from "../../client/ui/cashflowChart.js";

describe("the revenue-against-costs chart", () => {
  it("charts each minute of a solo session in dollars, the purchase in the minute it was made", () => {
    const session = GameSession.start("simple-stack", 3);
    expect(session.apply({ type: "buyHost", tier: "medium", public: true }).ok).toBe(true);
    for (let i = 0; i < 700; i++) session.runTick();
    const [first, second] = session.cashflow.minutes;
    // A medium server ($600) and 60 s of its upkeep (16 cents a second): $609.60, no revenue yet.
    expect(first).toEqual({ minute: 0, revenue: 0, costs: 60_960 });
    expect(second.minute).toBe(1);
    const [x, revenue, costs] = cashflowSeries(session.cashflow.minutes);
    expect(x).toEqual([1, 2]);
    expect(revenue[0]).toBe(0);
    expect(costs[0]).toBe(609.6);
    expect(minuteInWords(first)).toBe("Minute 1: in $0, out $609, net -$609");
  });
});

describe("the chart's dollar axis", () => {
  it("writes cents when its ticks are less than a dollar apart, so no two labels read the same; whole dollars otherwise", () => {
    expect(dollarAxisLabels([0, 0.2, 0.4, 0.6, 0.8, 1])).toEqual(["$0.00", "$0.20", "$0.40", "$0.60", "$0.80", "$1.00"]);
    expect(dollarAxisLabels([0, 500, 1000, 1500])).toEqual(["$0", "$500", "$1,000", "$1,500"]);
  });
});

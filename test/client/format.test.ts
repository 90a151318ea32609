import { describe, expect, it } from "vitest";
import { clock, compact, duration, fillHost, money, moneyExact, ms, ninesLabel, permyriad, rate, reputation, utilisation } from "../../client/logic/format.js";

describe("formatting", () => {
  it("writes money with units and groups, the same on every machine", () => {
    expect(money(250000)).toBe("$2,500");
    expect(money(-1234567)).toBe("-$12,345");
    expect(moneyExact(16)).toBe("$0.16");
    expect(moneyExact(123456)).toBe("$1,234.56");
  });

  it("writes shares, time and rates", () => {
    expect(permyriad(9995)).toBe("99.95 %");
    expect(permyriad(9000, 0)).toBe("90 %");
    expect(clock(0)).toBe("0:00");
    expect(clock(6000)).toBe("10:00");
    expect(clock(36000 + 50)).toBe("1:00:05");
    expect(duration(300)).toBe("30 s");
    expect(duration(15)).toBe("1.5 s");
    expect(duration(1200)).toBe("2 min");
    expect(duration(900)).toBe("1 min 30 s");
    // A certificate with 299.6 s left read "4 min 60 s".
    expect(duration(2996)).toBe("5 min");
    expect(duration(2994)).toBe("4 min 59 s");
    expect(rate(1_000_000)).toBe("1M req/s");
    expect(compact(3400)).toBe("3.4k");
    expect(compact(12_345)).toBe("12k");
    expect(compact(7)).toBe("7");
    expect(ms(250)).toBe("250 ms");
    expect(ms(2500)).toBe("2.5 s");
    expect(reputation(8765)).toBe("88 %");
    expect(utilisation(1234)).toBe("123 %");
  });

  it("names the nines and fills host names", () => {
    expect(ninesLabel(3)).toBe("three nines");
    expect(ninesLabel(9)).toBe("five nines");
    expect(fillHost("Repair {host}; {host} is down", "web-01")).toBe("Repair web-01; web-01 is down");
  });
});

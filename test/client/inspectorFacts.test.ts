// What a player expects to find: each server's capacity in the inspector, and keys to step
// between servers, listed in the `?` help.
import { describe, expect, it } from "vitest";
import { Game, HOST_TIERS, resizeCost, sellRefund, serverCapacityRps } from "../../shared/index.js";
import { money } from "../../client/logic/format.js";
import { capacityText, resizeHint } from "../../client/ui/inspector.js";
import { focusKeepsKey, SHORTCUTS, shortcutFor, steppedHost } from "../../client/logic/shortcuts.js";

const key = (k: string) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, targetIsInput: false });

describe("a server's capacity", () => {
  it("is its CPU over the work of an average request on the services it runs: 444 req/s for scale-up's web-01", () => {
    const game = Game.create("scale-up", 1);
    const web = game.state.hosts.find((h) => h.name === "web-01")!;
    const mix = game.scenario.traffic.mix;
    // Worked by hand: a medium server (10,000 work a tick, 100,000 a second) running Nginx and the
    // app; per 1000 requests of the 500/400/100 mix, Nginx costs 500 × 100 + 500 × 30 = 65,000 and
    // the app 400 × 300 + 100 × 400 = 160,000: 225 per request, so 100,000 / 225 = 444 a second.
    expect(web.tier).toBe("medium");
    expect(web.services.map((s) => s.kind)).toEqual(["firewall", "web", "app", "monitor"]);
    expect(serverCapacityRps(web, mix)).toBe(444);
    expect(capacityText(web, mix)).toMatch(/^about 444 req\/s/);
  });

  it("doubles on a machine with twice the CPU, and is none without software that serves", () => {
    const game = Game.create("scale-up", 1);
    const web = game.state.hosts.find((h) => h.name === "web-01")!;
    const mix = game.scenario.traffic.mix;
    const small = serverCapacityRps({ ...web, tier: "small" }, mix)!;
    const large = serverCapacityRps({ ...web, tier: "large" }, mix)!;
    expect(large / small).toBeCloseTo(HOST_TIERS.large.cpu / HOST_TIERS.small.cpu, 1);
    expect(serverCapacityRps({ ...web, services: [] }, mix)).toBeNull();
    expect(capacityText({ ...web, services: [] }, mix)).toMatch(/^no requests/);
  });
});

describe("stepping between servers", () => {
  it("] and [ select the next and previous server, wrapping, and are in the help", () => {
    expect(key("]")).toBe("nextHost");
    expect(key("[")).toBe("prevHost");
    expect(SHORTCUTS.map((s) => s.action)).toEqual(expect.arrayContaining(["nextHost", "prevHost"]));
    expect(steppedHost([4, 9, 12], null, 1)).toBe(4);
    expect(steppedHost([4, 9, 12], null, -1)).toBe(12);
    expect(steppedHost([4, 9, 12], 9, 1)).toBe(12);
    expect(steppedHost([4, 9, 12], 12, 1)).toBe(4);
    expect(steppedHost([4, 9, 12], 4, -1)).toBe(12);
    expect(steppedHost([], null, 1)).toBeNull();
  });
});

describe("the resize button", () => {
  it("names its price before the click: the new machine less what the old one sells for, and a smaller one is free", () => {
    const game = Game.create("simple-stack", 1);
    expect(game.apply({ type: "buyHost", tier: "medium", public: true }).ok).toBe(true);
    const host = game.state.hosts[0];
    const cost = resizeCost(host, "large");
    expect(cost).toBe(HOST_TIERS.large.price - sellRefund(host));
    expect(cost).toBeGreaterThan(0);
    expect(resizeHint(host, "large")).toBe(`${money(cost)} · restarts the server`);
    expect(resizeHint(host, "small")).toBe("free · restarts the server");
    const before = game.state.money;
    expect(game.apply({ type: "resizeHost", host: host.id, tier: "large" }).ok).toBe(true);
    expect(before - game.state.money).toBe(cost);
  });
});

describe("shortcuts after a click in the inspector", () => {
  it("a ticked checkbox keeps only Space: ] and the speed keys still work; text fields and selects keep every key", () => {
    const checkbox = { tagName: "INPUT", type: "checkbox" };
    expect(focusKeepsKey(checkbox, "]")).toBe(false);
    expect(focusKeepsKey(checkbox, "3")).toBe(false);
    expect(focusKeepsKey(checkbox, " ")).toBe(true);
    expect(focusKeepsKey({ tagName: "INPUT", type: "text" }, "]")).toBe(true);
    expect(focusKeepsKey({ tagName: "SELECT" }, "b")).toBe(true);
    expect(focusKeepsKey({ tagName: "TEXTAREA" }, "n")).toBe(true);
    expect(focusKeepsKey({ tagName: "BUTTON" }, "]")).toBe(false);
    expect(focusKeepsKey(null, "]")).toBe(false);
  });
});

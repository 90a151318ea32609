// The client asks shared for the rules it shows: the DNS limit and the sell refund.
import { describe, expect, it } from "vitest";
import { Game, MAX_DNS_ADDRESSES, sellRefund } from "../../shared/index.js";
import { dnsCommand } from "../../client/ui/dnsDialog.js";

describe("the DNS dialog", () => {
  it("sends as many addresses as the schema allows, and the game accepts them", () => {
    const game = Game.create("endless", 1);
    for (let i = 0; i < MAX_DNS_ADDRESSES + 1; i++) game.apply({ type: "buyHost", tier: "small", public: true });
    const ips = game.state.hosts.map((h) => h.publicIp!).filter(Boolean);
    expect(ips.length).toBeGreaterThan(MAX_DNS_ADDRESSES);
    const cmd = dnsCommand("A", ips, 300);
    expect(cmd.type === "setDns" && cmd.values.length).toBe(MAX_DNS_ADDRESSES);
    expect(MAX_DNS_ADDRESSES).toBe(8);
    expect(game.apply(cmd).ok).toBe(true);
    expect(game.state.dns.www?.values).toHaveLength(MAX_DNS_ADDRESSES);
  });
});

describe("the sell refund", () => {
  it("is what selling really gives back", () => {
    const game = Game.create("scale-up", 1);
    const host = game.state.hosts.find((h) => h.name === "web-02")!;
    const before = game.state.money;
    const shown = sellRefund(host);
    expect(host.tier).toBe("medium");
    expect(shown).toBe(30000); // half the $600 a medium server costs
    expect(game.apply({ type: "sellHost", host: host.id }).ok).toBe(true);
    expect(game.state.money - before).toBe(shown);
  });
});

describe("traffic lanes", () => {
  it("spread failures the report does not split by class by the scenario's own mix", async () => {
    const { fallbackMix } = await import("../../client/logic/trafficLanes.js");
    for (const id of ["simple-stack", "scale-up", "endless"]) {
      const game = Game.create(id, 1);
      const mix = game.scenario.traffic.mix;
      expect(fallbackMix(game.state)).toEqual([mix[0] / 1000, mix[1] / 1000, mix[2] / 1000, 0]);
    }
  });
});

describe("a server's upkeep", () => {
  it("counts the machine and its software, as the money line does", async () => {
    const { hostUpkeepPerSecond, upkeepPerSecond } = await import("../../shared/index.js");
    const game = Game.create("scale-up", 1);
    const web = game.state.hosts.find((h) => h.name === "web-01")!;
    expect(hostUpkeepPerSecond(web)).toBe(20); // medium 16 + ufw 0 + Nginx 1 + app 2 + agent 1 cents a second
    expect(game.state.hosts.reduce((n, h) => n + hostUpkeepPerSecond(h), 0)).toBe(upkeepPerSecond(game.state));
    const { readFileSync } = await import("node:fs");
    const inspector = readFileSync(new URL("../../client/ui/inspector.ts", import.meta.url), "utf8");
    expect(inspector).not.toMatch(/HOST_TIERS\[[^\]]+\]\.upkeepPerSecond/);
  });
});

// Server names follow one scheme everywhere: named by role once software gives the server one
// (lb-NN, web-NN, app-NN, db-NN), server-NN while it has none or carries several tiers at once.
import { describe, expect, it } from "vitest";
import { Game, SCENARIOS } from "../../shared/index.js";

const names = (g: Game) => g.state.hosts.map((h) => h.name);

describe("server names", () => {
  it("chapter 1's server is named by what it runs, whole stack included", () => {
    const g = Game.create("simple-stack", 1);
    g.apply({ type: "buyHost", tier: "medium", public: true });
    const host = g.state.hosts[0].id;
    expect(names(g)).toEqual(["server-01"]);
    g.apply({ type: "install", host, service: "web" });
    expect(names(g)).toEqual(["web-01"]);
    g.apply({ type: "install", host, service: "app" });
    expect(names(g)).toEqual(["web-01"]); // Nginx with the application is still a web server
    g.apply({ type: "install", host, service: "db" });
    expect(names(g)).toEqual(["server-01"]);
    expect(g.apply({ type: "undo" }).ok).toBe(true);
    expect(names(g)).toEqual(["web-01"]);
  });

  it("chapter 2 starts from server-01 and names each new server by its role", () => {
    const g = Game.create("distributed", 1);
    expect(names(g)).toEqual(["server-01"]);
    for (const _ of [1, 2, 3]) g.apply({ type: "buyHost", tier: "small", public: false });
    expect(names(g)).toEqual(["server-01", "server-02", "server-03", "server-04"]);
    const [, a, b, c] = g.state.hosts.map((h) => h.id);
    g.apply({ type: "install", host: a, service: "lb" });
    g.apply({ type: "install", host: b, service: "app" });
    g.apply({ type: "install", host: c, service: "db" });
    expect(names(g)).toEqual(["server-01", "lb-01", "app-01", "db-01"]);
    // A firewall or a monitoring agent is not a role.
    g.apply({ type: "remove", host: c, service: "db" });
    expect(names(g)[3]).toBe("server-02");
  });

  it("keeps a name the player typed", () => {
    const g = Game.create("endless", 1);
    g.apply({ type: "buyHost", tier: "small", public: true, name: "frontend" });
    g.apply({ type: "install", host: g.state.hosts[0].id, service: "lb" });
    // Even one that looks like the game's own.
    g.apply({ type: "buyHost", tier: "small", public: true, name: "web-07" });
    g.apply({ type: "install", host: g.state.hosts[1].id, service: "db" });
    expect(names(g)).toEqual(["frontend", "web-07"]);
  });

  it("every chapter's starting servers follow the same scheme", () => {
    for (const s of SCENARIOS) {
      const g = Game.create(s.id, 1);
      for (const h of g.state.hosts) {
        const roles = h.services.map((x) => x.kind).filter((k) => k !== "firewall" && k !== "monitor");
        const expected = roles.length === 1 ? roles[0] : roles.every((r) => r === "web" || r === "app") ? "web" : "server";
        expect(h.name, `${s.id}: ${h.name} runs ${roles.join("+")}`).toMatch(new RegExp(`^${expected}-\\d\\d$`));
      }
    }
  });
});

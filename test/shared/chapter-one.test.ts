// Chapter 1's decisions: how big the one server is (a resize restarts it), and when the team's
// release goes out (a deploy restarts the application; if the player waits too long, the team
// pushes it at a peak).
import { describe, expect, it } from "vitest";
import { Game, incidentText } from "../../shared/index.js";

/** The stack built and live; returns the game and its server's id. */
function live(seed = 1): { g: Game; host: number } {
  const g = Game.create("simple-stack", seed);
  g.apply({ type: "buyHost", tier: "medium", public: true });
  const host = g.state.hosts[0].id;
  for (const service of ["web", "app", "db"] as const) g.apply({ type: "install", host, service });
  g.run(100);
  expect(g.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 })).toEqual({ ok: true });
  return { g, host };
}

describe("chapter 1: scale up", () => {
  it("sells medium and large servers, and a resize restarts the one server", () => {
    const { g, host } = live();
    g.run(600);
    expect(g.check({ type: "buyHost", tier: "large", public: true })).toEqual({ ok: false, reason: "this chapter allows at most 1 server" });
    expect(g.apply({ type: "resizeHost", host, tier: "large" })).toEqual({ ok: true });
    const server = g.state.hosts[0];
    expect(server.tier).toBe("large");
    expect(server.status).toBe("starting");
    g.run(101);
    expect(g.state.hosts[0].status).toBe("up");
  });
});

describe("chapter 1: the release", () => {
  it("is announced with a deadline; deployed early, the team has nothing left to push", () => {
    const { g } = live();
    const launched = g.state.launchedAt;
    g.run(901);
    const release = g.state.incidents.find((i) => i.kind === "release")!;
    expect(release).toBeDefined();
    expect(release.params.due).toBe(launched + 3000);
    expect(incidentText(release).title).toMatch(/^Version 2 is ready to ship: deploy it before \d+:\d\d$/);
    expect(g.apply({ type: "deploy", strategy: "all-at-once" })).toEqual({ ok: true });
    expect(g.state.incidents.find((i) => i.kind === "release")!.resolvedAt).toBe(g.state.tick);
    g.run(2200);
    const deploys = g.state.incidents.filter((i) => i.kind === "deploy");
    expect(deploys.map((d) => d.params.scripted)).toEqual([false]);
    expect(g.state.codeVersion).toBe(2);
  });

  it("left waiting, is pushed by the team at the deadline", () => {
    const { g } = live();
    const due = g.state.launchedAt + 3000;
    g.run(due - g.state.tick + 1);
    const deploy = g.state.incidents.find((i) => i.kind === "deploy")!;
    expect(deploy.tick).toBe(due);
    expect(deploy.params.scripted).toBe(true);
    expect(g.state.incidents.find((i) => i.kind === "release")!.resolvedAt).toBe(due);
  });

  it("a server restarting at the deadline gets the release once it is back", () => {
    const { g, host } = live();
    const due = g.state.launchedAt + 3000;
    g.run(due - g.state.tick - 20);
    expect(g.apply({ type: "resizeHost", host, tier: "large" })).toEqual({ ok: true });
    g.run(150);
    const deploy = g.state.incidents.find((i) => i.kind === "deploy")!;
    expect(deploy.params.scripted).toBe(true);
    expect(deploy.tick).toBeGreaterThan(due);
    expect(g.state.codeVersion).toBe(2);
  });
});

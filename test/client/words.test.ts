// Words the player reads: they say what happened, once, in plain counts.
import { describe, expect, it } from "vitest";
import { Game, incidentText, SERVICES } from "../../shared/index.js";
import { undoneWords } from "../../client/logic/actionWords.js";
import { buildDebrief } from "../../client/logic/debrief.js";
import { chapterLessons } from "../../client/logic/lessons.js";

describe("the undo toast", () => {
  it("names the build it takes back", () => {
    const game = Game.create("simple-stack", 2);
    expect(undoneWords(game.state, "solo")).toBeNull();
    game.apply({ type: "buyHost", tier: "medium", public: true });
    const host = game.state.hosts[0];
    expect(undoneWords(game.state, "solo")).toBe(`bought ${host.name}`);
    game.apply({ type: "install", host: host.id, service: "web" });
    expect(undoneWords(game.state, "solo")).toBe(`installed ${SERVICES.web.product} on ${host.name}`);
  });
});

describe("plain counts", () => {
  it("a one-server chapter refuses a second server in the singular", () => {
    const game = Game.create("simple-stack", 2);
    game.apply({ type: "buyHost", tier: "medium", public: true });
    const v = game.apply({ type: "buyHost", tier: "medium", public: true });
    expect(v.ok).toBe(false);
    expect(v.ok ? "" : v.reason).toMatch(/at most 1 server$/);
  });

  it("no software is named with a plus sign", () => {
    for (const spec of Object.values(SERVICES)) expect(spec.product).not.toMatch(/\+/);
  });
});

describe("What to try", () => {
  it("does not repeat a lesson's advice with the prevention of an incident the lesson tells", () => {
    const game = Game.create("simple-stack", 4);
    game.apply({ type: "buyHost", tier: "medium", public: true });
    const host = game.state.hosts[0].id;
    for (const service of ["web", "app", "db"] as const) game.apply({ type: "install", host, service });
    for (let i = 0; i < 100; i++) game.step();
    game.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
    game.run(7000);
    const told = new Set(chapterLessons(game).flatMap((l) => l.kinds));
    const toldIncidents = game.state.incidents.filter((i) => told.has(i.kind) && i.severity !== "info");
    expect(toldIncidents.length).toBeGreaterThan(0);
    const tips = buildDebrief(game).tips;
    for (const i of toldIncidents) expect(tips).not.toContain(incidentText(i).prevention);
  });
});

// The end screen names what the chapter taught in terms of the run the player just had, and
// puts the chapter's own concepts first in "what to try" and the design review.
import { describe, expect, it } from "vitest";
import { Game, type Incident } from "../../shared/index.js";
import { focusChecks, orderedFindings } from "../../client/logic/auditView.js";
import { buildDebrief } from "../../client/logic/debrief.js";
import { groupIncidents, groupOpen } from "../../client/logic/incidentGroups.js";
import { chapterLessons } from "../../client/logic/lessons.js";

/** Chapter 1 played by a newcomer who builds the stack and then never repairs anything. */
function chapterOneUnattended(seed: number): Game {
  const game = Game.create("simple-stack", seed);
  game.apply({ type: "buyHost", tier: "medium", public: true });
  const host = game.state.hosts[0].id;
  for (const service of ["web", "app", "db"] as const) game.apply({ type: "install", host, service });
  for (let i = 0; i < 100; i++) game.step();
  game.apply({ type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 300 });
  game.run(7000);
  return game;
}

const incident = (id: number, over: Partial<Incident>): Incident => ({
  id, kind: "overload", tick: id * 100, detectedAt: id * 100, resolvedAt: id * 100 + 50, hostId: 7, severity: "warning",
  params: { host: "web-01" }, ...over,
});

describe("chapter lessons", () => {
  it("names chapter 1's three lessons and ties them to this run's moments", () => {
    const game = chapterOneUnattended(4);
    const lessons = chapterLessons(game);
    expect(lessons.map((l) => l.title)).toEqual(["Single point of failure", "Downtime for maintenance", "No room to grow"]);
    const [spof, deploy] = lessons;
    expect(spof.felt).toBe(true);
    expect(spof.text).toMatch(/^At \d+:\d\d server-01 failed/);
    expect(deploy.felt).toBe(true);
    expect(deploy.text).toMatch(/version 2/);
    for (const l of lessons) expect(l.idea.length).toBeGreaterThan(20);
  });

  it("falls back to a plain sentence when the run did not show it", () => {
    const game = Game.create("simple-stack", 1);
    const lessons = chapterLessons(game);
    expect(lessons.every((l) => !l.felt)).toBe(true);
    expect(lessons[2].text).toMatch(/ceiling/);
  });

  it("tells this run's story: a release left to the team, shipped at the 5:10 peak, then a hardware fault at 7:10 never repaired, and a lost chapter", () => {
    const game = chapterOneUnattended(4);
    const d = buildDebrief(game);
    // Down from 7:10 to the end of a 10-minute chapter: far below the 89 % goal.
    expect(game.state.ended).toMatchObject({ outcome: "lost", why: "sla" });
    expect(d.outcome).toBe("lost");
    expect(d.reason).toBe("Served 61.84 % of requests; the goal was 89 %.");
    expect(d.timeline.map((t) => [t.at, t.severity, t.lasted])).toEqual([
      ["1:40", "warning", "fixed after 3 min 30 s"],
      ["5:10", "info", "fixed after 6 s"],
      ["7:10", "critical", "never fixed"],
      ["7:24", "warning", "never fixed"],
    ]);
    expect(d.timeline[0].title).toBe("Version 2 is ready to ship: deploy it before 5:10");
    expect(d.timeline[1].title).toMatch(/team ships version 2/);
    expect(d.timeline[2].title).toBe("server-01 failed: hardware fault");
    expect(d.timeline[2].seen).toMatch(/14\.9 s later, from users/); // chapter 1 has no monitoring: users told
    expect(d.timeline[3].title).toMatch(/^Users complain: 100 % of requests fail/);
    expect(d.stats.find((x) => x.label === "Incidents")?.value).toBe("4");
    expect(d.lessons.map((l) => [l.title, l.felt])).toEqual([["Single point of failure", true], ["Downtime for maintenance", true], ["No room to grow", false]]);
    expect(d.lessons[0].text).toMatch(/^At 7:10 server-01 failed/);
    expect(d.lessons[1].text).toMatch(/^At 5:10 nobody had shipped version 2 yet, so the team pushed it/);
  });
});

describe("debrief focus", () => {
  it("puts the chapter's lessons first in what to try, and its concepts first in the review", () => {
    const game = chapterOneUnattended(4);
    const d = buildDebrief(game);
    expect(d.lessons).toHaveLength(3);
    expect(d.tips[0]).toMatch(/^Single point of failure: /);
    expect(d.tips.some((t) => t.startsWith("Downtime for maintenance: "))).toBe(true);
    expect(d.tips.length).toBeLessThanOrEqual(5);
    expect(d.auditFocus.map((f) => f.title)).toContain("No single point of failure");
    // Chapter 1 has one server and no firewall: nothing it cannot act on.
    expect([...d.auditFocus, ...d.auditOther].some((f) => /Database off the internet|replica|One role/.test(f.title))).toBe(false);
  });

  it("starts with the goal's unmet requirements", () => {
    const game = Game.create("secured", 3);
    game.run(50);
    const d = buildDebrief(game);
    expect(d.tips[0]).toMatch(/^Goal: /);
    expect(focusChecks(game.scenario).has("firewalls")).toBe(true);
    const ordered = orderedFindings(game.state, game.scenario);
    const firstOther = ordered.findIndex((f) => !f.focus);
    expect(firstOther === -1 || ordered.slice(firstOther).every((f) => !f.focus)).toBe(true);
  });
});

describe("incident groups", () => {
  it("folds repeats of one incident into one line, keeping each occurrence", () => {
    const list = [incident(1, {}), incident(2, { kind: "deploy", hostId: 0, params: { version: 2, strategy: "rolling" } }), incident(3, {}), incident(4, { resolvedAt: -1 })];
    const groups = groupIncidents(list);
    expect(groups).toHaveLength(2);
    expect(groups[0].lead.id).toBe(1);
    expect(groups[0].all.map((i) => i.id)).toEqual([1, 3, 4]);
    expect(groupOpen(groups[0])).toBe(true);
    expect(groupOpen(groups[1])).toBe(false);
  });

  it("shows a repeated overload once in the timeline with its count", () => {
    const game = chapterOneUnattended(4);
    const host = game.state.hosts[0].id;
    for (let k = 0; k < 3; k++) game.state.incidents.push(incident(900 + k, { hostId: host, params: { host: "server-01" } }));
    const d = buildDebrief(game);
    const overload = d.timeline.filter((t) => t.title.startsWith("server-01 is at capacity"));
    expect(overload).toHaveLength(1);
    expect(overload[0].times).toBe(3);
    expect(overload[0].when).toMatch(/^3 times: /);
  });
});

describe("alert repeats", () => {
  it("toasts an incident once, then stays quiet about its repeats for a while", async () => {
    const { RepeatFilter } = await import("../../client/logic/incidentGroups.js");
    const f = new RepeatFilter(600);
    expect(f.announce(incident(1, { detectedAt: 1000 }))).toBe(true);
    expect(f.announce(incident(2, { detectedAt: 1300 }))).toBe(false);
    expect(f.announce(incident(3, { detectedAt: 1300, hostId: 8 }))).toBe(true); // another server
    expect(f.announce(incident(4, { detectedAt: 1700 }))).toBe(true);
  });
});

describe("an intruder reading plain HTTP behind the load balancer", () => {
  it("the end screen names it, counts it and gives the fixes", () => {
    const game = Game.create("secured", 2);
    const id = (name: string) => game.state.hosts.find((h) => h.name === name)!.id;
    expect(game.apply({ type: "buyCert", host: id("lb-01") }).ok).toBe(true);
    game.state.hosts.find((h) => h.name === "web-02")!.compromised = true;
    game.run(200);
    const d = buildDebrief(game);
    const entry = d.timeline.find((t) => t.title === "web-02 is breached and reads plain HTTP from lb-01");
    expect(entry).toBeDefined();
    expect(entry!.seen).toBe("Seen at once.");
    expect(entry!.prevention).toMatch(/Backend TLS on lb-01.*port 22.*firewall/);
    const read = d.stats.find((s) => s.label === "Requests read by an intruder inside");
    expect(Number(read?.value)).toBeGreaterThan(500);
    const lesson = d.lessons.find((l) => l.title === "Where TLS ends")!;
    expect(lesson.text).toMatch(/An intruder inside read \d+ requests in plain HTTP/);
  });

  it("says nothing of it when nothing was read", () => {
    const d = buildDebrief(chapterOneUnattended(4));
    expect(d.stats.some((s) => s.label.startsWith("Requests read"))).toBe(false);
  });
});

// A whole class in real Chromium against `npm start` (SQLite in a temporary folder): the teacher
// creates a one-minute challenge, two students join with the code in their own browsers, the
// teacher starts it, the standings arrive, a student reloads and gets the same seat back, the time
// runs out, each student sees their rank, and the teacher downloads the CSV.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, ROOT, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_CLASSROOM_PORT ?? 3660);
const ARTIFACTS = join(ROOT, "artifacts");
const dataDir = mkdtempSync(join(tmpdir(), "nines-e2e-class-"));

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let teacher: Page;
let ada: Page;
let bo: Page;
let code = "";
const problems: string[] = [];

async function open(who: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`${who}: page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/WebSocket|Failed to load resource/.test(m.text())) problems.push(`${who}: console error: ${m.text()}`);
  });
  return page;
}

const tick = (page: Page) => page.evaluate("window.__nines?.session?.game.tick ?? null") as Promise<number | null>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(PORT, 150_000, { NINES_DATA_DIR: dataDir });
  browser = await launchChromium();
  teacher = await open("teacher");
  ada = await open("ada");
  bo = await open("bo");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a class plays a one-minute challenge", () => {
  it("the teacher creates it and two students join with the code", async () => {
    await teacher.goto(`${server.url}/teacher`);
    await teacher.selectOption("#t-scenario", "simple-stack");
    await teacher.fill("#t-duration", "1");
    await teacher.click("button[type=submit]");
    await teacher.waitForSelector(".teacher-code");
    code = (await teacher.textContent(".teacher-code"))!.trim();
    expect(code).toMatch(/^[A-HJ-NP-Z]{6}$/);
    await teacher.waitForSelector("[data-action=start]");

    // Ada follows the join link; Bo types the code from the menu.
    await ada.goto(`${server.url}/join?code=${code}`);
    await ada.fill("#class-name", "Ada");
    await ada.click("[data-action=join-class]");
    await bo.goto(server.url);
    await bo.click("[data-action=classroom]");
    await bo.fill("#class-code", code.toLowerCase());
    await bo.fill("#class-name", "  Ada ");
    await bo.click("[data-action=join-class]");
    await expect.poll(() => bo.textContent(".coop-status")).toMatch(/already called Ada/);
    await bo.fill("#class-name", "<i>Bo</i>");
    await bo.click("[data-action=join-class]");
    for (const p of [ada, bo]) await p.waitForSelector("[data-screen=class-waiting]");

    await expect.poll(() => teacher.$$eval(".teacher-student", (els) => els.map((e) => `${e.querySelector("span")!.textContent} ${e.querySelector("small")!.textContent}`))).toEqual(["Ada connected", "<i>Bo</i> connected"]);
    expect(await teacher.$$eval(".teacher-student i", (els) => els.length)).toBe(0);
    await teacher.screenshot({ path: join(ARTIFACTS, "e2e-classroom-teacher-lobby.png") });
    await bo.screenshot({ path: join(ARTIFACTS, "e2e-classroom-student-waiting.png") });
  });

  it("starts after the countdown on both boards, streams standings, and a reload keeps the seat", async () => {
    await teacher.keyboard.press("s");
    await expect.poll(() => ada.textContent("[data-class=timer]")).toMatch(/Starts in/);
    for (const p of [ada, bo]) await p.locator("#board canvas").waitFor({ timeout: 30_000 });
    await expect.poll(() => teacher.locator("[data-table=standings] tbody tr").count(), { timeout: 5000 }).toBe(2);
    await expect.poll(() => ada.textContent("[data-class=timer]")).toMatch(/^0:\d\d left/);

    // Ada builds: her room applies it, and her standings row is the server's own game.
    const before = await ada.evaluate("window.__nines.state.hosts.length") as number;
    await ada.click("[data-tutorial=buy-server]");
    await expect.poll(() => ada.evaluate("window.__nines.state.hosts.length")).toBe(before + 1);
    await teacher.screenshot({ path: join(ARTIFACTS, "e2e-classroom-teacher-standings.png") });
    await ada.screenshot({ path: join(ARTIFACTS, "e2e-classroom-student-playing.png") });

    // The teacher opens Ada's board read-only: the game is there, and the room still has one player.
    const [watcher] = await Promise.all([teacher.context().waitForEvent("page"), teacher.locator("[data-table=standings] tr", { hasText: "Ada" }).locator("[data-action=watch]").click()]);
    await watcher.locator("#board canvas").waitFor({ timeout: 30_000 });
    await expect.poll(() => watcher.evaluate("window.__nines.state.hosts.length")).toBe(before + 1);
    expect(watcher.url()).not.toContain("token");
    await watcher.screenshot({ path: join(ARTIFACTS, "e2e-classroom-teacher-watching.png") });
    expect(await ada.evaluate("window.__nines.coop.players.length")).toBe(1);
    await watcher.close();

    // Bo's laptop reloads: same name, same room, the game where the room has it.
    const boTick = (await tick(bo)) ?? 0;
    await bo.reload();
    await bo.locator("#board canvas").waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await tick(bo)) ?? 0).toBeGreaterThan(boTick);
    expect(await bo.textContent(".class-who")).toContain("<i>Bo</i>");
    await expect.poll(() => teacher.$$eval(".teacher-student small", (els) => els.map((e) => e.textContent))).toEqual(["connected", "connected"]);
    expect(await teacher.locator(".teacher-student").count()).toBe(2);
  });

  it("ends when the minute is up: ranks for the students, results and the CSV for the teacher", async () => {
    await teacher.waitForSelector("[data-table=results]", { timeout: 90_000 });
    for (const p of [ada, bo]) await p.waitForSelector("[data-class=result]:not(.hidden)", { timeout: 10_000 });
    const ranks = await Promise.all([ada, bo].map((p) => p.textContent(".class-result-rank")));
    expect(ranks.map((r) => r!.replace(/\s+/g, " ").trim()).sort()).toEqual(["Rank 1 of 2", "Rank 2 of 2"]);
    await ada.screenshot({ path: join(ARTIFACTS, "e2e-classroom-student-result.png") });
    expect(await teacher.locator("[data-table=results] tbody tr").count()).toBe(2);
    await teacher.locator(".teacher-debrief summary").first().click();
    await teacher.screenshot({ path: join(ARTIFACTS, "e2e-classroom-teacher-results.png"), fullPage: true });

    const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.click("[data-action=download-csv]")]);
    const csv = readFileSync((await download.path())!, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0].replaceAll('"', "")).toBe("round,rank,team,members,score,uptime_percent,nines,money_dollars,incidents,open_findings");
    expect(lines).toHaveLength(3);
    expect(csv).toContain("Ada");
    expect(csv).toContain("<i>Bo</i>");
    expect(problems).toEqual([]);
  });
});

// The first minutes of chapters 1 and 2 in the real browser: the coach teaches each chapter's new
// idea, holds the solo clock while the player reads, and the board keeps a new server aside until
// it is wired in. Screenshots land in artifacts/ for a person to look at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, ROOT, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_CHAPTERS_PORT ?? 3710);
const ARTIFACTS = join(ROOT, "artifacts");

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

function watch(page: Page): void {
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
}

const state = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__nines.state; return ${expr}; })()`) as Promise<T>;
const speed = (page: Page) => page.evaluate("window.__nines.session.speed") as Promise<number>;
/** Lets the page draw 30 frames: a running game would step meanwhile. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((done) => { let n = 0; const f = () => (++n >= 30 ? done() : requestAnimationFrame(f)); requestAnimationFrame(f); }));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(PORT);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function start(page: Page, chapter: string): Promise<void> {
  watch(page);
  await page.goto(server.url);
  await page.click("[data-action=solo]");
  await page.click(`[data-start=${chapter}]`);
  await page.locator("#board canvas").waitFor({ timeout: 30_000 });
  await page.locator(".board-loading").waitFor({ state: "hidden", timeout: 30_000 });
}

describe("chapter openings", () => {
  it("chapter 1: the coach builds the stack, then pauses to explain resizing and the release", async () => {
    const page = await context.newPage();
    await start(page, "simple-stack");
    const coach = page.locator("[data-panel=tutorial]");
    await page.click("[data-tutorial=buy-server]");
    await expect.poll(() => coach.innerText()).toContain("Install Nginx");
    await page.screenshot({ path: join(ARTIFACTS, "chapter1-bought.png") });
    await page.click("[data-tutorial=install-web]");
    await expect.poll(() => state<string>(page, "s.hosts[0].name")).toBe("web-01");
    await page.click("[data-tutorial=install-app]");
    await page.click("[data-tutorial=install-db]");
    await expect.poll(() => state<string>(page, "s.hosts[0].name")).toBe("server-01");
    // Chapter 1 now sells bigger machines: the inspector offers the resize.
    expect(await page.locator("[data-tutorial=resize-large]").count()).toBe(1);
    await expect.poll(() => state<boolean>(page, "s.hosts[0].services.every((x) => x.status === 'up')"), { timeout: 30_000 }).toBe(true);
    await page.click("[data-tutorial=dns]");
    await page.click("[data-tutorial=dns-apply]");
    await expect.poll(() => coach.innerText()).toContain("Visitors");
    expect(await speed(page)).toBe(1);
    // After 8 s of traffic the coach has something to read: the clock waits for "Got it".
    await expect.poll(() => coach.innerText(), { timeout: 30_000 }).toContain("Two decisions ahead");
    expect(await speed(page)).toBe(0);
    const tick = await state<number>(page, "s.tick");
    await frames(page);
    expect(await state<number>(page, "s.tick")).toBe(tick);
    expect(await page.locator("[data-tutorial=deploy]").getAttribute("class")).toContain("coach-target");
    await page.screenshot({ path: join(ARTIFACTS, "chapter1-decisions.png") });
    await page.click("[data-action=tutorial-next]");
    await expect.poll(() => coach.innerText()).toContain("Keep it up");
    await page.click("[data-action=tutorial-next]");
    await expect.poll(() => speed(page)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("chapter 2: the coach opens paused, and the new load balancer waits aside until it is wired", async () => {
    const page = await context.newPage();
    await start(page, "distributed");
    const coach = page.locator("[data-panel=tutorial]");
    await expect.poll(() => coach.innerText()).toContain("One box is not enough");
    expect(await speed(page)).toBe(0);
    // The chapter opens live with nothing failing: the panel says so rather than staying blank.
    expect(await page.locator("[data-panel=failing]").innerText()).toContain("Every request is answered");
    const tick = await state<number>(page, "s.tick");
    await frames(page);
    expect(await state<number>(page, "s.tick")).toBe(tick);
    await page.screenshot({ path: join(ARTIFACTS, "chapter2-intro.png") });

    await page.click("[data-action=tutorial-next]");
    await expect.poll(() => coach.innerText()).toContain("A server for the load balancer");
    // The site is live: the clock still waits while the player acts on the step.
    expect(await speed(page)).toBe(0);
    await page.click("[data-tutorial=buy-server]");
    await page.click("[data-tutorial=install-lb]");
    await expect.poll(() => coach.innerText()).toContain("Wire it to a web server");
    await expect.poll(() => state<string>(page, "s.hosts.map((h) => h.name).join()")).toBe("server-01,lb-01");
    await page.waitForTimeout(300); // the board redraws a few times a second
    await page.screenshot({ path: join(ARTIFACTS, "chapter2-unwired.png") });

    const wired = await page.evaluate(`(() => { const s = window.__nines.state; const id = (n) => s.hosts.find((h) => h.name === n).id; return window.__nines.session.apply({ type: "connect", from: id("lb-01"), to: id("server-01") }).ok; })()`);
    expect(wired).toBe(true);
    await expect.poll(() => coach.innerText()).toContain("A second web server");
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, "chapter2-wired.png") });
    expect(problems).toEqual([]);
    await page.close();
  });
});

// A newcomer's first minutes, in the real browser against the real server: Solo → chapter 1 →
// the tutorial's build steps → traffic → pause → save → load.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, ROOT, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_PORT ?? 2601);
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

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();
/** Read-only look at the running game through the page's test hook. */
const state = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__nines.state; return ${expr}; })()`) as Promise<T>;

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

describe("solo in the browser", () => {
  it("serves /health and the client from one port", async () => {
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({ ok: true, client: true });
    const page = await (await fetch(`${server.url}/some/deep/link`, { headers: { accept: "text/html" } })).text();
    expect(page).toContain('<div id="app">');
  });

  it("ignores ?bench= (benchmark boards live on the benchmark's own page)", async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${server.url}/?bench=30&rps=100000`);
    await page.locator("[data-action=solo]").waitFor();
    expect(await page.evaluate("window.__nines.state")).toBeNull();
    await page.close();
  });

  it("lets a newcomer build chapter 1, watch it run, pause and save", async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(server.url);
    await page.click("[data-action=solo]");
    await page.click("[data-start=simple-stack]");

    // The tutorial points at the first control and the board loads (Phaser, lazily).
    const coach = page.locator("[data-panel=tutorial]");
    await expect.poll(() => coach.innerText()).toContain("Rent a server");
    await page.locator("#board canvas").waitFor({ timeout: 30_000 });
    await page.locator(".board-loading").waitFor({ state: "hidden", timeout: 30_000 });
    expect(await page.locator("[data-tutorial=buy-server]").getAttribute("class")).toContain("coach-target");
    const startMoney = await text(page, "[data-hud=money]");
    expect(startMoney).toBe("$2,500");

    await page.click("[data-tutorial=buy-server]");
    await expect.poll(() => coach.innerText()).toContain("Install Nginx");
    // $600 paid; the server's upkeep (16 cents a second) may already have taken a few cents.
    expect(await text(page, "[data-hud=money]")).toMatch(/^\$1,(900|899)$/);

    // The inspector shows the new server; install the stack as the tutorial asks.
    await page.click("[data-tutorial=install-web]");
    await expect.poll(() => coach.innerText()).toContain("application");
    await page.click("[data-tutorial=install-app]");
    await page.click("[data-tutorial=install-db]");
    await expect.poll(() => coach.innerText()).toContain("Point www");
    await expect.poll(() => state<boolean>(page, "s.hosts[0].services.every((x) => x.status === 'up')"), { timeout: 30_000 }).toBe(true);

    // DNS: the A record for www → 8.8.8.8 starts the traffic.
    await page.click("[data-tutorial=dns]");
    expect(await page.locator("[data-ip='8.8.8.8']").isChecked()).toBe(true);
    await page.click("[data-tutorial=dns-apply]");
    expect(await state(page, "s.dns.www && s.dns.www.values.join()")).toBe("8.8.8.8");
    await expect.poll(() => coach.innerText()).toContain("Visitors");

    const money1 = await text(page, "[data-hud=money]");
    const clock1 = await text(page, "[data-hud=clock]");
    await expect.poll(() => text(page, "[data-hud=money]"), { timeout: 30_000 }).not.toBe(money1);
    await expect.poll(() => text(page, "[data-hud=clock]"), { timeout: 30_000 }).not.toBe(clock1);
    expect(await text(page, "[data-hud=served]")).toMatch(/%/);
    expect(await state<number>(page, "s.totals.served")).toBeGreaterThan(0);

    // Pause: the clock stops.
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("[data-speed='0']").getAttribute("class")).toContain("active");
    const paused = await state<number>(page, "s.tick");
    // Let the page draw 30 more frames: a running game would have stepped in that time.
    await page.evaluate(() => new Promise<void>((done) => { let n = 0; const f = () => (++n >= 30 ? done() : requestAnimationFrame(f)); requestAnimationFrame(f); }));
    expect(await state<number>(page, "s.tick")).toBe(paused);

    await page.screenshot({ path: join(ARTIFACTS, "e2e-chapter1-1280x720.png") });

    // Save to a slot; the save survives in browser storage.
    await page.click("[data-action=save]");
    await page.click("[data-save=slot-1]");
    await expect.poll(() => page.evaluate(`localStorage.getItem("nines.save.slot-1") !== null`)).toBe(true);
    await page.keyboard.press("Escape");

    // Back to the menu and load it again: the same game, at the same tick.
    await page.click("[data-action=menu]");
    await page.click("text=Load game");
    await page.click("[data-load=slot-1]");
    await expect.poll(() => state<number>(page, "s.tick")).toBeGreaterThanOrEqual(paused);
    expect(await state<string>(page, "s.hosts.map((h) => h.name).join()")).toBe("server-01");

    expect(problems).toEqual([]);
    await page.close();
  });

  it("explains a refused action and a bad save file instead of failing silently", async () => {
    const page = await context.newPage();
    watch(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(server.url);
    await page.click("[data-action=solo]");
    await page.click("[data-start=simple-stack]");
    await page.click("[data-action=tutorial-skip]");
    await page.click("[data-tutorial=buy-server]");
    // Chapter 1 allows one server: the button is greyed and says why.
    const buy = page.locator("[data-tutorial=buy-server]");
    await expect.poll(() => buy.getAttribute("aria-disabled")).toBe("true");
    expect(await buy.getAttribute("title")).toMatch(/at most 1 server/);
    await buy.click({ force: true }); // greyed out with aria-disabled, but a click still explains
    await expect.poll(() => page.locator(".toast").last().innerText()).toMatch(/at most 1 server/);

    await page.click("[data-action=save]");
    await page.setInputFiles("[data-upload]", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{\"format\": 99}") });
    await expect.poll(() => page.locator(".modal [role=status]").innerText()).toMatch(/Could not load broken.json: .*not a Nines snapshot/);
    await page.keyboard.press("Escape");
    await page.locator(".board-loading").waitFor({ state: "hidden", timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, "e2e-chapter1-1920x1080.png") });
    expect(problems).toEqual([]);
    await page.close();
  });
});

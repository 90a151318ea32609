// Two things a player expects, in the real browser: a chart of revenue against costs per minute,
// and "Copy setup" (a new server like the selected one, by keyboard, undone in one step).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, ROOT, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_MONEY_PORT ?? 3642);
const ARTIFACTS = join(ROOT, "artifacts");

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

const state = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__nines.state; return ${expr}; })()`) as Promise<T>;
const session = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__nines.session; return ${expr}; })()`) as Promise<T>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(PORT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("money and copies in the browser", () => {
  it("charts revenue against costs per minute, and copies a server's setup by keyboard, undone in one step", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
    await page.goto(server.url);
    await page.click("[data-action=solo]");
    await page.click("[data-start=scale-up]");
    await page.locator("#board canvas").waitFor({ timeout: 30_000 });
    await page.locator(".board-loading").waitFor({ state: "hidden", timeout: 30_000 });
    // Close whatever the chapter opens with (its coach or a card) so the keys reach the game.
    await page.keyboard.press("Escape");

    // Three minutes of play at 8×: three points on the chart (the third still filling).
    await page.keyboard.press("4");
    await expect.poll(() => session<number>(page, "s.cashflow.minutes.length"), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(3);
    await page.keyboard.press("Space");

    await page.keyboard.press("m");
    const chart = page.locator("[data-chart=cashflow]");
    await chart.locator("canvas").waitFor();
    const legend = await chart.locator(".u-legend").innerText();
    expect(legend).toContain("Revenue (solid line)");
    expect(legend).toContain("Costs (dashed line)");
    const markers = await chart.locator(".u-legend .u-marker").evaluateAll((els) => els.map((e) => getComputedStyle(e).borderTopStyle));
    expect(markers.slice(1)).toEqual(["solid", "dashed"]); // after the x series' own (empty) marker
    const minutes = await session<{ minute: number; revenue: number; costs: number }[]>(page, "s.cashflow.minutes");
    expect(minutes[0].revenue).toBeGreaterThan(0); // the chapter's site serves from the start
    expect(await chart.locator("[data-field=cashflow-words]").innerText()).toMatch(/^Minute \d+: in \$[\d,]+, out \$[\d,]+, net -?\$[\d,]+\.$/);
    await page.screenshot({ path: join(ARTIFACTS, "e2e-cashflow-chart-1280x800.png") });
    await page.keyboard.press("m");

    // Keyboard only: ] steps to the servers until web-01 is in the inspector, N copies it.
    const inspectorName = () => page.locator("[data-panel=inspector] h2").first().innerText();
    for (let i = 0; i < 6 && (await page.locator("[data-panel=inspector] h2").count() === 0 || (await inspectorName()) !== "web-01"); i++) await page.keyboard.press("]");
    expect(await inspectorName()).toBe("web-01");
    const copyButton = page.locator("[data-tutorial=copy-setup]");
    expect(await copyButton.innerText()).toContain("Copy setup");
    expect(await copyButton.innerText()).toContain("$715");
    const moneyBefore = await state<number>(page, "s.money");
    const hostsBefore = await state<string[]>(page, "s.hosts.map((h) => h.name)");
    await page.keyboard.press("n");
    await expect.poll(() => state<number>(page, "s.hosts.length")).toBe(hostsBefore.length + 1);
    const copy = await state<{ name: string; tier: string; services: string[]; rules: unknown[] }>(page,
      "(() => { const h = s.hosts[s.hosts.length - 1]; return { name: h.name, tier: h.tier, services: h.services.map((x) => x.kind), rules: h.services.find((x) => x.kind === 'firewall').rules }; })()");
    const sourceRules = await state<unknown[]>(page, "s.hosts.find((h) => h.name === 'web-01').services.find((x) => x.kind === 'firewall').rules");
    expect(sourceRules.length).toBeGreaterThan(0);
    expect(copy).toEqual({ name: "web-03", tier: "medium", services: ["firewall", "web", "app", "monitor"], rules: sourceRules });
    expect(moneyBefore - (await state<number>(page, "s.money"))).toBe(71_500);
    await expect.poll(() => inspectorName()).toBe("web-03"); // the copy is selected, ready to be wired
    await page.screenshot({ path: join(ARTIFACTS, "e2e-copy-setup-1280x800.png") });

    // One undo takes the whole copy back, to the cent (the game is paused: no upkeep ran).
    await page.keyboard.press("u");
    await expect.poll(() => state<string[]>(page, "s.hosts.map((h) => h.name)")).toEqual(hostsBefore);
    expect(await state<number>(page, "s.money")).toBe(moneyBefore);
    await expect.poll(() => page.locator(".toast").last().innerText()).toMatch(/Undone: bought web-03/);

    expect(problems).toEqual([]);
    await page.close();
  });
});

// Replication in the real browser: on the scale-up example, the replica's inspector shows its
// stale reads and lag, and the read split buttons change where reads go.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_REPLICATION_PORT ?? 3261);
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  server = await startServer(PORT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the database inspector", () => {
  it("shows a replica's stale reads and lag, and sets the read split", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
    await page.goto(server.url);
    await page.getByRole("button", { name: "Load game" }).click();
    await page.click("[data-example=scale-up]");
    await page.locator("#board canvas").waitFor({ timeout: 60_000 });
    await page.click("[data-panel=site] [data-host=db-02]");
    const inspector = page.locator("[data-panel=inspector]");
    const line = inspector.locator("[data-live=replication]");
    await expect.poll(() => line.innerText(), { timeout: 20_000 }).toMatch(/^[\d.]+ stale reads\/s — lag \d+\.\d s$/);
    await inspector.locator("[data-field=read-split] button", { hasText: "Spread over all" }).click();
    await expect.poll(() => page.evaluate("window.__nines.state.readSplit")).toBe("all");
    // The chosen split is greyed out with its reason; the others stay available.
    const chosen = inspector.locator("[data-field=read-split] button", { hasText: "Spread over all" });
    await expect.poll(() => chosen.getAttribute("title")).toBe("Not now: reads are already spread over every database");
    expect(problems).toEqual([]);
    await context.close();
  });
});

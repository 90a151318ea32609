// The learning layer in the real browser: load a curriculum example from "Load game", then take
// the design away as a whiteboard (SVG and PNG) and a write-up from the design review.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../shared/xml.js";
import { launchChromium, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_LEARN_PORT ?? 3601);
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

async function download(page: Page, selector: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return readFileSync((await file.path())!);
}

describe("examples and design downloads", () => {
  it("opens the scale-up example from Load game and downloads its whiteboard and write-up", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
    await page.goto(server.url);
    await page.getByRole("button", { name: "Load game" }).click();
    await page.click("[data-example=scale-up]");
    await page.locator("#board canvas").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.evaluate("window.__nines.state.hosts.length")).toBe(8);

    const review = page.locator("[data-panel=audit]");
    const svg = (await download(page, "[data-panel=audit] [data-download=svg]")).toString("utf8");
    expect(parseXml(svg)[0]).toBe("svg");
    for (const name of ["lb-01", "lb-02", "web-01", "web-02", "app-01", "app-02", "db-01", "db-02"]) expect(svg).toContain(`data-host="${name}"`);
    const png = await download(page, "[data-panel=audit] [data-download=png]");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
    const md = (await download(page, "[data-panel=audit] [data-download=md]")).toString("utf8");
    expect(md).toMatch(/active-passive/);
    expect(await review.innerText()).toMatch(/TLS ends at lb-0\d/);
    expect(problems).toEqual([]);
    await context.close();
  });
});

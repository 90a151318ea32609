// Backend TLS in the real browser: on the secured example, lb-01's inspector offers the setting,
// refuses it with the reason while the web servers have no certificate, and turns it on once they
// have; the design review's "Encrypted behind the load balancer" then passes.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_TLS_PORT ?? 3451);
const ARTIFACTS = join(import.meta.dirname, "../../artifacts");
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

describe("backend TLS in the inspector", () => {
  it("is refused with the reason, then switched on after the web servers get certificates", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
    await page.goto(server.url);
    await page.getByRole("button", { name: "Load game" }).click();
    await page.click("[data-example=secured]");
    await page.locator("#board canvas").waitFor({ timeout: 60_000 });
    await page.keyboard.press("Space"); // pause: the numbers stay put while we click
    const select = (name: string) => page.evaluate((n) => {
      const w = window as unknown as { __nines: { app: { game: { select(id: number): void } }; state: { hosts: { id: number; name: string }[] } } };
      w.__nines.app.game.select(w.__nines.state.hosts.find((h) => h.name === n)!.id);
    }, name);
    const lbTls = () => page.evaluate(() => (window as unknown as { __nines: { state: { hosts: { name: string; services: { kind: string; backendTls?: boolean }[] }[] } } }).__nines.state.hosts[0].services.find((s) => s.kind === "lb")!.backendTls);

    await select("lb-01");
    const box = page.locator("[data-panel=inspector] [data-config=backend-tls]");
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.click();
    await expect.poll(() => page.locator(".toast").last().innerText()).toMatch(/web-01 has no certificate/);
    expect(await lbTls()).toBe(false);
    expect(await box.isChecked()).toBe(false);

    for (const web of ["web-01", "web-02"]) {
      await select(web);
      await page.locator("[data-panel=inspector]").getByRole("button", { name: /Buy certificate/ }).click();
    }
    await select("lb-01");
    await page.locator("[data-panel=inspector] [data-config=backend-tls]").click();
    await expect.poll(lbTls).toBe(true);
    await expect.poll(() => page.locator("[data-panel=inspector] [data-config=backend-tls]").isChecked()).toBe(true);
    await expect.poll(() => page.locator("[data-panel=inspector]").innerText()).toMatch(/Encrypted all the way/);
    expect(await page.locator("[data-panel=audit]").innerText()).not.toMatch(/TLS ends at lb-01/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator("[data-panel=inspector]").screenshot({ path: join(ARTIFACTS, "e2e-backend-tls-inspector.png") });
    expect(problems).toEqual([]);
    await context.close();
  });
});

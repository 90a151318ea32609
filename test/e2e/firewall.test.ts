// The firewall panel in the real browser: load the secured example, open db-01's firewall, take
// away "3306 from the application servers" with the keyboard, see what it drops (in the panel and
// in "Failing now", with the fix), put it back through the form, and read the refusal of a rule
// that is already there; then cut the replica off and read what its panel says.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, ROOT, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_FIREWALL_PORT ?? 3101);
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(PORT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the firewall panel", () => {
  it("shows db-01's rules, what removing one drops, and adds it back from the keyboard", async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto(server.url);
    await page.getByRole("button", { name: "Load game" }).click();
    await page.click("[data-example=secured]");
    await page.locator("#board canvas").waitFor({ timeout: 60_000 });
    await page.evaluate(`(() => { const n = window.__nines; n.app.game.select(n.state.hosts.find((h) => h.name === "db-01").id); })()`);
    const panel = page.locator("[data-panel=firewall]");
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/3306 MySQL from the application servers/);

    // Remove the rule with the keyboard: focus its button, press Enter.
    const rule = panel.locator('[data-rule="3306:role:app"] button');
    await rule.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => panel.locator("[data-field=fw-blocked]").count()).toBe(1);
    expect(await panel.locator("[data-field=fw-blocked]").innerText()).toMatch(/Allow 3306 from web-01/);
    // The traffic fails at db-01, and "Failing now" says so with the fix.
    const failing = page.locator("[data-panel=failing]");
    await expect.poll(() => failing.innerText(), { timeout: 15_000 }).toMatch(/blocked by the firewall on db-01/);
    expect(await failing.innerText()).toMatch(/Allow 3306 from web-01 and web-02 on db-01/);
    mkdirSync(join(ROOT, ".shots"), { recursive: true });
    await page.screenshot({ path: join(ROOT, ".shots", "firewall-panel.png") });

    // Put it back through the form: port, source, Allow.
    await panel.locator("[data-field=fw-port]").selectOption("3306");
    await panel.locator("[data-field=fw-from]").selectOption("role:app");
    await panel.locator("[data-action=fw-allow]").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => panel.locator('[data-rule="3306:role:app"]').count()).toBe(1);
    expect(await panel.locator("[data-field=fw-blocked]").count()).toBe(0);

    // The same rule again is refused, and the panel says why.
    await panel.locator("[data-field=fw-port]").selectOption("3306");
    await panel.locator("[data-field=fw-from]").selectOption("role:app");
    await panel.locator("[data-action=fw-allow]").click();
    expect(await panel.locator(".fw-why").innerText()).toMatch(/Not allowed: the firewall on db-01 already has that rule/);

    // Without "3306 from the database servers" on the primary, the replica copies nothing: its panel says so.
    await panel.locator('[data-rule="3306:role:db"] button').click();
    await page.evaluate(`(() => { const n = window.__nines; n.app.game.select(n.state.hosts.find((h) => h.name === "db-02").id); })()`);
    const note = page.locator("[data-field=replication-blocked]");
    await note.waitFor();
    expect(await note.innerText()).toMatch(/blocked by the firewall on db-01\. Allow 3306 from db-02 on db-01\./);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// The teacher page in real Chromium against the real server and a real SQLite file: create a
// challenge, see the code, the QR code and the lobby fill as students join.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setConnection, addParticipant } from "../../server/storage/participants.js";
import { openDatabase } from "../../server/storage/db.js";
import { launchChromium, startServer, type RunningServer } from "./harness.js";

const PORT = 3402;
const dataDir = mkdtempSync(join(tmpdir(), "nines-e2e-teacher-"));
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer(PORT, 150_000, { NINES_DATA_DIR: dataDir });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the teacher page", () => {
  let code = "";
  let token = "";

  it("creates a challenge and shows its code, QR code and teacher link", async () => {
    await page.goto(`${server.url}/teacher`);
    await page.selectOption("#t-scenario", "secured");
    await page.fill("#t-duration", "15");
    await page.selectOption("#t-mode", "teams");
    await page.fill("#t-team-size", "2");
    await page.click("button[type=submit]");
    await page.waitForSelector(".teacher-code");
    code = (await page.textContent(".teacher-code"))!.trim();
    expect(code).toMatch(/^[A-HJ-NP-Z]{6}$/);
    await page.waitForFunction(() => (document.querySelector(".teacher-qr") as HTMLImageElement | null)?.src.startsWith("data:image/png"));
    // The token left the address bar but the teacher link keeps it.
    expect(page.url()).toBe(`${server.url}/teacher?code=${code}`);
    const link = await page.inputValue(".teacher-secret-link");
    token = new URL(link).hash.replace("#token=", "");
    expect(link).toBe(`${server.url}/teacher?code=${code}#token=${token}`);
    const summary = await (await fetch(`${server.url}/api/challenges/${code}`)).json();
    expect(summary).toMatchObject({ scenario: "secured", durationMinutes: 15, mode: "teams", teamSize: 2 });
  });

  it("refuses bad settings with the server's reason", async () => {
    const other = await page.context().newPage();
    await other.goto(`${server.url}/teacher`);
    await other.fill("#t-duration", "500");
    await other.click("button[type=submit]");
    await other.waitForFunction(() => document.querySelector(".teacher-error")?.textContent?.includes("durationMinutes"));
    await other.close();
  });

  it("lists students as they join, names as text, with their connection", async () => {
    const db = openDatabase(dataDir);
    addParticipant(db, { challengeCode: code, name: "Ada", team: 1, rejoinTokenHash: "e2e-1" });
    const added = addParticipant(db, { challengeCode: code, name: "<b>Bob</b>", team: 1, rejoinTokenHash: "e2e-2" });
    if (added.ok) setConnection(db, added.participant.id, "reconnecting");
    db.close();
    await page.waitForFunction(() => document.querySelectorAll(".teacher-student").length === 2, null, { timeout: 10_000 });
    const rows = await page.$$eval(".teacher-student", (els) => els.map((e) => `${e.querySelector("span")!.textContent}|${e.querySelector("small")!.textContent}`));
    expect(rows).toEqual(["Ada|team 1 · connected", "<b>Bob</b>|team 1 · reconnecting…"]);
    expect(await page.$$eval(".teacher-student b", (els) => els.length)).toBe(0);
  });

  it("opens again from this browser without the token in the address", async () => {
    await page.goto(`${server.url}/teacher?code=${code}`);
    await page.waitForFunction(() => document.querySelectorAll(".teacher-student").length === 2);
    expect((await page.textContent(".teacher-code"))!.trim()).toBe(code);
  });
});

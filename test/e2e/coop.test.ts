// Two players in one co-op room, each in their own browser (separate storage, as two people
// would be), against the real server: lobby, start, build, see each other's actions, cursors and
// pings, agree on every hash, and come back after closing the page.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, ROOT, startServer, type RunningServer } from "./harness.js";

const PORT = Number(process.env.E2E_COOP_PORT ?? 3320);
const ARTIFACTS = join(ROOT, "artifacts");

let server: RunningServer | null = null;
let url: string;
let browser: Browser;
let alice: BrowserContext;
let bob: BrowserContext;
const problems: string[] = [];

function watch(page: Page, who: string): Page {
  page.on("pageerror", (e) => problems.push(`${who}: page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${who}: console error: ${m.text()}`);
  });
  return page;
}

interface CoopDebug {
  code: string | null; me: string | null; phase: string | null; status: string | null; tick: number | null;
  players: { name: string; connected: boolean; isHost: boolean }[];
  hashesAgreed: number; lastAgreedTick: number; resyncs: number; backlog: number; pingsReceived: number;
  cursors: { name: string; x: number; y: number }[];
}
const coop = (page: Page) => page.evaluate("window.__nines.coop") as Promise<CoopDebug>;
const state = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__nines.state; return s && (${expr}); })()`) as Promise<T>;
const boardReady = async (page: Page) => {
  await page.locator("#board canvas").waitFor({ timeout: 30_000 });
  await page.locator(".board-loading").waitFor({ state: "hidden", timeout: 30_000 });
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (process.env.E2E_URL) url = process.env.E2E_URL;
  else {
    server = await startServer(PORT);
    url = server.url;
  }
  browser = await launchChromium();
  alice = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  bob = await browser.newContext({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("co-op in two browsers", () => {
  it("plays one game together: lobby, building, cursors, pings, equal hashes, and a reopened page resumes", async () => {
    // Alice creates a room: she is the host and sees the code in big letters.
    const a = watch(await alice.newPage(), "alice");
    await a.goto(url);
    await a.click("[data-action=coop]");
    await a.fill("[data-field=name]", "alice");
    await a.click("[data-action=create-room]");
    const codeEl = a.locator("[data-room-code]");
    await expect.poll(() => codeEl.innerText(), { timeout: 10_000 }).toMatch(/\S{4,}/);
    const code = (await codeEl.innerText()).trim();
    expect(await a.locator("[data-share-link]").inputValue()).toBe(`${url}/?room=${code}`);
    expect(a.url()).toContain(`?room=${code}`);

    // Bob follows the link: his name is asked once, then he is in the lobby.
    const b = watch(await bob.newPage(), "bob");
    await b.goto(`${url}/?room=${code}`);
    expect(await b.locator("[data-field=code]").inputValue()).toBe(code);
    await b.fill("[data-field=name]", "bob");
    await b.click("[data-action=join-room]");
    await b.locator("[data-screen=lobby]").waitFor();
    await expect.poll(async () => (await coop(a)).players.map((p) => p.name).sort().join()).toBe("alice,bob");
    await b.click("[data-action=ready]");
    // Roles on: Bob holds the data role, so buying servers is not his to do.
    await a.check("[data-field=roles]");
    await a.locator(`[data-role-for="${(await coop(b)).me}"]`).selectOption("data");
    await expect.poll(() => b.locator("[data-screen=lobby] .player", { hasText: "bob" }).innerText()).toContain("Data");
    await expect.poll(() => a.locator("[data-screen=lobby] .player", { hasText: "bob" }).innerText()).toContain("ready");
    expect(await b.locator("[data-screen=lobby]").innerText()).toMatch(/Waiting for alice to start/);
    await a.selectOption("[data-field=scenario]", "distributed");
    await expect.poll(() => b.locator(".chosen").innerText()).toContain("Distributed");
    await a.screenshot({ path: join(ARTIFACTS, "e2e-coop-lobby-host.png") });
    await b.screenshot({ path: join(ARTIFACTS, "e2e-coop-lobby-guest.png") });

    // The host starts: both get the same game.
    await a.click("[data-action=start]");
    await boardReady(a);
    await boardReady(b);
    await expect.poll(() => state<string>(b, "s.scenario")).toBe("distributed");
    const hostsBefore = await state<number>(b, "s.hosts.length");
    const bobBuy = b.locator("[data-tutorial=buy-server]");
    await expect.poll(() => bobBuy.getAttribute("aria-disabled")).toBe("true");
    expect(await bobBuy.getAttribute("title")).toMatch(/only the servers role may do that \(you hold the data role\)/);

    // What Alice builds, Bob sees within a second.
    const started = Date.now();
    await a.click("[data-tutorial=buy-server]");
    await expect.poll(() => state<number>(b, "s.hosts.length"), { timeout: 1000, interval: 20 }).toBe(hostsBefore + 1);
    const seenAfterMs = Date.now() - started;
    expect(seenAfterMs).toBeLessThan(1000);
    const bought = await state<string>(b, "s.hosts[s.hosts.length - 1].name");
    await expect.poll(async () => (await b.locator(".action-feed").innerText()).replace(/\s+/g, " ")).toContain(`alice bought ${bought}`);

    // Alice's cursor shows on Bob's board; her click-and-hold pings reach Bob.
    const box = (await a.locator("#board canvas").boundingBox())!;
    await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 4 });
    await expect.poll(async () => (await coop(b)).cursors.map((c) => c.name)).toEqual(["alice"]);
    await a.mouse.down();
    await expect.poll(async () => (await coop(b)).pingsReceived, { timeout: 3000 }).toBe(1);
    await a.mouse.up();
    // The ping did not select or deselect anything as a click would.
    await b.mouse.move(box.x + 200, box.y + 200);

    // The hashes agree, tick after tick, and nobody had to re-sync.
    await expect.poll(async () => (await coop(a)).hashesAgreed, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await expect.poll(async () => (await coop(b)).hashesAgreed, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect((await coop(a)).resyncs).toBe(0);
    expect((await coop(b)).resyncs).toBe(0);
    await b.screenshot({ path: join(ARTIFACTS, "e2e-coop-game-guest.png") });
    await a.screenshot({ path: join(ARTIFACTS, "e2e-coop-game-host.png") });

    // Carol joins late, into the running game, and plays on from its snapshot.
    const carol = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const c = watch(await carol.newPage(), "carol");
    await c.goto(`${url}/?room=${code}`);
    await c.fill("[data-field=name]", "carol");
    await c.click("[data-action=join-room]");
    await boardReady(c);
    expect(await state<number>(c, "s.hosts.length")).toBe(hostsBefore + 1);
    await expect.poll(async () => (await coop(c)).hashesAgreed, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect((await coop(c)).resyncs).toBe(0);
    await carol.close();

    // Bob closes his page: Alice sees him reconnecting; he reopens the link and is back in his seat.
    const bobId = (await coop(b)).me;
    await b.close();
    await expect.poll(async () => (await coop(a)).players.find((p) => p.name === "bob")?.connected, { timeout: 10_000 }).toBe(false);
    const b2 = watch(await bob.newPage(), "bob again");
    await b2.goto(`${url}/?room=${code}`);
    await boardReady(b2);
    expect((await coop(b2)).me).toBe(bobId);
    await expect.poll(async () => (await coop(a)).players.find((p) => p.name === "bob")?.connected, { timeout: 10_000 }).toBe(true);
    expect(await state<number>(b2, "s.hosts.length")).toBe(hostsBefore + 1);
    const agreedAt = (await coop(b2)).hashesAgreed;
    await expect.poll(async () => (await coop(b2)).hashesAgreed, { timeout: 10_000 }).toBeGreaterThan(agreedAt + 1);
    expect((await coop(b2)).resyncs).toBe(0);
    // Both on the same tick give the same hash: pause, let Bob catch up, compare.
    await a.keyboard.press("Space");
    await expect.poll(async () => (await coop(b2)).backlog === 0 && (await state<number>(b2, "s.tick")) === (await state<number>(a, "s.tick")), { timeout: 5000 }).toBe(true);
    expect(await b2.evaluate("window.__nines.session.game.hash()")).toBe(await a.evaluate("window.__nines.session.game.hash()"));
    await expect.poll(() => b2.locator(".room-banner.paused").innerText()).toContain("Paused by alice");

    expect(problems).toEqual([]);
  });

  it("says what to do when the code leads nowhere", async () => {
    const page = watch(await alice.newPage(), "alice");
    await page.goto(`${url}/?room=NOSUCHROOM`);
    await expect.poll(() => page.locator(".coop-status").innerText(), { timeout: 10_000 }).toMatch(/no room with the code NOSUCHROOM.*Check the code/);
    await page.screenshot({ path: join(ARTIFACTS, "e2e-coop-no-room.png") });
    expect(problems.filter((p) => !/Failed to load resource|404|matchmake/i.test(p))).toEqual([]);
    await page.close();
  });
});

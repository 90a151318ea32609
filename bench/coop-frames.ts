// Frame times of a co-op client at 8×: two headless Chromium pages in one room on the chapter 4
// board (scale-up), the room at 8×; the guest's page is probed for 6 s, then the same board solo at 8×. Tells whether the
// simulation needs a Web Worker to keep frames smooth. `npx tsx bench/coop-frames.ts [--json]`
// (E2E_URL=http://127.0.0.1:PORT to use a running server; else one is started on BENCH_PORT).
import type { Page } from "playwright-core";
import { launchChromium, startServer, type RunningServer } from "../test/e2e/harness.js";

const PORT = Number(process.env.BENCH_PORT ?? 3321);
const SECONDS = 6;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] : 0;
}

// In the page: the simulation's share of each frame (session.frame), Phaser's update+render, and
// the intervals between animation frames.
const PROBE = `(() => {
  const screen = window.__nines.app.game;
  const phaser = screen.board.game;
  const probe = { intervals: [], work: [], sim: [], ticks: [], last: 0, pending: 0, simPending: 0, ticksPending: 0 };
  let stepStart = 0;
  phaser.events.on("prestep", () => { stepStart = performance.now(); });
  phaser.events.on("postrender", () => { if (stepStart) probe.pending += performance.now() - stepStart; stepStart = 0; });
  const frame = screen.session.frame.bind(screen.session);
  screen.session.frame = (ms) => { const t0 = performance.now(); const r = frame(ms); const d = performance.now() - t0; probe.pending += d; probe.simPending += d; probe.ticksPending += r; return r; };
  const tick = (t) => {
    if (probe.last) { probe.intervals.push(t - probe.last); probe.work.push(probe.pending); probe.sim.push(probe.simPending); probe.ticks.push(probe.ticksPending); }
    probe.pending = 0; probe.simPending = 0; probe.ticksPending = 0; probe.last = t;
    if (!probe.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__probe = probe;
})()`;

async function ready(page: Page): Promise<void> {
  await page.locator("#board canvas").waitFor({ timeout: 60_000 });
  await page.locator(".board-loading").waitFor({ state: "hidden", timeout: 60_000 });
}

async function main(): Promise<void> {
  let server: RunningServer | null = null;
  const url = process.env.E2E_URL ?? (server = await startServer(PORT)).url;
  const browser = await launchChromium();
  try {
    const host = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    const guest = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await host.goto(url);
    await host.click("[data-action=coop]");
    await host.fill("[data-field=name]", "host");
    await host.click("[data-action=create-room]");
    await host.locator("[data-room-code]").waitFor();
    const code = (await host.locator("[data-room-code]").innerText()).trim();
    await guest.goto(`${url}/?room=${code}`);
    await guest.fill("[data-field=name]", "guest");
    await guest.click("[data-action=join-room]");
    await guest.locator("[data-screen=lobby]").waitFor();
    await host.selectOption("[data-field=scenario]", "scale-up");
    await host.click("[data-action=start]");
    await ready(host);
    await ready(guest);
    await host.keyboard.press("4");
    await guest.waitForFunction("window.__nines.session.speed === 8");
    // Only the guest's page draws while it is measured (a second page would halve its CPU); the
    // room plays on without the host, as it does when a player leaves.
    await host.close();
    const room = await probe(guest, true);
    await guest.close();
    // The same board solo, for comparison: the simulation stepped by the page's own loop.
    const solo = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await solo.goto(url);
    await solo.click("[data-action=solo]");
    await solo.click("[data-start=scale-up]");
    await ready(solo);
    await solo.keyboard.press("4");
    const alone = await probe(solo, false);
    if (process.argv.includes("--json")) console.log(JSON.stringify({ room, solo: alone }));
    else console.table({ room, solo: alone });
  } finally {
    await browser.close();
    await server?.stop();
  }
}

async function probe(page: Page, coop: boolean) {
  {
    const guest = page;
    await guest.evaluate(PROBE);
    await guest.waitForTimeout(SECONDS * 1000);
    const p = (await guest.evaluate("(() => { const p = window.__probe; p.stop = true; return { intervals: p.intervals, work: p.work, sim: p.sim, ticks: p.ticks, hosts: window.__nines.state.hosts.length, coop: window.__nines.coop }; })()")) as { intervals: number[]; work: number[]; sim: number[]; ticks: number[]; hosts: number; coop: { hashesAgreed: number; resyncs: number; backlog: number } };
    const r = (v: number) => Math.round(v * 10) / 10;
    return {
      hosts: p.hosts, frames: p.intervals.length,
      frameP50: r(pct(p.intervals, 50)), frameP95: r(pct(p.intervals, 95)), frameMax: r(Math.max(...p.intervals)),
      workP50: r(pct(p.work, 50)), workP95: r(pct(p.work, 95)),
      simP50: r(pct(p.sim, 50)), simP95: r(pct(p.sim, 95)), simMax: r(Math.max(...p.sim)),
      ticksPerSecond: r(p.ticks.reduce((a, b) => a + b, 0) / SECONDS),
      ...(coop ? { hashesAgreed: p.coop.hashesAgreed, resyncs: p.coop.resyncs, backlog: p.coop.backlog } : {}),
    };
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});

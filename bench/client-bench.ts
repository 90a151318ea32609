// Client benchmark: frame time in headless Chromium with a 200-host board under heavy traffic,
// at 100 and at 1,000,000 requests per second (the dots are sampled, so the two must cost the
// same), and the gzipped size of the JavaScript the page loads before the menu is usable.
//   npm run bench:client            → a table
//   npm run bench:client -- --json  → one JSON line
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium, ROOT, startServer } from "../test/e2e/harness.js";

const HOSTS = 200;
const RATES = [100, 1_000_000];
const WARMUP_MS = 2500;
const MEASURE_MS = 6000;
/** The product server on PORT (it builds dist/, measured below), the bench page on PORT + 1. */
const PORT = Number(process.env.BENCH_PORT ?? 2602);
const json = process.argv.includes("--json");

interface FrameStats { renderer: string; rps: number; frames: number; intervalP50: number; intervalP95: number; workP50: number; workP95: number; dots: number; hostsUp: number; servedPerSecond: number }

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** What index.html makes the browser load before the menu works: its entry script and modulepreloads. */
function initialJs(): { files: string[]; gzBytes: number; phaserGzBytes: number; cssGzBytes: number } {
  const dist = join(ROOT, "dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) srcs.add(m[1]);
  const files = [...srcs].map((s) => s.replace(/^\.?\//, ""));
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1].replace(/^\.?\//, ""));
  const phaser = readdirSync(join(dist, "assets")).filter((f) => /^phaser-.*\.js$/.test(f));
  if (files.some((f) => /phaser/.test(f))) throw new Error("Phaser is in the initial load: it must stay a lazy chunk");
  return {
    files,
    gzBytes: files.reduce((n, f) => n + gz(join(dist, f)), 0),
    phaserGzBytes: phaser.reduce((n, f) => n + gz(join(dist, "assets", f)), 0),
    cssGzBytes: css.reduce((n, f) => n + gz(join(dist, f)), 0),
  };
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] : 0;
}

// Runs in the page: times Phaser's step (update + render, from its prestep to postrender events)
// and the page's own frame (the simulation loop and panels), and records the intervals between
// animation frames.
const PROBE = `(() => {
  const n = window.__nines;
  const screen = n.app.game;
  const phaser = screen.board.game;
  const probe = { intervals: [], work: [], last: 0, pending: 0 };
  let stepStart = 0;
  phaser.events.on("prestep", () => { stepStart = performance.now(); });
  phaser.events.on("postrender", () => { if (stepStart) probe.pending += performance.now() - stepStart; stepStart = 0; });
  const frame = screen.session.frame.bind(screen.session);
  screen.session.frame = (ms) => { const t0 = performance.now(); const r = frame(ms); probe.pending += performance.now() - t0; return r; };
  const tick = (t) => {
    if (probe.last) { probe.intervals.push(t - probe.last); probe.work.push(probe.pending); }
    probe.pending = 0; probe.last = t;
    if (!probe.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__probe = probe;
})()`;

/** Runs in the page at the end of a measurement: stops the probe and reads it with the board's state. */
const READ_PROBE = `(() => {
  const p = window.__probe;
  p.stop = true;
  const n = window.__nines;
  const s = n.state;
  const r = n.session.game.report();
  return {
    renderer: n.app.game.board.game.renderer.type === 2 ? "webgl" : "canvas",
    intervals: p.intervals,
    work: p.work,
    dots: n.app.game.dots.active,
    hostsUp: s.hosts.filter((h) => h.status === "up").length,
    served: (r.served[0] + r.served[1] + r.served[2]) * 10,
  };
})()`;

interface ProbeReading { renderer: string; intervals: number[]; work: number[]; dots: number; hostsUp: number; served: number }

/**
 * The bench board comes from the benchmark's own page (bench/page/, built to dist-bench/), never
 * from the product: the product page ignores `?bench=`. Served by Vite's static preview.
 */
async function startBenchPage(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const vite = await import("vite");
  const configFile = join(ROOT, "bench", "vite.bench.config.ts");
  await vite.build({ configFile, logLevel: "warn" });
  const preview = await vite.preview({ configFile, preview: { port, strictPort: true, host: "127.0.0.1" } });
  return { url: `http://127.0.0.1:${port}/bench/page/index.html`, close: () => preview.close() };
}

async function main(): Promise<void> {
  const server = await startServer(PORT);
  const benchPage = await startBenchPage(PORT + 1);
  const browser = await launchChromium();
  const results: FrameStats[] = [];
  try {
    for (const rps of RATES) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${benchPage.url}?bench=${HOSTS}&rps=${rps}`);
      await page.locator("#board canvas").waitFor({ timeout: 60_000 });
      await page.locator(".board-loading").waitFor({ state: "hidden", timeout: 60_000 });
      await page.waitForTimeout(WARMUP_MS);
      await page.evaluate(PROBE);
      await page.waitForTimeout(MEASURE_MS);
      if (process.env.BENCH_SCREENSHOTS) await page.screenshot({ path: join(ROOT, "artifacts", `bench-${HOSTS}-hosts-${rps}-rps.png`) });
      const probe = (await page.evaluate(READ_PROBE)) as ProbeReading;
      if (errors.length) throw new Error(`page errors at ${rps} req/s: ${errors.join("; ")}`);
      results.push({
        renderer: probe.renderer, rps, frames: probe.intervals.length,
        intervalP50: pct(probe.intervals, 50), intervalP95: pct(probe.intervals, 95),
        workP50: pct(probe.work, 50), workP95: pct(probe.work, 95),
        dots: probe.dots, hostsUp: probe.hostsUp, servedPerSecond: probe.served,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await benchPage.close();
    await server.stop();
  }
  const size = initialJs();
  const round = (n: number) => Math.round(n * 100) / 100;
  const report = {
    hosts: HOSTS,
    renderer: results[0]?.renderer, frames: results.map((r) => ({ rps: r.rps, frameP50Ms: round(r.intervalP50), frameP95Ms: round(r.intervalP95), workP50Ms: round(r.workP50), workP95Ms: round(r.workP95), frames: r.frames, dots: r.dots, hostsUp: r.hostsUp, servedPerSecond: r.servedPerSecond })),
    initialJsGzKB: round(size.gzBytes / 1024),
    initialJsFiles: size.files,
    initialCssGzKB: round(size.cssGzBytes / 1024),
    phaserChunkGzKB: round(size.phaserGzBytes / 1024),
    budgets: { initialJsGzKB: 450, ok: size.gzBytes / 1024 <= 450 },
  };
  if (json) {
    console.log(JSON.stringify(report));
    return;
  }
  console.log(`\nNines client benchmark — ${HOSTS} hosts, headless Chromium (${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}), 1920×1080, Phaser ${report.renderer} renderer\n`);
  console.log("traffic (req/s) | frame p50 | frame p95 | work p50 | work p95 | frames | dots on screen | hosts up | served req/s");
  console.log("----------------|-----------|-----------|----------|----------|--------|----------------|----------|-------------");
  for (const r of report.frames) {
    console.log(`${String(r.rps).padStart(15)} | ${r.frameP50Ms.toFixed(1).padStart(6)} ms | ${r.frameP95Ms.toFixed(1).padStart(6)} ms | ${r.workP50Ms.toFixed(1).padStart(5)} ms | ${r.workP95Ms.toFixed(1).padStart(5)} ms | ${String(r.frames).padStart(6)} | ${String(r.dots).padStart(14)} | ${String(r.hostsUp).padStart(8)} | ${String(r.servedPerSecond).padStart(12)}`);
  }
  console.log(`\nframe = interval between animation frames; work = main-thread time per frame in the simulation loop and Phaser's update + render.`);
  console.log(`initial JS (index.html entry + modulepreloads, gzip -9): ${report.initialJsGzKB} KB  [budget 450 KB: ${report.budgets.ok ? "ok" : "OVER"}]  files: ${size.files.join(", ")}`);
  console.log(`initial CSS gz: ${report.initialCssGzKB} KB · Phaser chunk gz (loaded after the menu): ${report.phaserChunkGzKB} KB\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

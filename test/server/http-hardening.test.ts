// The HTTP surface a public server exposes, probed over real HTTP against the real app: body
// caps everywhere (the matchmaker included), plain error answers, and CORS for listed origins only.
import "../../server/wsEsmShim.js";
import { request } from "node:http";
import { Room } from "@colyseus/core";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const PORT = 3251;
const BASE = `http://127.0.0.1:${PORT}`;
const FRIEND = "https://school.example";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One raw HTTP request. The server may answer (and close) before the whole body is sent, which
 * breaks the upload with EPIPE/ECONNRESET; what counts is the answer, so such errors after it are
 * ignored.
 */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Answer> {
  if (body !== undefined && !headers["Transfer-Encoding"]) headers = { "Content-Length": String(Buffer.byteLength(body)), ...headers };
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(`${BASE}${path}`, { method, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

let server: ColyseusTestServer;
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  process.env.NINES_ALLOWED_ORIGINS = `${FRIEND}, http://localhost:5173`;
  const { default: appConfig } = await import("../../server/app.config.js");
  server = await boot(appConfig, PORT);
});

afterAll(async () => {
  await server?.shutdown();
  delete process.env.NINES_ALLOWED_ORIGINS;
  warn.mockRestore();
});

describe("request bodies are capped at 64 KB", () => {
  const big = Buffer.alloc(3 * 1024 * 1024, 0x20);

  it("the matchmaker answers 413 with a plain reason to a 3 MB body", async () => {
    const r = await send("POST", "/matchmake/joinOrCreate/unknown", { "Content-Type": "application/json" }, big);
    expect(r.status).toBe(413);
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
    expect(r.body).toMatch(/too large.*65536/);
  });

  it("Express routes answer 413 too, and a chunked body with no length is refused with 411", async () => {
    const r = await send("POST", "/health", { "Content-Type": "application/json" }, big);
    expect(r.status).toBe(413);
    const chunked = await send("POST", "/matchmake/joinOrCreate/unknown", { "Transfer-Encoding": "chunked" }, "{}");
    expect(chunked.status).toBe(411);
  });

  it("an official client still joins a room through the gate (matchmaker POST, then the socket)", async () => {
    server.server.define("gate-probe", class extends Room {});
    const room = await server.sdk.joinOrCreate("gate-probe", { name: "ada" });
    expect(server.getRoomById(room.roomId).clients.length).toBe(1);
    await room.leave();
  });

  it("a small body still reaches the matchmaker", async () => {
    const r = await send("POST", "/matchmake/joinOrCreate/unknown", { "Content-Type": "application/json" }, JSON.stringify({ name: "ada" }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ error: expect.stringContaining("not defined") });
  });
});

describe("error answers are plain and leak nothing", () => {
  it.each([
    ["/assets/..%2f..%2fpackage.json", 404],
    ["/assets/nope.js", 404],
    ["/assets/%E0%A4%ZZ", 400],
  ])("%s → %i in plain text, one log line without a stack", async (path, status) => {
    warn.mockClear();
    const r = await send("GET", path);
    expect(r.status).toBe(status);
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
    expect(r.body.length).toBeLessThan(40);
    expect(r.body).not.toMatch(/\/work|node_modules|\bat \w|Error/);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toBe(`${status} GET ${path}`);
  });
});

describe("CORS: the game's own origin and the configured list, nothing else", () => {
  it("denies a foreign origin: no CORS headers, and its preflight is refused", async () => {
    const evil = { Origin: "https://evil.example" };
    const post = await send("POST", "/matchmake/joinOrCreate/unknown", { ...evil, "Content-Type": "application/json" }, "{}");
    expect(post.headers["access-control-allow-origin"]).toBeUndefined();
    expect(post.headers["access-control-allow-credentials"]).toBeUndefined();
    const get = await send("GET", "/health", evil);
    expect(get.headers["access-control-allow-origin"]).toBeUndefined();
    expect(get.headers["access-control-allow-credentials"]).toBeUndefined();
    const preflight = await send("OPTIONS", "/matchmake/joinOrCreate/coop", { ...evil, "Access-Control-Request-Method": "POST" });
    expect(preflight.status).toBe(403);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("grants a listed origin and the server's own, never with credentials", async () => {
    const preflight = await send("OPTIONS", "/matchmake/joinOrCreate/coop", { Origin: FRIEND, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(FRIEND);
    expect(preflight.headers["access-control-allow-methods"]).toContain("POST");
    const post = await send("POST", "/matchmake/joinOrCreate/unknown", { Origin: FRIEND, "Content-Type": "application/json" }, "{}");
    expect(post.headers["access-control-allow-origin"]).toBe(FRIEND);
    const own = await send("GET", "/health", { Origin: BASE });
    expect(own.headers["access-control-allow-origin"]).toBe(BASE);
    for (const r of [preflight, post, own]) expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
  });
});

it("/health still answers", async () => {
  const r = await send("GET", "/health");
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true, simVersion: expect.any(Number) });
});

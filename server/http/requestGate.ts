// The first thing every HTTP request meets, before Express and before Colyseus's matchmaker (which
// Colyseus serves from the raw HTTP server, so no Express middleware ever sees `/matchmake/...`).
// Here a body over the cap is refused and CORS is decided once, for every route.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { matchMaker } from "@colyseus/core";
import type { Express } from "express";
import { admitRequestBody, MAX_BODY_BYTES } from "./bodyLimit.js";
import { corsHeaders, isOriginAllowed, isPreflight, PREFLIGHT_HEADERS, type CorsPolicy } from "./corsPolicy.js";

export interface GateOptions {
  cors: CorsPolicy;
  maxBodyBytes?: number;
}

/**
 * Puts the gate in front of every `request` listener of `server`. Colyseus later removes and
 * re-adds those listeners (to route `/matchmake`), so the gate wraps `emit` rather than being one
 * of them: it runs first whatever is attached after it.
 */
export function installRequestGate(server: HttpServer, options: GateOptions): void {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const passes = (req: IncomingMessage, res: ServerResponse) => admitRequestBody(req, res, maxBodyBytes) && applyCors(req, res, options.cors);
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = function gatedEmit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return emit(event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    return passes(req, res) ? emit(event, ...args) : true;
  } as typeof server.emit;
  // A client that asks `Expect: 100-continue` is told to send its body only once the gate agrees
  // (without this listener Node says "continue" to everyone before any check).
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (!passes(req, res)) return;
    res.writeContinue();
    emit("request", req, res);
  });

  // The matchmaker adds its own CORS headers (any Origin, with credentials) to each answer; the
  // gate has already set the right ones, so it must add none.
  matchMaker.controller.DEFAULT_CORS_HEADERS = {} as typeof matchMaker.controller.DEFAULT_CORS_HEADERS;
  matchMaker.controller.getCorsHeaders = () => ({});
}

/** Answers preflights itself; grants other requests from an allowed origin. False when answered. */
function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  const allowed = isOriginAllowed(req, policy);
  if (isPreflight(req)) {
    if (allowed) {
      res.writeHead(204, { ...corsHeaders(req), ...PREFLIGHT_HEADERS });
      res.end();
    } else {
      const reason = "Origin not allowed.";
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8", Vary: "Origin", "Content-Length": Buffer.byteLength(reason) });
      res.end(reason);
    }
    return false;
  }
  // A foreign origin is still answered (a same-origin page behind a proxy that rewrites Host must
  // keep working), but without CORS headers, so the browser keeps the answer from that page.
  if (allowed) for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value as string);
  else res.setHeader("Vary", "Origin");
  return true;
}

/**
 * @colyseus/tools installs `cors({ origin: true, credentials: true })` on the Express app, which
 * echoes any Origin with credentials. The gate decides CORS instead, so that layer is taken out.
 */
export function removeToolsCors(app: Express): void {
  const router = (app as unknown as { _router?: { stack: Array<{ name: string }> } })._router;
  if (!router) throw new Error("Express app has no router yet: call removeToolsCors from initializeExpress");
  const before = router.stack.length;
  router.stack = router.stack.filter((layer) => layer.name !== "corsMiddleware");
  if (router.stack.length !== before - 1) throw new Error("Expected exactly one cors layer from @colyseus/tools; its setup has changed");
}

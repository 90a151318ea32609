// Which web pages may call this server from another origin. The game's own page is same-origin
// and needs no CORS at all; other origins are allowed only when listed in NINES_ALLOWED_ORIGINS
// (comma-separated, e.g. "https://school.example,http://localhost:5173"). Out of the box
// @colyseus/tools and the matchmaker echo any Origin with `Allow-Credentials: true`, which lets
// every site on the web read our answers as the visitor; this policy replaces both.
import type { IncomingMessage, OutgoingHttpHeaders } from "node:http";

export interface CorsPolicy {
  /** Origins allowed besides the server's own, normalised as `scheme://host[:port]`. */
  readonly allowed: ReadonlySet<string>;
}

/** Reads NINES_ALLOWED_ORIGINS; a malformed entry stops the server with a message naming it. */
export function corsPolicyFromEnv(value = process.env.NINES_ALLOWED_ORIGINS ?? ""): CorsPolicy {
  const allowed = new Set<string>();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const origin = normaliseOrigin(entry);
    if (!origin) throw new Error(`NINES_ALLOWED_ORIGINS: "${entry}" is not an origin like https://example.org`);
    allowed.add(origin);
  }
  return { allowed };
}

function normaliseOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.pathname !== "/" || url.search || url.hash || url.username) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** True when the request's Origin is this server itself (as the browser reached it) or listed. */
export function isOriginAllowed(req: IncomingMessage, policy: CorsPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const normalised = normaliseOrigin(origin);
  if (!normalised) return false;
  if (policy.allowed.has(normalised)) return true;
  // Same origin: the page was served by this host. Behind a proxy the browser's host arrives as
  // X-Forwarded-Host.
  const host = new URL(normalised).host;
  const forwarded = req.headers["x-forwarded-host"];
  return host === req.headers.host || (typeof forwarded === "string" && forwarded.split(",")[0].trim() === host);
}

/** Headers that grant a cross-origin caller access; empty for a request without an Origin. */
export function corsHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  if (origin === undefined) return {};
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
}

/** Extra headers for a preflight (OPTIONS with Access-Control-Request-Method) that is allowed. */
export const PREFLIGHT_HEADERS: OutgoingHttpHeaders = {
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization, X-Requested-With",
  "Access-Control-Max-Age": "600",
};

export function isPreflight(req: IncomingMessage): boolean {
  return req.method === "OPTIONS" && req.headers.origin !== undefined && req.headers["access-control-request-method"] !== undefined;
}

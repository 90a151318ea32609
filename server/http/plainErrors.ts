// Error answers say what went wrong in one plain sentence: no stack trace, no file path. Express's
// default handler sends the stack (with absolute paths) as HTML outside production and logs the
// whole stack for every 404 (2,000 probes gave ~4,000 log lines); this one logs a single line.
import type { ErrorRequestHandler, RequestHandler } from "express";

/** One line per error, e.g. `404 GET /assets/nope.js`; the server's log by default. */
export type ErrorLog = (line: string) => void;

const REASONS: Record<number, string> = {
  400: "Bad request.",
  404: "Not found.",
  405: "Method not allowed.",
  411: "Length required.",
  413: "Request body too large.",
  415: "Unsupported media type.",
  500: "Internal server error.",
};

/** The request's path as sent, cut short and stripped of control characters, for one log line. */
function loggablePath(url: string | undefined): string {
  const path = (url ?? "").split("?")[0];
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 200);
}

/** The last route: whatever nothing else answered is a plain 404. */
export function notFound(log: ErrorLog): RequestHandler {
  return (req, res) => {
    log(`404 ${req.method} ${loggablePath(req.originalUrl)}`);
    res.status(404).type("text/plain").send(REASONS[404]);
  };
}

/** The error handler: client errors keep their status (a path that climbs out is simply not found). */
export function plainErrors(log: ErrorLog): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = statusOf(err);
    // A short code or message, never the stack: errors from the file server carry absolute paths.
    const detail = status >= 500 && err instanceof Error ? `: ${err.message.replace(/\/[^\s'"]*/g, "<path>")}` : "";
    log(`${status} ${req.method} ${loggablePath(req.originalUrl)}${detail}`);
    res.status(status).type("text/plain").send(REASONS[status] ?? REASONS[status < 500 ? 400 : 500]);
  };
}

function statusOf(err: unknown): number {
  if (err instanceof URIError) return 400;
  const raw = typeof err === "object" && err !== null ? ((err as { status?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode) : undefined;
  const status = typeof raw === "number" && raw >= 400 && raw <= 599 ? raw : 500;
  // `send` answers 403 for a path climbing out of its folder: for the visitor it does not exist.
  return status === 403 ? 404 : status;
}

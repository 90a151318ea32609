// JSON request bodies for the API: the size cap, the content type, and zod's verdict turned into
// one sentence naming the field. Express may already have parsed the body (@colyseus/tools
// installs express.json() before our routes), so the cap is checked on the declared length too.
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import type { z } from "zod";

/** Largest JSON body the API takes (a settings form, a replay of a full challenge). */
export const MAX_API_BODY_BYTES = 64 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Parses JSON bodies up to the cap (unless an earlier parser already did) and refuses larger ones with 413. */
export function jsonBody(maxBytes = MAX_API_BODY_BYTES): RequestHandler[] {
  return [
    (req, _res, next) => {
      const declared = Number(req.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) return next(new HttpError(413, `the body is ${declared} bytes; the limit is ${maxBytes}`));
      next();
    },
    express.json({ limit: maxBytes, strict: true }),
  ];
}

/** The parsed body of a JSON request; a 400 for anything else. */
export function requireJson(req: Request): unknown {
  if (!req.is("application/json")) throw new HttpError(400, "send the body as JSON (Content-Type: application/json)");
  return req.body;
}

/** Parses with a zod schema; a 400 naming the first bad field otherwise. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === "unrecognized_keys") throw new HttpError(400, `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}`);
  const field = issue.path.join(".");
  throw new HttpError(400, field ? `${field}: ${issue.message}` : "the body must be a JSON object");
}

/** Errors from the API's routes and parsers as `{ error }` with their status; never a stack trace. */
export const apiErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof HttpError) return void res.status(err.status).json({ error: err.message });
  const type = (err as { type?: string }).type;
  if (type === "entity.too.large") return void res.status(413).json({ error: `the body is larger than the limit (${MAX_API_BODY_BYTES} bytes)` });
  if (type === "entity.parse.failed") return void res.status(400).json({ error: "the body is not valid JSON" });
  const status = (err as { status?: number }).status;
  if (typeof status === "number" && status >= 400 && status < 500) return void res.status(status).json({ error: "bad request" });
  console.error(`API error: ${(err as Error)?.message ?? String(err)}`);
  res.status(500).json({ error: "internal error" });
};

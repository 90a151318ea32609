// Request bodies are capped before anything reads them. The matchmaker (`/matchmake/...`, served
// by Colyseus outside Express) buffers a body without limit, so a 300 MB POST grew the process by
// a gigabyte. Node's HTTP parser never delivers more body than `Content-Length` declares, so a
// declared length within the cap bounds memory; a chunked body (no declared length) is refused,
// since nothing this server offers needs one and counting chunks would race the readers.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Largest request body any route accepts: join options and JSON APIs fit in a few KB. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Answers 413 (too large) or 411 (length required) and returns false when the body must not be
 * read; returns true when the request may go on.
 */
export function admitRequestBody(req: IncomingMessage, res: ServerResponse, maxBytes = MAX_BODY_BYTES): boolean {
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    const bytes = Number(declared);
    if (!Number.isSafeInteger(bytes) || bytes < 0) return refuse(res, 400, "Bad request: Content-Length is not a number of bytes.");
    if (bytes > maxBytes) return refuse(res, 413, `Request body too large: ${bytes} bytes; the limit is ${maxBytes} bytes.`);
    return true;
  }
  if (req.headers["transfer-encoding"] !== undefined) {
    return refuse(res, 411, "Length required: send a Content-Length header (chunked request bodies are not accepted).");
  }
  return true;
}

/**
 * Sends a short plain-text refusal. `Connection: close` makes Node close the socket as soon as
 * the answer is written, so the rest of an oversized body is never read, not even to be dropped.
 */
function refuse(res: ServerResponse, status: number, reason: string): false {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close", "Content-Length": Buffer.byteLength(reason) });
  res.end(reason);
  return false;
}

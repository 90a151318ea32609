// A student's seat in a challenge: POST /api/challenges/:code/seat with { name } (or, coming back,
// { rejoinToken }) answers where to sit: the team room to join, the name the class sees, and the
// rejoin token the browser keeps so a reload or a dropped network finds the same seat again.
import { Router } from "express";
import { z } from "zod";
import { openRun } from "../classroom/challengeRun.js";
import { CODE_PATTERN, normaliseCode } from "../classroom/secrets.js";
import type { Db } from "../storage/db.js";
import { HttpError, jsonBody, parseBody, requireJson } from "./body.js";

const SeatRequestSchema = z.strictObject({
  name: z.string().max(200).optional(),
  rejoinToken: z.string().max(64).optional(),
});

export function seatRoutes(db: () => Db): Router {
  const router = Router();
  router.post("/challenges/:code/seat", ...jsonBody(4096), (req, res, next) => {
    const code = normaliseCode(req.params.code);
    const run = CODE_PATTERN.test(code) ? openRun(db(), code) : undefined;
    if (!run) return next(new HttpError(404, `no challenge with code ${req.params.code.slice(0, 12)}: check the code on the board`));
    let body: z.infer<typeof SeatRequestSchema>;
    try {
      body = parseBody(SeatRequestSchema, requireJson(req));
    } catch (e) {
      return next(e);
    }
    run.seat(body).then(
      (answer) => (answer.ok ? res.json({ code: run.code, ...answer.seat }) : next(new HttpError(answer.status, answer.reason))),
      next,
    );
  });
  return router;
}

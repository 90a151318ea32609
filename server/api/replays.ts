// POST /api/replays/verify: re-simulates a submitted solo replay in the verifier's threads and
// answers { valid, score, hash } or { valid: false, reason }. The body is the replay file itself.
import { Router } from "express";
import { VerifierBusyError, type VerifierPool } from "../verify/pool.js";
import { HttpError, jsonBody, requireJson } from "./body.js";

export function replayRoutes(verifier: () => VerifierPool): Router {
  const router = Router();
  router.post("/replays/verify", ...jsonBody(), async (req, res, next) => {
    try {
      const replay = requireJson(req);
      const verification = await verifier().verify(replay);
      res.json(verification);
    } catch (e) {
      if (e instanceof VerifierBusyError) {
        res.setHeader("Retry-After", "5");
        return next(new HttpError(503, e.message));
      }
      next(e);
    }
  });
  return router;
}

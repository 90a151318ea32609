// The HTTP API under /api: challenges and replay verification, JSON in and out. app.config.ts
// registers it with one call, before the client's catch-all route.
import type { Express } from "express";
import { Router } from "express";
import { serverDatabase, type Db } from "../storage/db.js";
import { VerifierPool } from "../verify/pool.js";
import { apiErrors, HttpError } from "./body.js";
import { challengeRoutes } from "./challenges.js";
import { replayRoutes } from "./replays.js";
import { seatRoutes } from "./seats.js";

export interface Api {
  /** Stops the verifier's threads (the database belongs to whoever opened it). */
  close(): Promise<void>;
}

export function registerApi(app: Express, db: Db = serverDatabase(), verifier?: VerifierPool): Api {
  // The verifier's threads load the simulation in the background now, so the first submission
  // does not wait about a second for a thread to start.
  const pool = verifier ?? new VerifierPool();
  void pool.warm();
  const getPool = () => pool;

  const api = Router();
  api.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  api.use(challengeRoutes(db));
  api.use(seatRoutes(db));
  api.use(replayRoutes(getPool));
  api.use((req, _res, next) => next(new HttpError(404, `no API route ${req.method} ${req.path.slice(0, 80)}`)));
  api.use(apiErrors);
  app.use("/api", api);
  // Errors raised before the API's router (Express's JSON parser installed by @colyseus/tools)
  // skip the router, so its error answers are registered on the app as well.
  app.use("/api", apiErrors);

  return { close: () => pool.close() };
}

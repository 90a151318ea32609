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

/**
 * Mounts the API. The database (NINES_DATA_DIR) opens on the first API request, and marks the
 * challenges a stopped server left running as interrupted then, before anything reads them; a
 * server (or a room test) that never serves the API never touches the file.
 */
export function registerApi(app: Express, db: Db | (() => Db) = serverDatabase, verifier?: VerifierPool): Api {
  const database = typeof db === "function" ? db : () => db;
  const pool = verifier ?? new VerifierPool();
  let warming = false;

  const api = Router();
  api.use((_req, res, next) => {
    // The verifier's threads start loading the simulation with the first API request (a teacher
    // creating a challenge), so a later submission does not wait for a thread to start.
    if (!warming) {
      warming = true;
      void pool.warm();
    }
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  api.use(challengeRoutes(database));
  api.use(seatRoutes(database));
  api.use(replayRoutes(() => pool));
  api.use((req, _res, next) => next(new HttpError(404, `no API route ${req.method} ${req.path.slice(0, 80)}`)));
  api.use(apiErrors);
  app.use("/api", api);
  // Errors raised before the API's router (Express's JSON parser installed by @colyseus/tools)
  // skip the router, so its error answers are registered on the app as well.
  app.use("/api", apiErrors);

  return { close: () => pool.close() };
}

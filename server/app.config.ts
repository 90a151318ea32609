// The one HTTP + WebSocket server: Colyseus rooms (co-op and classroom, added in later issues) and
// the Express app that serves the built client. Everything shares one port so a browser that
// loaded the game can join a room on the same origin.
import "./wsEsmShim.js";
import config from "@colyseus/tools";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SIM_VERSION } from "../shared/index.js";
import { MAX_MESSAGE_BYTES, ROOM_NAME } from "../shared/protocol.js";
import { CLASSROOM_ROOM, TEAM_ROOM } from "../shared/classroom.js";
import { corsPolicyFromEnv } from "./http/corsPolicy.js";
import { notFound, plainErrors, type ErrorLog } from "./http/plainErrors.js";
import { installRequestGate, removeToolsCors } from "./http/requestGate.js";
import { ClassroomRoom } from "./rooms/ClassroomRoom.js";
import { CoopRoom } from "./rooms/CoopRoom.js";
import { TeamRoom } from "./rooms/TeamRoom.js";
import { registerApi } from "./api/index.js";
import { scaleOutOptions } from "./scaleOut.js";

/** The project folder: this file runs from server/ (tsx, tests) or from build/server/ (npm start). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
/** Where `vite build` writes the client. Overridable so tests can point at a fixture build. */
export const DIST_DIR = resolve(process.env.NINES_DIST ?? join(projectRoot(), "dist"));

const quiet = process.env.NINES_QUIET === "1";
const logError: ErrorLog = quiet ? () => {} : (line) => console.warn(line);

export default config({
  displayLogs: !quiet,
  options: scaleOutOptions(), // Redis presence and driver when NINES_REDIS_URL is set (server/scaleOut.ts)

  // The HTTP server exists here before Express or the matchmaker touch it: the place to put the
  // gate (body cap, CORS) in front of both.
  // ws closes the socket on a frame above maxPayload (4 KB by default). Frames up to 8× the
  // protocol's limit reach the room, which answers an oversized message with `rejected`; only a
  // frame beyond that (no honest client sends one) still closes the connection.
  initializeTransport(options: ConstructorParameters<typeof WebSocketTransport>[0] & { server: Server }) {
    installRequestGate(options.server, { cors: corsPolicyFromEnv() });
    return new WebSocketTransport({ ...options, maxPayload: 8 * MAX_MESSAGE_BYTES });
  },

  initializeGameServer(gameServer) {
    gameServer.define(ROOM_NAME, CoopRoom);
    // Classroom: the teacher's room (one per challenge code) and the team rooms it opens.
    gameServer.define(CLASSROOM_ROOM, ClassroomRoom).filterBy(["code"]);
    gameServer.define(TEAM_ROOM, TeamRoom);
  },

  initializeExpress(app) {
    removeToolsCors(app);
    app.disable("x-powered-by");
    // Classroom HTTP API (/api: challenges, results, replay verification), before the client's catch-all.
    registerApi(app);

    app.get("/health", (_req, res) => {
      res.json({ ok: true, simVersion: SIM_VERSION, client: existsSync(join(DIST_DIR, "index.html")) });
    });

    // Hashed assets never change, so browsers may keep them; index.html must always be fresh.
    app.use("/assets", express.static(join(DIST_DIR, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }));
    app.use(express.static(DIST_DIR, { index: "index.html", maxAge: 0 }));

    // Single-page app: any other GET that wants HTML gets the client.
    app.get("*", (req, res, next) => {
      if (!req.accepts("html")) return next();
      const index = join(DIST_DIR, "index.html");
      if (!existsSync(index)) {
        res.status(503).type("text/plain").send("The client is not built yet: run `npm run build` (npm start does it for you).");
        return;
      }
      res.sendFile(index);
    });

    app.use(notFound(logError));
    app.use(plainErrors(logError));
  },
});

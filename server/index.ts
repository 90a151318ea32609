// Entry point: `npm start` compiles it to build/server/index.js and runs that (after building the
// client); `node --import tsx server/index.ts` runs it from source.
import "./wsEsmShim.js";
import { listen } from "@colyseus/tools";
import appConfig from "./app.config.js";

const port = Number(process.env.PORT || 2567);

listen(appConfig, port).catch((err: unknown) => {
  console.error(`Nines could not start on port ${port}: ${err instanceof Error ? err.message : String(err)}`);
  console.error("Is another server already using it? Set PORT to choose another port.");
  process.exit(1);
});

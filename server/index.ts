// Entry point: `npm start` compiles it to build/server/index.js and runs that (after building the
// client); `node --import tsx server/index.ts` runs it from source.
import "./wsEsmShim.js";
import { listen } from "@colyseus/tools";
import { checkRedisReachable, readScaleOutEnv, ScaleOutConfigError } from "./scaleOut.js";

const port = Number(process.env.PORT || 2567);

async function start(): Promise<void> {
  // Scale-out settings are checked before the config (which connects to Redis) is loaded.
  const scaleOut = readScaleOutEnv();
  if (scaleOut) await checkRedisReachable(scaleOut.redisUrl);
  const { default: appConfig } = await import("./app.config.js");
  await listen(appConfig, port);
}

start().catch((err: unknown) => {
  if (err instanceof ScaleOutConfigError) {
    console.error(`Nines could not start: ${err.message}`);
    process.exit(2);
  }
  console.error(`Nines could not start on port ${port}: ${err instanceof Error ? err.message : String(err)}`);
  console.error("Is another server already using it? Set PORT to choose another port.");
  process.exit(1);
});

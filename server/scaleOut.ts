// Running rooms across several server processes: Colyseus' own Redis presence (room codes, seat
// reservations and calls between processes) and Redis driver (the shared room listing), switched on
// by NINES_REDIS_URL. Without it, one process keeps everything in memory, as Colyseus does by default.
//
// A matchmaker call may land on any process, but the room lives in one. The seat reservation tells
// the client where: the hosting process's NINES_PUBLIC_ADDRESS (host[:port][/path], no scheme), to
// which the client connects as ws(s)://<address>/<processId>/<roomId>. Without it, every process
// must be reachable at the address the client already uses (a proxy that routes by process id).
import { connect } from "node:net";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import type { ServerOptions } from "@colyseus/core";

/** A scale-out setting the server cannot start with; the message says what to change. */
export class ScaleOutConfigError extends Error {}

interface ScaleOutEnv {
  NINES_REDIS_URL?: string;
  NINES_PUBLIC_ADDRESS?: string;
}

/** The Redis URL and public address from the environment, checked; null when scale-out is off. */
export function readScaleOutEnv(env: ScaleOutEnv = process.env): { redisUrl: URL; publicAddress?: string } | null {
  const raw = env.NINES_REDIS_URL?.trim();
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== "redis:" && url.protocol !== "rediss:") || !url.hostname) {
    throw new ScaleOutConfigError(
      `NINES_REDIS_URL "${raw}" is not a Redis URL: write it as redis://host:6379 (rediss:// for TLS), or unset it to run a single process.`,
    );
  }
  const publicAddress = env.NINES_PUBLIC_ADDRESS?.trim() || undefined;
  if (publicAddress !== undefined && (publicAddress.includes("://") || !/^[A-Za-z0-9.\-[\]:]+(\/[\w.\-/]*)?$/.test(publicAddress))) {
    throw new ScaleOutConfigError(
      `NINES_PUBLIC_ADDRESS "${publicAddress}" is not host[:port][/path] (no scheme, e.g. game1.example.org or 10.0.0.5:2567): it is where clients reach this process.`,
    );
  }
  return { redisUrl: url, publicAddress };
}

/** The Colyseus server options: Redis presence and driver when NINES_REDIS_URL is set, else the defaults. */
export function scaleOutOptions(env: ScaleOutEnv = process.env): ServerOptions {
  const scaleOut = readScaleOutEnv(env);
  if (!scaleOut) return {};
  const url = scaleOut.redisUrl.href;
  return { presence: new RedisPresence(url), driver: new RedisDriver(url), publicAddress: scaleOut.publicAddress };
}

/**
 * Fails within `ms` when nothing accepts a connection at the Redis URL's host and port. Without
 * this the Redis client retries forever and the server would hang at startup with no word why.
 */
export async function checkRedisReachable(url: URL, ms = 3000): Promise<void> {
  const port = Number(url.port || 6379);
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ""), port });
    const fail = (why: string) => {
      socket.destroy();
      reject(new ScaleOutConfigError(`Redis at ${url.hostname}:${port} (NINES_REDIS_URL) ${why}: start redis-server there, fix the URL, or unset it to run a single process.`));
    };
    socket.setTimeout(ms, () => fail(`did not answer within ${ms} ms`));
    socket.once("error", (err) => fail(`refused the connection (${err.message})`));
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
  });
}

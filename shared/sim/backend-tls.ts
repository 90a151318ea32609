// Backend TLS: whether a load balancer re-encrypts to its web servers, the port it reaches them
// on, and whether a backend's certificate passes HAProxy's `ssl verify required`. Read by the
// flow, the health checks, the command that switches it and the exports.
import { PORT_HTTP, PORT_HTTPS } from "../content/catalog.js";
import type { Host, LbService } from "../model/types.js";

/** The port the load balancer connects to its backends on: 443 when it re-encrypts, else 80. */
export function backendPort(lb: LbService): number {
  return lb.backendTls ? PORT_HTTPS : PORT_HTTP;
}

/** `verify required`: the backend must present a certificate, and one that has not expired. */
export function certVerifies(host: Host, tick: number): boolean {
  return host.cert !== null && host.cert.expiresAt > tick;
}

/** Why a load balancer re-encrypting to `host` would refuse it, or null when it would not. */
export function certRefusal(host: Host, tick: number): string | null {
  if (host.cert === null) return `${host.name} has no certificate`;
  if (host.cert.expiresAt <= tick) return `${host.name}'s certificate has expired`;
  return null;
}

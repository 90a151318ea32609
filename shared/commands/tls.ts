// Backend TLS: the load balancer re-encrypts what it sends to its web servers, so nothing behind
// it travels as plain HTTP. Switched per load balancer; each backend then needs a valid certificate.
import type { Host } from "../model/types.js";
import { certRefusal } from "../sim/backend-tls.js";
import { findService } from "../sim/services.js";
import { topology } from "../sim/topology.js";
import { firstFailure, needHost, type Handler } from "./handler.js";
import { OK, reject } from "./schema.js";

export const setBackendTls: Handler<"setBackendTls"> = {
  check(state, scenario, cmd) {
    const host = needHost(state, cmd.host);
    if (typeof host === "string") return reject(host);
    const lb = findService(host, "lb");
    return firstFailure(
      () => (lb ? OK : reject(`${host.name} runs no load balancer: backend TLS is a setting of HAProxy`)),
      () => (scenario.allowed.services.includes("firewall") ? OK : reject("backend TLS unlocks in chapter 3, with certificates")),
      () => (lb!.backendTls === cmd.on ? reject(`backend TLS is already ${cmd.on ? "on" : "off"} on ${host.name}`) : OK),
      () => (cmd.on ? backendsVerify(state, host) : OK),
    );
  },
  run(state, _s, cmd) {
    findService(needHost(state, cmd.host) as Host, "lb")!.backendTls = cmd.on;
  },
};

/** Switching on is refused while a backend would fail HAProxy's certificate check at once. */
function backendsVerify(state: Parameters<typeof topology>[0], lbHost: Host) {
  const topo = topology(state);
  for (const j of topo.lbBackends[topo.indexById.get(lbHost.id)!]) {
    const why = certRefusal(state.hosts[j], state.tick);
    if (why) return reject(`${why}: HAProxy would refuse to connect to it (verify required). Buy or renew it first`);
  }
  return OK;
}

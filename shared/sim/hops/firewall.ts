// Host firewalls. Today a firewall filters what arrives from the internet: a running firewall
// drops a packet for a port it does not open. Traffic between servers is not filtered yet; rules
// by source (a host, a tier) and default deny for internal hops belong here when they come.
import type { Scratch } from "./scratch.js";

/** True when the firewall on host slot i drops a connection from the internet to `port`. */
export function firewallBlocks(sc: Scratch, i: number, port: number): boolean {
  const fw = sc.topo.firewall[i];
  return fw !== null && fw.status === "up" && !fw.openPorts.includes(port);
}

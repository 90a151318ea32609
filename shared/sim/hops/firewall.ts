// Host firewalls on the request path. A running firewall filters every connection that reaches
// its host: from the internet at the front door, and between servers at each inner hop (load
// balancer → web server, web server → application, application → MySQL, and a replica's
// connection to its primary). What no rule allows is dropped (ufw's default deny); the rules and
// their matching live in ../firewall-rules.ts.
import { Reason } from "../../content/reasons.js";
import { firewallLetsIn, INTERNET } from "../firewall-rules.js";
import type { Scratch } from "./scratch.js";
import { fail } from "./tally.js";

/** True when the firewall on host slot i drops a connection from the internet to `port`. */
export function firewallBlocks(sc: Scratch, i: number, port: number): boolean {
  return !firewallLetsIn(sc.topo, i, INTERNET, port);
}

/** True when the firewall on host slot `to` drops a connection from host slot `from` to `port`. */
export function firewallBlocksInside(sc: Scratch, to: number, from: number, port: number): boolean {
  return !firewallLetsIn(sc.topo, to, from, port);
}

/** Fails `amount` of class `cls` that the firewall on host slot `to` dropped, counted against the service of `tier` there. */
export function blockedInside(sc: Scratch, to: number, link: number, cls: number, amount: number, tier: number): void {
  fail(sc, Reason.FirewallBlockedInside, to, cls, amount, false, tier);
  if (link >= 0) sc.report.linkFailed[link] += amount;
}

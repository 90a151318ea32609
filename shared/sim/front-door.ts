// Moved to hops/: name resolution is in hops/dns.ts, the front door in hops/front-door.ts. This
// re-export keeps older imports (audit.ts) working until they point there.
export { resolveName } from "./hops/dns.js";
export { frontDoorProblem, resolveIp } from "./hops/front-door.js";

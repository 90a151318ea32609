// Where a host sits in the request path, from the services it runs. The board lays hosts out by
// it and request dots flow from the lower rank to the higher: load balancer → web → app → database.
import type { Host, ServiceKind } from "../../shared/index.js";

const RANK: Partial<Record<ServiceKind, number>> = { lb: 0, web: 1, app: 2, db: 3 };
export const ROLE_COLUMNS = ["Load balancers", "Web servers", "Application servers", "Databases"] as const;

/** 0 load balancer, 1 web, 2 app, 3 database; a host with none of those sits with the web servers. */
export function roleRank(host: Host): number {
  let best = 99;
  for (const s of host.services) {
    const r = RANK[s.kind];
    if (r !== undefined && r < best) best = r;
  }
  return best === 99 ? 1 : best;
}

/** Which end of a link the requests come from. Between two databases: primary → replica. */
export function upstreamOf(a: Host, b: Host): Host {
  const ra = roleRank(a);
  const rb = roleRank(b);
  if (ra !== rb) return ra < rb ? a : b;
  const primary = (h: Host) => h.services.some((s) => s.kind === "db" && s.role === "primary");
  if (primary(a) !== primary(b)) return primary(a) ? a : b;
  return a.id < b.id ? a : b;
}

// The floor for one tick of the flow: a plain typed-array loop over the same graph as a board
// (its load balancers, web, application and database hosts and their links), per class, through
// the same hops (internet → load balancer → web → application → database → replicas), doing only
// the arithmetic of pushing amounts across links and summing work per host. No failure reasons,
// no latency, no report: what any flow model over this graph must at least do.
import { topology, type Game } from "../shared/index.js";

const C = 4;

export interface BareLoop {
  /** Runs one tick; returns a checksum so the work cannot be optimised away. */
  tick(): number;
}

/** Flattens a per-host adjacency list into compressed rows: start offsets, targets and link indexes. */
function rows(lists: number[][], links: number[][]): { start: Int32Array; to: Int32Array; link: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + lists[i].length;
  const to = new Int32Array(start[lists.length]);
  const link = new Int32Array(start[lists.length]);
  for (let i = 0; i < lists.length; i++) {
    for (let k = 0; k < lists[i].length; k++) {
      to[start[i] + k] = lists[i][k];
      link[start[i] + k] = links[i][k];
    }
  }
  return { start, to, link };
}

export function bareLoop(game: Game, demandPerClass: readonly number[]): BareLoop {
  const topo = topology(game.state);
  const n = game.state.hosts.length;
  const entries = Int32Array.from(topo.lbHosts);
  const dbHosts = topo.dbHosts;
  const primaries = dbHosts.filter((d) => topo.db[d]!.role === "primary");
  // The hops, as (sources, rows) pairs in request-path order.
  const hops = [
    { from: entries, ...rows(topo.lbBackends, topo.lbBackendLinks) },
    { from: Int32Array.from({ length: n }, (_, i) => i), ...rows(topo.webApps, topo.webAppLinks) },
    { from: Int32Array.from({ length: n }, (_, i) => i), ...rows(topo.appDbs, topo.appDbLinks) },
    // The primary ships its writes to every replica.
    { from: Int32Array.from(primaries), ...rows(topo.dbPeerLinks.map((_, i) => (primaries.includes(i) ? dbHosts.filter((d) => d !== i) : [])), topo.dbPeerLinks.map((l, i) => (primaries.includes(i) ? l.filter((_, k) => dbHosts[k] !== i) : []))) },
  ];
  const stages = hops.map(() => new Float64Array(n * C));
  const last = new Float64Array(n * C);
  const linkFlow = new Float64Array(game.state.links.length * C);
  const used = new Float64Array(n);
  const capacity = Float64Array.from(game.state.hosts, () => 10000);
  const backlog = new Float64Array(n);
  const demand = Float64Array.from(demandPerClass);
  return {
    tick() {
      for (const s of stages) s.fill(0);
      last.fill(0);
      linkFlow.fill(0);
      used.fill(0);
      // Internet → load balancers, evenly.
      const first = stages[0];
      for (let e = 0; e < entries.length; e++) for (let c = 0; c < C; c++) first[entries[e] * C + c] += demand[c] / entries.length;
      for (let h = 0; h < hops.length; h++) {
        const { from, start, to, link } = hops[h];
        const inflow = stages[h];
        const outflow = h + 1 < stages.length ? stages[h + 1] : last;
        for (let s = 0; s < from.length; s++) {
          const i = from[s];
          const degree = start[i + 1] - start[i];
          for (let c = 0; c < C; c++) {
            const amount = inflow[i * C + c];
            if (amount <= 0) continue;
            used[i] += amount;
            if (degree === 0) continue;
            const share = amount / degree;
            for (let k = start[i]; k < start[i + 1]; k++) {
              outflow[to[k] * C + c] += share;
              if (link[k] >= 0) linkFlow[link[k] * C + c] += share;
            }
          }
        }
      }
      let checksum = 0;
      for (let i = 0; i < n; i++) {
        backlog[i] = Math.max(0, backlog[i] + used[i] - capacity[i]);
        checksum += backlog[i] + used[i];
      }
      return checksum;
    },
  };
}

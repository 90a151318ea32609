// MySQL, the last hop: each database serves its reads and writes within its CPU; the primary then
// ships every committed write to each running replica, which pays to apply it. Semi-synchronous
// replication makes a write wait for a replica's acknowledgement.
import { HOP_MS, PORT_MYSQL, WORK } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import { TIER_DB } from "../report.js";
import { firewallBlocksInside } from "./firewall.js";
import { admit, hopMs } from "./hosts.js";
import { C, type Scratch } from "./scratch.js";
import { countTaken, fail, serve, touch } from "./tally.js";

const WRITE = 2;

export function runMysql(sc: Scratch): void {
  const topo = sc.topo;
  const dbHosts = topo.dbHosts;
  let replicaRunning = false;
  for (let k = 0; k < dbHosts.length; k++) if (topo.db[dbHosts[k]]!.role === "replica" && sc.dbUp[dbHosts[k]] === 1) { replicaRunning = true; break; }
  const semisync = sc.state.replication === "semisync" && replicaRunning;
  for (let di = 0; di < dbHosts.length; di++) {
    const d = dbHosts[di];
    const db = topo.db[d]!;
    const reads = sc.dbIn[d * C + 1];
    const writes = sc.dbIn[d * C + WRITE];
    if (reads + writes <= 0) { if (db.role === "primary") db.lastWrites = 0; continue; }
    const f = serveDb(sc, d, reads, writes, semisync);
    if (db.role === "primary") {
      const committed = writes * f;
      db.lastWrites = Math.round(committed);
      replicate(sc, d, committed);
    }
  }
}

/** Database d serves what its CPU admits; returns the admitted share. */
function serveDb(sc: Scratch, d: number, reads: number, writes: number, semisync: boolean): number {
  touch(sc, d);
  const base = d * C;
  const f = admit(sc, d, reads * WORK.db[1] + writes * WORK.db[2]);
  countTaken(sc, d, TIER_DB, (reads + writes) * f);
  const hop = hopMs(sc, d, HOP_MS.db);
  for (let c = 1; c <= WRITE; c++) {
    const amount = sc.dbIn[base + c];
    if (amount <= 0) continue;
    fail(sc, Reason.QueueFull, d, c, amount * (1 - f), true, TIER_DB);
    serve(sc, c, amount * f, sc.dbLat[base + c] / amount + hop + (c === WRITE && semisync ? HOP_MS.semisync : 0));
  }
  return f;
}

/** The primary at slot d ships `committed` writes to each running replica over their link. */
function replicate(sc: Scratch, d: number, committed: number): void {
  const topo = sc.topo;
  const peerLinks = topo.dbPeerLinks[d];
  for (let k = 0; k < topo.dbHosts.length; k++) {
    const rep = topo.dbHosts[k];
    // The replica connects to the primary's 3306: a firewall there that drops it starves the replica.
    if (rep !== d && topo.db[rep]!.role === "replica" && sc.dbUp[rep] === 1 && !firewallBlocksInside(sc, d, rep, PORT_MYSQL)) {
      admit(sc, rep, committed * WORK.replicaApply);
      if (peerLinks[k] >= 0) sc.report.linkFlow[peerLinks[k] * C + WRITE] += committed;
    }
  }
}

// MySQL, the last hop: each database serves its reads and writes within its CPU; the primary then
// ships every committed write to each running replica that receives its stream (a link to the
// primary), which pays to apply it. Semi-synchronous replication makes a write wait for a
// replica's acknowledgement (or for the timeout, when none can answer); a lagging replica answers
// some reads with data that misses a recent write (sim/replication.ts has the model).
import { HOP_MS, WORK } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import { TIER_DB } from "../report.js";
import { commitWaitMs, receivesFrom, staleShare } from "../replication.js";
import { admit, hopMs } from "./hosts.js";
import { C, type Scratch } from "./scratch.js";
import { countTaken, fail, serve, touch } from "./tally.js";

const READ = 1;
const WRITE = 2;

export function runMysql(sc: Scratch): void {
  const topo = sc.topo;
  const dbHosts = topo.dbHosts;
  const commitWait = commitWaitMs(sc.state);
  for (let di = 0; di < dbHosts.length; di++) {
    const d = dbHosts[di];
    const db = topo.db[d]!;
    const reads = sc.dbIn[d * C + READ];
    const writes = sc.dbIn[d * C + WRITE];
    if (reads + writes <= 0) { if (db.role === "primary") db.lastWrites = 0; continue; }
    const f = serveDb(sc, d, reads, writes, commitWait);
    if (db.role === "replica") countStale(sc, d, reads * f, db.lagTicks);
    else {
      const committed = writes * f;
      db.lastWrites = Math.round(committed);
      replicate(sc, d, committed);
    }
  }
}

/** Database d serves what its CPU admits; returns the admitted share. */
function serveDb(sc: Scratch, d: number, reads: number, writes: number, commitWait: number): number {
  touch(sc, d);
  const base = d * C;
  const f = admit(sc, d, reads * WORK.db[READ] + writes * WORK.db[WRITE]);
  countTaken(sc, d, TIER_DB, (reads + writes) * f);
  const hop = hopMs(sc, d, HOP_MS.db);
  for (let c = READ; c <= WRITE; c++) {
    const amount = sc.dbIn[base + c];
    if (amount <= 0) continue;
    fail(sc, Reason.QueueFull, d, c, amount * (1 - f), true, TIER_DB);
    serve(sc, c, amount * f, sc.dbLat[base + c] / amount + hop + (c === WRITE ? commitWait : 0));
  }
  return f;
}

/** Reads replica d answered without a write they looked for, at `lagTicks` behind. */
function countStale(sc: Scratch, d: number, served: number, lagTicks: number): void {
  const stale = served * staleShare(lagTicks);
  if (stale <= 0) return;
  sc.report.hostStaleReads[d] += stale;
  sc.report.staleReads += stale;
}

/** The primary at slot d ships `committed` writes to each running replica that receives its stream. */
function replicate(sc: Scratch, d: number, committed: number): void {
  const topo = sc.topo;
  const peerLinks = topo.dbPeerLinks[d];
  for (let k = 0; k < topo.dbHosts.length; k++) {
    const rep = topo.dbHosts[k];
    if (topo.db[rep]!.role !== "replica" || sc.dbUp[rep] === 0 || !receivesFrom(topo, rep, d)) continue;
    admit(sc, rep, committed * WORK.replicaApply);
    if (peerLinks[k] >= 0) sc.report.linkFlow[peerLinks[k] * C + WRITE] += committed;
  }
}

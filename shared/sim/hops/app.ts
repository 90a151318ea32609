// The application hop: each read or write costs the application server CPU, then goes to a
// database it can reach. Reads go where the player's read split sends them (replicas only, every
// database, or the primary only); writes go to the primary, which refuses them with a full disk.
import { HOP_MS, PORT_MYSQL, WORK } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import type { DbRole, ReadSplit } from "../../model/types.js";
import { TIER_APP, TIER_DB } from "../report.js";
import { blockedInside, firewallBlocksInside } from "./firewall.js";
import { admit, hopMs } from "./hosts.js";
import { C, type Scratch } from "./scratch.js";
import { countTaken, fail, touch } from "./tally.js";

const READ = 1;
const WRITE = 2;

export function runApp(sc: Scratch): void {
  for (let a = 0; a < sc.n; a++) {
    const reads = sc.appIn[a * C + READ];
    const writes = sc.appIn[a * C + WRITE];
    if (reads + writes > 0) runOne(sc, a, reads, writes);
  }
}

function runOne(sc: Scratch, a: number, reads: number, writes: number): void {
  touch(sc, a);
  const base = a * C;
  const f = admit(sc, a, reads * WORK.app[1] + writes * WORK.app[2]);
  countTaken(sc, a, TIER_APP, (reads + writes) * f);
  const hop = hopMs(sc, a, HOP_MS.app);
  const dbs = sc.topo.appDbs[a];
  for (let c = READ; c <= WRITE; c++) {
    const amount = sc.appIn[base + c];
    if (amount <= 0) continue;
    fail(sc, Reason.QueueFull, a, c, amount * (1 - f), true, TIER_APP);
    const admitted = amount * f;
    const lat = sc.appLat[base + c] / amount + hop;
    if (dbs.length === 0) fail(sc, Reason.NoDb, a, c, admitted);
    else if (c === READ) read(sc, a, admitted, lat);
    else write(sc, a, admitted, lat);
  }
}

/** Whether the read split sends reads to a database in this role. */
function takesReads(split: ReadSplit, role: DbRole): boolean {
  return split === "all" || (split === "replicas" ? role === "replica" : role === "primary");
}

/**
 * Reads go in equal shares to the running databases the read split names (`state.readSplit`); when
 * none of those runs, to any running database, as a read/write-splitting proxy falls back.
 */
function read(sc: Scratch, a: number, admitted: number, lat: number): void {
  const dbs = sc.topo.appDbs[a];
  const split = sc.state.readSplit;
  let upCount = 0;
  let chosen = 0;
  for (let k = 0; k < dbs.length; k++) {
    const d = dbs[k];
    if (sc.dbUp[d] === 0) continue;
    upCount++;
    if (takesReads(split, sc.topo.db[d]!.role)) chosen++;
  }
  if (upCount === 0) { fail(sc, Reason.DbDown, dbs[0], READ, admitted); return; }
  const readers = chosen > 0 ? chosen : upCount;
  const links = sc.topo.appDbLinks[a];
  for (let k = 0; k < dbs.length; k++) {
    const d = dbs[k];
    if (sc.dbUp[d] === 0 || (chosen > 0 && !takesReads(split, sc.topo.db[d]!.role))) continue;
    toDb(sc, a, d, links[k], READ, admitted / readers, lat);
  }
}

function write(sc: Scratch, a: number, admitted: number, lat: number): void {
  const dbs = sc.topo.appDbs[a];
  let p = -1;
  let pk = -1;
  for (let k = 0; k < dbs.length; k++) if (sc.topo.db[dbs[k]]!.role === "primary") { p = dbs[k]; pk = k; break; }
  if (p < 0) fail(sc, Reason.NoPrimary, a, WRITE, admitted);
  else if (sc.dbUp[p] === 0) fail(sc, sc.up[p] === 0 ? Reason.HostDown : Reason.DbDown, p, WRITE, admitted);
  else if (sc.topo.db[p]!.diskPermille >= 1000) fail(sc, Reason.DiskFull, p, WRITE, admitted);
  else toDb(sc, a, p, sc.topo.appDbLinks[a][pk], WRITE, admitted, lat);
}

/** Sends `amount` from application slot a to database slot d, unless d's firewall drops the connection. */
function toDb(sc: Scratch, a: number, d: number, link: number, cls: number, amount: number, latency: number): void {
  if (firewallBlocksInside(sc, d, a, PORT_MYSQL)) { blockedInside(sc, d, link, cls, amount, TIER_DB); return; }
  if (link >= 0) sc.report.linkFlow[link * C + cls] += amount;
  sc.dbIn[d * C + cls] += amount;
  sc.dbLat[d * C + cls] += amount * latency;
}

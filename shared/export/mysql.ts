// MySQL settings for each database server: a unique server id, the binary log the replicas read,
// read_only on replicas, and semi-synchronous replication when the game chose it. Written for
// MySQL 8.0.26 and later (the `source`/`replica` names; older servers spell them `master`/`slave`).
import { PORT_MYSQL } from "../content/catalog.js";
import type { GameState } from "../model/types.js";
import { receivesFrom, SEMISYNC_TIMEOUT_MS } from "../sim/replication.js";
import { design, type ExportFile } from "./common.js";

const READ_SPLIT_WORDS = { replicas: "the replicas (the primary only when none runs)", all: "every database, primary and replicas alike", primary: "the primary only" } as const;

export function mysqlConfig(state: GameState, dbIndex: number): string {
  const { topo, hosts } = design(state);
  const host = hosts[dbIndex];
  const db = topo.db[dbIndex];
  if (!db) throw new Error(`${host.name} runs no database`);
  const semisync = state.replication === "semisync";
  const primary = topo.dbHosts.find((d) => topo.db[d]!.role === "primary");
  const lines = [
    `# my.cnf for ${host.name}: the ${db.role === "primary" ? "primary (takes every write)" : "replica (copies the primary, serves reads)"}`,
    "[mysqld]",
    `server-id = ${host.id}`,
    `bind-address = ${host.privateIp}`,
    `port = ${PORT_MYSQL}`,
    "log_bin = mysql-bin",
    "binlog_format = ROW",
    "gtid_mode = ON",
    "enforce_gtid_consistency = ON",
  ];
  if (db.role === "primary") {
    if (semisync) {
      // The game's fallback (sim/replication.ts) follows these: wait for one replica's receipt,
      // give up after the timeout and commit asynchronously until a replica is back.
      lines.push("plugin-load-add = semisync_source.so", "rpl_semi_sync_source_enabled = 1",
        `rpl_semi_sync_source_timeout = ${SEMISYNC_TIMEOUT_MS}`, "rpl_semi_sync_source_wait_for_replica_count = 1",
        "rpl_semi_sync_source_wait_point = AFTER_SYNC", "rpl_semi_sync_source_wait_no_replica = ON");
    }
    lines.push(`# The application sends reads to ${READ_SPLIT_WORDS[state.readSplit]} (a read/write split in its database settings).`);
  } else {
    lines.push("read_only = ON", "super_read_only = ON", "relay_log = relay-bin", "log_replica_updates = ON");
    if (semisync) lines.push("plugin-load-add = semisync_replica.so", "rpl_semi_sync_replica_enabled = 1");
    if (primary !== undefined) {
      lines.push("", "# Then, once, in the mysql client:",
        `#   CHANGE REPLICATION SOURCE TO SOURCE_HOST='${hosts[primary].privateIp}', SOURCE_PORT=${PORT_MYSQL},`,
        "#     SOURCE_USER='replicator', SOURCE_PASSWORD='…', SOURCE_AUTO_POSITION=1;",
        "#   START REPLICA;");
      if (!receivesFrom(topo, dbIndex, primary)) lines.push(`# In the game ${host.name} has no link to ${hosts[primary].name}: it cannot reach the primary, so it copies nothing.`);
    }
  }
  return lines.join("\n") + "\n";
}

export function mysqlFiles(state: GameState): ExportFile[] {
  const { topo, hosts } = design(state);
  return topo.dbHosts.map((i) => ({ path: `${hosts[i].name}/my.cnf`, content: mysqlConfig(state, i) }));
}

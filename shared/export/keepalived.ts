// keepalived for an active-passive load-balancer pair: VRRP between the two, the virtual IP on
// whichever holds it, and HAProxy's health deciding who that is. The timings are the game's own
// (content/catalog.ts VRRP, sim/vrrp.ts): the standby takes the address 3 adverts plus the skew
// after the master's host goes silent, or `fall` failed checks plus the skew after HAProxy dies.
import { TICKS_PER_SECOND, VRRP } from "../content/catalog.js";
import type { GameState, LbPair } from "../model/types.js";
import { masterDownTicks, scriptFaultTicks } from "../sim/vrrp.js";
import { design, type ExportFile } from "./common.js";

/** Whole seconds, as keepalived writes intervals. */
const seconds = (ticks: number) => ticks / TICKS_PER_SECOND;

export function keepalivedConfig(state: GameState, pair: LbPair, memberId: number): string {
  const { topo, hosts } = design(state);
  const me = hosts[topo.indexById.get(memberId)!];
  const peerId = pair.members[0] === memberId ? pair.members[1] : pair.members[0];
  const peer = hosts[topo.indexById.get(peerId)!];
  const master = pair.active === memberId;
  return [
    `# keepalived.conf for ${me.name}: ${master ? "holds" : "stands by for"} the virtual IP ${pair.vip} (partner ${peer.name})`,
    `# The backup takes the address ${seconds(masterDownTicks())} s after the master's adverts stop (3 x advert_int + skew),`,
    `# ${seconds(scriptFaultTicks())} s after HAProxy dies on a live master (fall x interval + skew). Requests to the address fail meanwhile.`,
    "global_defs {",
    `    router_id ${me.name}`,
    "    enable_script_security",
    "    script_user root",
    "}",
    "",
    "vrrp_script chk_haproxy {",
    "    script \"/usr/bin/killall -0 haproxy\"",
    `    interval ${seconds(VRRP.scriptIntervalTicks)}`,
    `    fall ${VRRP.scriptFall}`,
    "    rise 2",
    "}",
    "",
    "vrrp_instance www {",
    `    state ${master ? "MASTER" : "BACKUP"}`,
    "    interface eth0",
    `    virtual_router_id ${50 + (pair.id % 200)}`,
    `    priority ${master ? VRRP.masterPriority : VRRP.backupPriority}`,
    `    advert_int ${seconds(VRRP.advertTicks)}`,
    `    unicast_src_ip ${me.privateIp}`,
    "    unicast_peer {",
    `        ${peer.privateIp}`,
    "    }",
    "    authentication {",
    "        auth_type PASS",
    "        auth_pass foobar42",
    "    }",
    "    virtual_ipaddress {",
    `        ${pair.vip}`,
    "    }",
    "    track_script {",
    "        chk_haproxy",
    "    }",
    "}",
  ].join("\n") + "\n";
}

export function keepalivedFiles(state: GameState): ExportFile[] {
  const { topo, hosts } = design(state);
  const out: ExportFile[] = [];
  for (const pair of state.pairs) {
    if (pair.mode !== "active-passive" || !pair.vip) continue;
    for (const id of pair.members) {
      const i = topo.indexById.get(id);
      if (i !== undefined) out.push({ path: `${hosts[i].name}/keepalived.conf`, content: keepalivedConfig(state, pair, id) });
    }
  }
  return out;
}

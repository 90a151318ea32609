// keepalived for an active-passive load-balancer pair: VRRP between the two, the virtual IP on
// whichever holds it, and HAProxy's health deciding who that is. The game moves the address two
// seconds after the active member stops answering: one advert a second, three missed.
import type { GameState, LbPair } from "../model/types.js";
import { design, type ExportFile } from "./common.js";

export function keepalivedConfig(state: GameState, pair: LbPair, memberId: number): string {
  const { topo, hosts } = design(state);
  const me = hosts[topo.indexById.get(memberId)!];
  const peerId = pair.members[0] === memberId ? pair.members[1] : pair.members[0];
  const peer = hosts[topo.indexById.get(peerId)!];
  const master = pair.active === memberId;
  return [
    `# keepalived.conf for ${me.name}: ${master ? "holds" : "stands by for"} the virtual IP ${pair.vip} (partner ${peer.name})`,
    "global_defs {",
    `    router_id ${me.name}`,
    "    enable_script_security",
    "    script_user root",
    "}",
    "",
    "vrrp_script chk_haproxy {",
    "    script \"/usr/bin/killall -0 haproxy\"",
    "    interval 1",
    "    fall 2",
    "    rise 2",
    "}",
    "",
    "vrrp_instance www {",
    `    state ${master ? "MASTER" : "BACKUP"}`,
    "    interface eth0",
    `    virtual_router_id ${50 + (pair.id % 200)}`,
    `    priority ${master ? 101 : 100}`,
    "    advert_int 1",
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

// Nginx, the web server hop: it serves static files itself and proxies dynamic requests (reads,
// writes) evenly to the running application servers it knows: its own, else the linked ones.
import { HOP_MS, PORT_APP, WORK } from "../../content/catalog.js";
import { Reason } from "../../content/reasons.js";
import { TIER_APP, TIER_WEB } from "../report.js";
import { blockedInside, firewallBlocksInside } from "./firewall.js";
import { admit, hopMs } from "./hosts.js";
import { ATTACK, C, type Scratch } from "./scratch.js";
import { countTaken, fail, serve, touch } from "./tally.js";

const WEB_WORK_STATIC = WORK.web[0];
const WEB_WORK_PROXY = WORK.web[1];
const TLS_WORK = WORK.tls[0];

export function runNginx(sc: Scratch): void {
  for (let j = 0; j < sc.n; j++) {
    const base = j * C;
    const total = sc.webIn[base] + sc.webIn[base + 1] + sc.webIn[base + 2] + sc.webIn[base + 3];
    if (total > 0) serveWeb(sc, j, total);
  }
}

function serveWeb(sc: Scratch, j: number, total: number): void {
  touch(sc, j);
  const base = j * C;
  // TLS is paid only on what arrived encrypted: from users when Nginx holds the certificate, from a
  // load balancer when it re-encrypts (backend TLS). Plain HTTP from a load balancer costs nothing.
  const tlsWork = sc.webTlsWork[j];
  sc.webTlsWork[j] = 0;
  const work = sc.webIn[base] * WEB_WORK_STATIC + (sc.webIn[base + 1] + sc.webIn[base + 2]) * WEB_WORK_PROXY + sc.webIn[base + 3] * WEB_WORK_STATIC + tlsWork;
  const f = admit(sc, j, work);
  countTaken(sc, j, TIER_WEB, total * f);
  const hop = hopMs(sc, j, HOP_MS.web + (HOP_MS.tls * tlsWork) / (TLS_WORK * total));
  const apps = sc.topo.webApps[j];
  let upCount = 0;
  for (let k = 0; k < apps.length; k++) upCount += sc.appUp[apps[k]];
  for (let c = 0; c < C; c++) {
    const amount = sc.webIn[base + c];
    if (amount <= 0) continue;
    fail(sc, Reason.QueueFull, j, c, amount * (1 - f), true, TIER_WEB);
    const admitted = amount * f;
    const lat = sc.webLat[base + c] / amount + hop;
    if (c === 0 || c === ATTACK) { serve(sc, c, admitted, lat); continue; }
    if (apps.length === 0) { fail(sc, Reason.NoApp, j, c, admitted); continue; }
    if (upCount === 0) { fail(sc, sc.up[apps[0]] === 0 ? Reason.HostDown : Reason.AppDown, apps[0], c, admitted); continue; }
    proxy(sc, j, c, admitted, lat, upCount);
  }
}

/** Shares `admitted` of class `cls` evenly among web server j's `upCount` running application servers (an application's firewall may drop its share). */
function proxy(sc: Scratch, j: number, cls: number, admitted: number, lat: number, upCount: number): void {
  const apps = sc.topo.webApps[j];
  const links = sc.topo.webAppLinks[j];
  const linkFlow = sc.report.linkFlow;
  for (let k = 0; k < apps.length; k++) {
    const a = apps[k];
    if (sc.appUp[a] === 0) continue;
    const part = admitted / upCount;
    if (firewallBlocksInside(sc, a, j, PORT_APP)) { blockedInside(sc, a, links[k], cls, part, TIER_APP); continue; }
    if (links[k] >= 0) linkFlow[links[k] * C + cls] += part;
    sc.appIn[a * C + cls] += part;
    sc.appLat[a * C + cls] += part * lat;
  }
}

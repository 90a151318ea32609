// The whiteboard: the design as the curriculum draws it, as an SVG good enough for a slide.
// Left to right: the user's browser, DNS, then load balancers, web, application and database
// servers; each host a box with its name, addresses and software, a brick wall where a firewall
// filters it, a padlock where a certificate is, an agent where it is monitored; and the numbered
// path of one request from the browser to the database.
import { HOST_TIERS } from "../content/catalog.js";
import { noteText } from "../content/words.js";
import type { GameState } from "../model/types.js";
import { resolveName } from "../sim/hops/dns.js";
import { design, DOMAIN, hasValidCert, ticksToSeconds } from "./common.js";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const COL_W = 250;
const BOX_W = 210;
const TOP = 140;
const GAP = 36;
const LINE = 16;

interface Box { x: number; y: number; w: number; h: number }

export function whiteboardSvg(state: GameState, title = "www.foobar.com"): string {
  const { topo, hosts } = design(state);
  const column = (i: number): number => (topo.lb[i] ? 0 : topo.web[i] ? 1 : topo.app[i] ? 2 : topo.db[i] ? 3 : 1);
  const used = [...new Set(hosts.map((_, i) => column(i)))].sort((a, b) => a - b);
  const colX = (c: number) => 2 * COL_W + used.indexOf(c) * COL_W + 20;
  const labels = ["Load balancers", "Web servers", "Application servers", "Databases"];

  // Each host's text lines, to size its box.
  const hostLines = hosts.map((h, i) => {
    const lines: { text: string; cls: string }[] = [{ text: `${h.name} · ${HOST_TIERS[h.tier].label.split(" (")[0].toLowerCase()}`, cls: "name" }];
    if (h.publicIp) lines.push({ text: `public ${h.publicIp}`, cls: "ip" });
    lines.push({ text: `private ${h.privateIp}`, cls: "ip" });
    const lb = topo.lb[i];
    if (lb) lines.push({ text: `HAProxy · ${lb.algorithm}${lb.healthCheck ? " · checks" : ""}`, cls: "svc" });
    if (topo.web[i]) lines.push({ text: "Nginx web server", cls: "svc" });
    if (topo.app[i]) lines.push({ text: "application + code base", cls: "svc" });
    const db = topo.db[i];
    if (db) lines.push({ text: `MySQL ${db.role}${db.role === "replica" ? ` (${state.replication})` : ""}`, cls: "svc" });
    if (h.status !== "up") lines.push({ text: `(${h.status}${h.note ? `: ${noteText(h.note)}` : ""})`, cls: "warn" });
    return lines;
  });
  const boxes: Box[] = [];
  const nextY = new Map<number, number>();
  hosts.forEach((_, i) => {
    const c = column(i);
    const y = nextY.get(c) ?? TOP;
    const h = 14 + hostLines[i].length * LINE + (topo.monitor[i] ? 10 : 0);
    boxes[i] = { x: colX(c), y, w: BOX_W, h };
    nextY.set(c, y + h + GAP);
  });
  const bottom = Math.max(TOP + 260, ...[...nextY.values()]);
  const width = 2 * COL_W + used.length * COL_W + 70;
  const out: string[] = [];
  const text = (x: number, y: number, s: string, cls: string, anchor = "start") => out.push(`<text x="${x}" y="${y}" class="${cls}" text-anchor="${anchor}">${escapeXml(s)}</text>`);

  // Browser and DNS.
  const browser: Box = { x: 30, y: TOP + 40, w: 170, h: 64 };
  const dns: Box = { x: COL_W + 10, y: TOP + 40, w: 200, h: 90 };
  const www = state.dns.www;
  const answer = resolveName(state);

  // Links first, so boxes sit on top.
  const mid = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
  const edge = (a: Box, b: Box) => {
    const ca = mid(a);
    const cb = mid(b);
    if (Math.abs(ca.x - cb.x) < 1) {
      const x = a.x + a.w;
      return { d: `M ${x} ${ca.y} C ${x + 50} ${ca.y}, ${x + 50} ${cb.y}, ${x} ${cb.y}`, mx: x + 38, my: (ca.y + cb.y) / 2 };
    }
    const [l, r] = ca.x < cb.x ? [a, b] : [b, a];
    const x1 = l.x + l.w;
    const y1 = mid(l).y;
    const x2 = r.x;
    const y2 = mid(r).y;
    return { d: `M ${x1} ${y1} L ${x2} ${y2}`, mx: (x1 + x2) / 2, my: (y1 + y2) / 2 };
  };
  for (const l of state.links) {
    const a = topo.indexById.get(l.from);
    const b = topo.indexById.get(l.to);
    if (a === undefined || b === undefined) continue;
    const e = edge(boxes[a], boxes[b]);
    // Between a load balancer and its web servers: say whether the hop is encrypted (backend TLS)
    // or plain HTTP, which an intruder inside can read.
    const lb = topo.lb[a] ? topo.lb[a] : topo.lb[b];
    const web = topo.lb[a] ? topo.web[b] : topo.web[a];
    if (lb && web) {
      out.push(`<path d="${e.d}" class="link${lb.backendTls ? " tls" : ""}"/>`);
    } else {
      out.push(`<path d="${e.d}" class="link"/>`);
    }
  }

  // The numbered request path: the first entry, its first backend, that server's application, its database.
  const steps: string[] = [];
  const marks: { x: number; y: number; n: number }[] = [];
  const arrow = (a: Box, b: Box, label: string) => {
    const e = edge(a, b);
    marks.push({ x: e.mx, y: e.my, n: steps.length + 1 });
    steps.push(label);
  };
  const dnsEdge = { x: browser.x + browser.w, y: browser.y + 20 };
  out.push(`<path d="M ${dnsEdge.x} ${dnsEdge.y} L ${dns.x} ${dnsEdge.y}" class="flow"/>`);
  out.push(`<path d="M ${dns.x} ${dnsEdge.y + 24} L ${dnsEdge.x} ${dnsEdge.y + 24}" class="flow"/>`);
  marks.push({ x: (dnsEdge.x + dns.x) / 2, y: dnsEdge.y, n: 1 });
  steps.push(`The browser asks DNS for www.${DOMAIN}.`);
  marks.push({ x: (dnsEdge.x + dns.x) / 2, y: dnsEdge.y + 24, n: 2 });
  steps.push(www ? `DNS answers ${answer.join(", ") || "nothing"} (${www.type} record, kept ${ticksToSeconds(www.ttlTicks)} s in caches).` : "DNS has no record for www yet.");
  const entryIp = answer[0];
  const pair = state.pairs.find((p) => p.vip === entryIp);
  const entry = pair ? topo.indexById.get(pair.active) : entryIp ? topo.ipToIndex.get(entryIp) : undefined;
  if (entry !== undefined) {
    const https = hasValidCert(state, hosts[entry]);
    const target = boxes[entry];
    out.push(`<path d="M ${browser.x + browser.w / 2} ${browser.y + browser.h} C ${browser.x + 90} ${bottom - 10}, ${target.x - 80} ${bottom - 10}, ${target.x} ${target.y + target.h - 8}" class="flow"/>`);
    marks.push({ x: COL_W + 110, y: bottom - 40, n: 3 });
    steps.push(`The browser connects to ${hosts[entry].name}${pair ? ` through the virtual IP ${pair.vip}` : ""} over ${https ? "HTTPS (port 443)" : "plain HTTP (port 80)"}.`);
    let web: number | undefined = entry;
    if (topo.lb[entry]) {
      web = topo.lbBackends[entry][0];
      if (web !== undefined) arrow(boxes[entry], boxes[web], `HAProxy (${topo.lb[entry]!.algorithm}) picks a web server, here ${hosts[web].name}, and passes the request on ${topo.lb[entry]!.backendTls ? "re-encrypted (TLS to port 443)" : "in plain HTTP (port 80)"}.`);
    }
    if (web !== undefined && topo.web[web]) {
      const app = topo.webApps[web][0];
      if (app !== undefined && app !== web) arrow(boxes[web], boxes[app], `Nginx serves static files itself and passes dynamic requests to the application on ${hosts[app].name}.`);
      else if (app !== undefined) steps.push(`Nginx on ${hosts[web].name} serves static files and passes dynamic requests to the application on the same server.`);
      if (app !== undefined) {
        const primary = topo.appDbs[app].find((d) => topo.db[d]!.role === "primary");
        const dbHost = primary ?? topo.appDbs[app][0];
        if (dbHost !== undefined && dbHost !== app) arrow(boxes[app], boxes[dbHost], `The application reads and writes MySQL on ${hosts[dbHost].name}${primary !== undefined ? " (the primary takes the writes)" : ""}.`);
        else if (dbHost !== undefined) steps.push(`The application queries MySQL on the same server.`);
      }
    }
    steps.push("The page travels back the same way to the browser.");
  }

  // Column headings.
  text(browser.x + browser.w / 2, TOP - 44, "User", "heading", "middle");
  text(dns.x + dns.w / 2, TOP - 44, "DNS", "heading", "middle");
  for (const c of used) text(colX(c) + BOX_W / 2, TOP - 44, labels[c], "heading", "middle");

  // Virtual-IP pairs: a dashed frame around both members.
  for (const p of state.pairs) {
    const m = p.members.map((id) => topo.indexById.get(id)).filter((i): i is number => i !== undefined).map((i) => boxes[i]);
    if (m.length !== 2) continue;
    const x = Math.min(m[0].x, m[1].x) - 10;
    const y = Math.min(m[0].y, m[1].y) - 22;
    const y2 = Math.max(m[0].y + m[0].h, m[1].y + m[1].h) + 8;
    out.push(`<rect x="${x}" y="${y}" width="${BOX_W + 20}" height="${y2 - y}" rx="10" class="pair"/>`);
    text(x + 8, y + 14, p.mode === "active-passive" ? `cluster · active-passive · VIP ${p.vip}` : "cluster · active-active · both in DNS", "small");
  }

  // Browser and DNS boxes.
  out.push(`<rect x="${browser.x}" y="${browser.y}" width="${browser.w}" height="${browser.h}" rx="8" class="client"/>`);
  text(browser.x + 12, browser.y + 22, "User's browser", "name");
  text(browser.x + 12, browser.y + 42, `types www.${DOMAIN}`, "small");
  out.push(`<rect x="${dns.x}" y="${dns.y}" width="${dns.w}" height="${dns.h}" rx="8" class="dns"/>`);
  text(dns.x + 12, dns.y + 22, `${DOMAIN} zone`, "name");
  text(dns.x + 12, dns.y + 42, www ? `www ${www.type} ${www.values.join(", ")}` : "www: no record", "small");
  text(dns.x + 12, dns.y + 60, www ? `TTL ${ticksToSeconds(www.ttlTicks)} s` : "", "small");
  if (state.dns.apex.length) text(dns.x + 12, dns.y + 78, `@ A ${state.dns.apex.join(", ")}`, "small");

  // Hosts.
  hosts.forEach((h, i) => {
    const b = boxes[i];
    out.push(`<g class="host" data-host="${escapeXml(h.name)}">`);
    out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" class="${h.status === "up" ? "box" : "box down"}"/>`);
    hostLines[i].forEach((l, k) => text(b.x + 14, b.y + 20 + k * LINE, l.text, l.cls));
    if (topo.firewall[i]) {
      // A brick wall on the box's left edge, where traffic comes in.
      const fx = b.x - 12;
      for (let row = 0; row < Math.floor(b.h / 8); row++) out.push(`<rect x="${fx + (row % 2 ? 3 : 0)}" y="${b.y + row * 8}" width="9" height="7" class="brick"/>`);
      // Each rule: a bare port is open to anywhere; "3306←app" allows it from one server or role.
      const rules = topo.firewall[i]!.rules.map((r) => (r.from.kind === "anywhere" ? `${r.port}` : `${r.port}←${r.from.kind === "role" ? r.from.role : hosts[topo.indexById.get(r.from.host) ?? -1]?.name ?? "?"}`));
      text(fx - 2, b.y + b.h + 12, `firewall: ${rules.join(", ") || "all closed"}`, "small");
    }
    if (topo.lb[i] && topo.lbBackends[i].length) {
      // Where TLS ends: the hop to the web servers is either re-encrypted or readable inside.
      const tls = topo.lb[i]!.backendTls;
      text(b.x + b.w, b.y + b.h + (topo.firewall[i] ? 26 : 12), tls ? "to web servers: TLS" : "to web servers: plain HTTP", tls ? "tlsmark" : "plainmark", "end");
    }
    if (hasValidCert(state, h)) {
      const lx = b.x + b.w - 30;
      out.push(`<path d="M ${lx + 4} ${b.y + 12} v -4 a 6 6 0 0 1 12 0 v 4" class="shackle"/><rect x="${lx}" y="${b.y + 11}" width="20" height="14" rx="2" class="lock"/>`);
      text(lx + 10, b.y + 37, "SSL", "tiny", "middle");
    }
    if (topo.monitor[i]) {
      out.push(`<circle cx="${b.x + b.w - 14}" cy="${b.y + b.h - 12}" r="7" class="agent"/>`);
      text(b.x + b.w - 26, b.y + b.h - 8, "monitoring agent", "tiny", "end");
    }
    out.push("</g>");
  });

  // Number marks on top of everything.
  for (const m of marks) {
    out.push(`<circle cx="${m.x}" cy="${m.y}" r="11" class="step"/>`);
    text(m.x, m.y + 4, String(m.n), "stepn", "middle");
  }

  // The steps, written out under the drawing.
  const legendY = bottom + 20;
  text(30, legendY, "What happens when a user types www.foobar.com", "heading");
  steps.forEach((s, k) => text(30, legendY + 24 + k * 20, `${k + 1}. ${s}`, "legend"));
  const height = legendY + 24 + steps.length * 20 + 20;

  const style = [
    "text{font-family:Helvetica,Arial,sans-serif;fill:#1d2433}",
    ".title{font-size:22px;font-weight:bold}.heading{font-size:15px;font-weight:bold;fill:#44506a}",
    ".name{font-size:13px;font-weight:bold}.ip{font-size:11px;fill:#52607a}.svc{font-size:12px}.warn{font-size:11px;fill:#b3261e}",
    ".small{font-size:11px;fill:#44506a}.tiny{font-size:9px;fill:#44506a}.legend{font-size:13px}",
    ".box{fill:#ffffff;stroke:#3b4a6b;stroke-width:1.5}.box.down{fill:#eceff4;stroke-dasharray:4 3}",
    ".client{fill:#eef6ff;stroke:#3b6bb3}.dns{fill:#fff8e6;stroke:#b38a2e}",
    ".link{fill:none;stroke:#9aa6bf;stroke-width:2}.link.tls{stroke:#8a6500;stroke-width:3}.tlsmark{font-size:10px;font-weight:bold;fill:#8a6500}.plainmark{font-size:10px;fill:#b3261e}.flow{fill:none;stroke:#2e7d32;stroke-width:2;stroke-dasharray:6 4}",
    ".pair{fill:none;stroke:#7a5bb3;stroke-width:1.5;stroke-dasharray:8 4}",
    ".brick{fill:#c1502e}.lock{fill:#f2b705;stroke:#8a6500}.shackle{fill:none;stroke:#8a6500;stroke-width:2}",
    ".agent{fill:#2e7d32}.step{fill:#2e7d32}.stepn{font-size:12px;font-weight:bold;fill:#ffffff}",
  ].join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${style}</style>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#fbfcfe"/>`,
    `<text x="30" y="40" class="title">${escapeXml(title)}</text>`,
    `<text x="30" y="62" class="small">${escapeXml(`${hosts.length} server${hosts.length === 1 ? "" : "s"} · ${DOMAIN} · drawn by Nines`)}</text>`,
    ...out,
    "</svg>",
  ].join("\n") + "\n";
}

// The right-hand panel for the selected server: its state, its software and every action on it.
// Rebuilt only when what it shows changes shape; live numbers are updated in place.
import { copyCost, COSTS, findService, hostUpkeepPerSecond, HOST_TIERS, isMonitored, memoryUsedMb, noteText, SERVICE_ORDER, SERVICES, visibleHostStatus, visibleServiceStatus, sellRefund, resizeCost, serverCapacityRps, TICKS_PER_MINUTE, TICKS_PER_SECOND, type Host, type ServiceKind } from "../../shared/index.js";
import { compact, duration, money, utilisation } from "../logic/format.js";
import { replicaLine, semisyncLine } from "../logic/replicationText.js";
import type { GameSession } from "../logic/session.js";
import { actionButton, type ActionButton } from "./actionButton.js";
import { h } from "./dom.js";
import { infoButton } from "./infoDialog.js";
import { serviceControls } from "./serviceControls.js";

export interface InspectorHooks {
  startConnect(hostId: number): void;
  deselect(): void;
}

const INSTALL_LABEL: Record<ServiceKind, string> = { web: "Nginx", app: "App server", db: "MySQL", lb: "HAProxy", firewall: "Firewall", monitor: "Monitoring" };


export class Inspector {
  readonly el = h("div", { class: "inspector", "data-panel": "inspector" });
  private buttons: ActionButton[] = [];
  private signature = "";
  private live: { cpu: HTMLElement; mem: HTMLElement } | null = null;

  constructor(private readonly session: GameSession, private readonly hooks: InspectorHooks) {}

  refresh(hostId: number): void {
    const host = this.session.state.hosts.find((h) => h.id === hostId);
    if (!host) return;
    const sig = signatureOf(this.session, host);
    const busy = this.el.contains(document.activeElement) && /^(SELECT|INPUT)$/.test(document.activeElement!.tagName);
    if (sig !== this.signature && !busy) {
      this.signature = sig;
      this.build(host);
    }
    for (const b of this.buttons) b.refresh();
    // The replication line (stale reads, lag, semi-sync) changes every tick: updated in place.
    const replication = this.el.querySelector<HTMLElement>("[data-live=replication]");
    const line = replication && (findService(host, "db")?.role === "primary" ? semisyncLine(this.session.state) : replicaLine(this.session.state, host));
    if (replication && line && replication.textContent !== line) replication.textContent = line;
    if (this.live) {
      this.live.cpu.textContent = isMonitored(host) ? utilisation(host.utilPermille) : "unmonitored";
      this.live.mem.textContent = `${memoryUsedMb(host)} / ${HOST_TIERS[host.tier].memoryMb} MB`;
    }
  }

  private build(host: Host): void {
    const s = this.session;
    const sc = s.game.scenario;
    this.buttons = [];
    const btn = (b: ActionButton) => (this.buttons.push(b), b.el);
    const cpu = h("dd", null);
    const mem = h("dd", null);
    this.live = { cpu, mem };
    // What the player has been told, not the hidden truth (monitoring is sight).
    const seen = visibleHostStatus(s.state, host);
    const statusText = host.compromised ? "breached" : seen;
    const installable = SERVICE_ORDER.filter((k) => sc.allowed.services.includes(k) && !host.services.some((x) => x.kind === k));
    const neighbours = s.state.links.filter((l) => l.from === host.id || l.to === host.id).map((l) => (l.from === host.id ? l.to : l.from));
    const nameOf = (id: number) => s.state.hosts.find((x) => x.id === id)?.name ?? `#${id}`;

    this.el.replaceChildren(
      h("section", { class: "card" },
        h("div", { class: "host-head" }, h("h2", null, host.name), h("span", { class: `status-pill ${host.compromised ? "down" : seen}` }, statusText === "up" ? "● up" : statusText === "starting" ? "◐ starting" : `✖ ${statusText}`)),
        host.note && seen !== "up" ? h("div", { class: "small muted" }, noteText(host.note)) : null,
        h("dl", { class: "kv" },
          h("dt", null, "Machine"), h("dd", null, HOST_TIERS[host.tier].label),
          h("dt", null, "Public IP"), h("dd", null, host.publicIp ?? "none (private only)"),
          h("dt", null, "Private IP"), h("dd", null, host.privateIp),
          h("dt", null, "CPU"), cpu,
          h("dt", null, "Memory"), mem,
          h("dt", null, "Handles"), h("dd", { "data-field": "capacity" }, capacityText(host, sc.traffic.mix)),
          h("dt", null, "Upkeep"), h("dd", { "data-field": "upkeep" }, `${money(hostUpkeepPerSecond(host) * TICKS_PER_MINUTE / TICKS_PER_SECOND)}/min with its software`),
        ),
        h("div", { class: "row" },
          seen === "down" || host.compromised ? btn(actionButton(s, host.compromised ? "Rebuild" : "Repair", () => ({ type: "repairHost", host: host.id }), { cls: "primary small", hint: money(COSTS.repairHost) })) : null,
          h("button", { class: "action small", type: "button", "data-action": "connect", "data-tutorial": "connect", title: "Then click the server to connect to (C)", onclick: () => this.hooks.startConnect(host.id) }, h("span", { class: "label" }, "Connect to…")),
          btn(actionButton(s, "Copy setup", () => ({ type: "copyHost", host: host.id }), { cls: "small", tutorial: "copy-setup", hint: money(copyCost(host)), title: "Buy a new server of the same size with the same software and firewall rules, in one undoable step (N)" })),
          btn(actionButton(s, "Sell", () => ({ type: "sellHost", host: host.id }), { cls: "small danger", hint: `+${money(sellRefund(host))}`, then: () => this.hooks.deselect() })),
        ),
        sc.allowed.tiers.length > 1 ? h("div", { class: "row", style: "margin-top:6px" }, sc.allowed.tiers.filter((t) => t !== host.tier).map((t) => btn(actionButton(s, `Resize to ${t}`, () => ({ type: "resizeHost", host: host.id, tier: t }), { cls: "small", tutorial: `resize-${t}`, hint: resizeHint(host, t) })))) : null,
      ),
      h("section", { class: "card" },
        h("h3", null, "Software", infoButton("server")),
        host.services.length === 0 ? h("div", { class: "small muted" }, "Nothing installed yet.") : null,
        h("div", { class: "svc-list" }, host.services.map((svc) => serviceControls(s, host, svc, btn))),
        installable.length ? h("div", { class: "section-title" }, "Install") : null,
        h("div", { class: "install-grid" }, installable.map((k) =>
          btn(actionButton(s, `+ ${INSTALL_LABEL[k]}`, () => ({ type: "install", host: host.id, service: k }), { tutorial: `install-${k}`, hint: `${money(SERVICES[k].price)} · ${duration(SERVICES[k].installTicks)}`, title: `${SERVICES[k].label} (${SERVICES[k].product})` })))),
      ),
      h("section", { class: "card" },
        h("h3", null, "Connections"),
        neighbours.length === 0 ? h("div", { class: "small muted" }, host.services.length > 0 && s.state.hosts.length > 1 ? "Not wired to anything. Use “Connect to…”: load balancer → web → application → database." : "Servers talk over links: load balancer → web → application → database.") : null,
        h("div", { class: "svc-list" }, neighbours.map((id) => h("div", { class: "svc" }, h("span", { class: "name" }, `↔ ${nameOf(id)}`),
          btn(actionButton(s, "Disconnect", () => ({ type: "disconnect", from: host.id, to: id }), { cls: "small" }))))),
      ),
    );
  }
}

function signatureOf(session: GameSession, host: Host): string {
  const st = session.state;
  const links = st.links.filter((l) => l.from === host.id || l.to === host.id).map((l) => l.id).join(",");
  const pairs = st.pairs.map((p) => `${p.id}:${p.members}:${p.active}:${p.failoverAt >= 0}`).join(",");
  const svcs = host.services.map((x) => JSON.stringify({ ...x, lastWrites: 0, readyAt: 0, diskPermille: "diskPermille" in x ? Math.floor(x.diskPermille / 50) : 0, lagTicks: "lagTicks" in x ? Math.floor(x.lagTicks / 10) : 0 })).join();
  const cert = host.cert ? Math.floor((host.cert.expiresAt - st.tick) / 100) : "none";
  // A load balancer's backend TLS line names the neighbours whose certificates it would refuse.
  const neighbourCerts = host.services.some((x) => x.kind === "lb")
    ? st.links.filter((l) => l.from === host.id || l.to === host.id).map((l) => {
      const o = st.hosts.find((x) => x.id === (l.from === host.id ? l.to : l.from));
      return !o?.cert ? "n" : o.cert.expiresAt > st.tick ? "v" : "x";
    }).join("")
    : "";
  const seen = host.services.map((x) => visibleServiceStatus(st, host, x)).join();
  return [host.id, visibleHostStatus(st, host), seen, noteText(host.note), host.tier, host.compromised, svcs, links, pairs, cert, neighbourCerts, st.replication, st.readSplit, st.semisync.fellBack, st.semisync.waitUntil >= 0, st.hosts.length, JSON.stringify(st.dns.www)].join("|");
}

/** "$1,400 · restarts the server": a resize is the chapter's costliest click, so its price shows before it. */
export function resizeHint(host: Host, tier: Host["tier"]): string {
  const cost = resizeCost(host, tier);
  return `${cost > 0 ? money(cost) : "free"} · restarts the server`;
}

/** "about 120 req/s": what this machine carries alone at the chapter's mix of requests. */
export function capacityText(host: Host, mix: readonly number[]): string {
  const rps = serverCapacityRps(host, mix);
  return rps === null ? "no requests (nothing that serves them yet)" : `about ${compact(rps)} req/s`;
}

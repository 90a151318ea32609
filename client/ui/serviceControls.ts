// One installed service in the inspector: its status and the settings that belong to it
// (load-balancer algorithm and health checks, firewall rules, certificate, database role).
import { COSTS, firewallFixText, HEALTH_CHECK_INTERVALS, noteText, READ_SPLITS, replicationCutOff, topology, SERVICES, visibleServiceStatus, type AnyService, type Command, type Host, type LbPair, type RunStatus } from "../../shared/index.js";
import { duration, money } from "../logic/format.js";
import { firewallControls } from "./firewallPanel.js";
import { pairFacts, pairMissingStep } from "../logic/pairView.js";
import { hasReplica, READ_SPLIT_HINTS, READ_SPLIT_LABELS, readsGoToLine, replicaLine, semisyncLine } from "../logic/replicationText.js";
import { showDnsDialog } from "./dnsDialog.js";
import type { GameSession } from "../logic/session.js";
import { actionButton, type ActionButton } from "./actionButton.js";
import { h } from "./dom.js";
import { infoButton } from "./infoDialog.js";
import { toast } from "./toast.js";

type Keep = (b: ActionButton) => HTMLElement;

export function serviceControls(s: GameSession, host: Host, svc: AnyService, keep: Keep): HTMLElement {
  const spec = SERVICES[svc.kind];
  const seen = visibleServiceStatus(s.state, host, svc);
  const status = serviceStatusText(s.state.tick, host, svc, seen);
  return h("div", { class: "svc", "data-service": svc.kind },
    h("span", { class: "name" }, `${spec.product} `, h("span", { class: "muted small" }, spec.label), " ", infoButton(svc.kind)),
    h("span", { class: `status-pill ${seen}` }, status),
    h("div", { class: "controls" },
      seen !== "starting" ? keep(actionButton(s, "Restart", () => ({ type: "restartService", host: host.id, service: svc.kind }), { cls: "small" })) : null,
      keep(actionButton(s, "Remove", () => ({ type: "remove", host: host.id, service: svc.kind }), { cls: "small danger" })),
    ),
    extra(s, host, svc, keep),
  );
}

/** The pill's words: a service on a server that is down or booting is stopped with it. */
export function serviceStatusText(tick: number, host: Host, svc: AnyService, seen: RunStatus): string {
  if (seen === "up") return "● running";
  if (host.status === "down" && seen === "down") return "✖ stopped: the server is down";
  if (host.status === "starting") return `◐ waits for the server (${duration(Math.max(0, host.readyAt - tick))})`;
  if (seen === "starting") return `◐ ${noteText(svc.note) || "starting"} (${duration(Math.max(0, svc.readyAt - tick))})`;
  return `✖ ${noteText(svc.note) || "down"}`;
}

function extra(s: GameSession, host: Host, svc: AnyService, keep: Keep): HTMLElement | null {
  switch (svc.kind) {
    case "lb": return lbControls(s, host, svc, keep);
    case "firewall": return firewallControls(s, host, svc, keep);
    case "db": return dbControls(s, host, svc, keep);
    // With HAProxy on the same host the certificate is shown with the load balancer.
    case "web": return host.services.some((x) => x.kind === "lb") ? null : certControls(s, host, keep);
    default: return null;
  }
}

/** A select or checkbox that applies a command on change, and says why when it cannot. */
function applyOrExplain(s: GameSession, cmd: Command): void {
  const v = s.apply(cmd);
  if (!v.ok) toast(v.reason, "warn");
}

function select<T extends string | number>(options: { value: T; label: string }[], current: T, onPick: (v: T) => void, label: string): HTMLSelectElement {
  const el = h("select", { "aria-label": label }, options.map((o) => h("option", { value: String(o.value), selected: o.value === current }, o.label))) as HTMLSelectElement;
  el.addEventListener("change", () => {
    const o = options.find((x) => String(x.value) === el.value);
    if (o) onPick(o.value);
  });
  return el;
}

/** HAProxy's `fall` and `rise` choices (defaults 3 and 2). */
const CHECK_COUNTS = [1, 2, 3, 5];

function lbControls(s: GameSession, host: Host, lb: Extract<AnyService, { kind: "lb" }>, keep: Keep): HTMLElement {
  const hc = h("input", { type: "checkbox", "data-config": "health-check" }) as HTMLInputElement;
  hc.checked = lb.healthCheck;
  hc.addEventListener("change", () => applyOrExplain(s, { type: "configureLb", host: host.id, healthCheck: hc.checked }));
  const redispatch = h("input", { type: "checkbox", "data-config": "redispatch" }) as HTMLInputElement;
  redispatch.checked = lb.redispatch;
  redispatch.addEventListener("change", () => applyOrExplain(s, { type: "configureLb", host: host.id, redispatch: redispatch.checked }));
  const pair = s.state.pairs.find((p) => p.members.includes(host.id));
  const others = s.state.hosts.filter((o) => o.id !== host.id && o.services.some((x) => x.kind === "lb") && !s.state.pairs.some((p) => p.members.includes(o.id)));
  const rate = h("input", { type: "number", min: 0, max: 100000, step: 1, value: lb.rateLimit, style: "width: 80px", "aria-label": "Rate limit per client (req/s)" }) as HTMLInputElement;
  rate.addEventListener("change", () => applyOrExplain(s, { type: "configureLb", host: host.id, rateLimit: Math.max(0, Math.floor(Number(rate.value) || 0)) }));
  return h("div", { class: "controls", style: "flex-direction: column; align-items: stretch; gap: 6px" },
    h("div", { class: "row" }, "Algorithm", infoButton(lb.algorithm),
      select([{ value: "roundrobin", label: "Round robin" }, { value: "leastconn", label: "Least connections" }, { value: "source", label: "Source (IP hash)" }], lb.algorithm,
        (v) => applyOrExplain(s, { type: "configureLb", host: host.id, algorithm: v }), "Load-balancing algorithm")),
    h("div", { class: "row" }, h("label", { class: "check" }, hc, "Health checks"), infoButton("health-check"), " every ",
      select(HEALTH_CHECK_INTERVALS.map((t) => ({ value: t, label: duration(t) })), lb.checkInterval, (v) => applyOrExplain(s, { type: "configureLb", host: host.id, checkInterval: v }), "Health-check interval")),
    lb.healthCheck ? h("div", { class: "row" }, "Down after",
      select(CHECK_COUNTS.map((n) => ({ value: n, label: `${n} failed` })), lb.fall, (v) => applyOrExplain(s, { type: "configureLb", host: host.id, fall: v }), "Failed checks before down (fall)"),
      "up after",
      select(CHECK_COUNTS.map((n) => ({ value: n, label: `${n} passed` })), lb.rise, (v) => applyOrExplain(s, { type: "configureLb", host: host.id, rise: v }), "Passed checks before up (rise)")) : null,
    h("div", { class: "row" }, h("label", { class: "check" }, redispatch, "Redispatch (retry a refused request on another server)")),
    lb.markedDown.length ? h("div", { class: "small", style: "color: var(--warn)" }, `Marked down by health checks: ${lb.markedDown.map((id) => s.state.hosts.find((x) => x.id === id)?.name ?? id).join(", ")}`) : null,
    lb.drained.length ? h("div", { class: "small" }, `In drain for a deploy (no new requests): ${lb.drained.map((id) => s.state.hosts.find((x) => x.id === id)?.name ?? id).join(", ")}`) : null,
    lb.backups.length ? h("div", { class: "small" }, `Backup servers (used only when every other one is down): ${lb.backups.map((id) => s.state.hosts.find((x) => x.id === id)?.name ?? id).join(", ")}`) : null,
    s.game.scenario.allowed.rateLimit ? h("div", { class: "row" }, "Rate limit", rate, "req/s per client (0 = off)", infoButton("ddos")) : null,
    s.game.scenario.allowed.lbPairs
      ? pair
        ? h("div", null,
            h("div", { class: "row" }, `In an ${pair.mode} pair${pair.vip ? ` (virtual IP ${pair.vip})` : ""}`, keep(actionButton(s, "Unpair", () => ({ type: "removeLbPair", pair: pair.id }), { cls: "small" }))),
            ...pairFacts(s.state, pair).map((fact) => h("div", { class: "small", "data-pair-fact": pair.mode }, fact)),
            pairHint(s, pair))
        : h("div", { class: "row" }, others.length ? others.flatMap((o) => [
            keep(actionButton(s, `Pair with ${o.name} (active-active)`, () => ({ type: "createLbPair", a: host.id, b: o.id, mode: "active-active" }), { cls: "small", tutorial: "pair", hint: money(COSTS.lbPair) })),
            keep(actionButton(s, `Pair with ${o.name} (active-passive)`, () => ({ type: "createLbPair", a: host.id, b: o.id, mode: "active-passive" }), { cls: "small", tutorial: "pair", hint: money(COSTS.lbPair) })),
          ]) : h("span", { class: "small muted" }, "Install HAProxy on a second server to make a pair."), infoButton("active-passive"))
      : null,
    backendTlsControls(s, host, lb),
    certControls(s, host, keep),
  );
}

/** Backend TLS: re-encrypt to the web servers, and which of them the load balancer would refuse. */
function backendTlsControls(s: GameSession, host: Host, lb: Extract<AnyService, { kind: "lb" }>): HTMLElement | null {
  if (!s.game.scenario.allowed.services.includes("firewall")) return null;
  const box = h("input", { type: "checkbox", "data-config": "backend-tls" }) as HTMLInputElement;
  box.checked = lb.backendTls;
  box.addEventListener("change", () => {
    applyOrExplain(s, { type: "setBackendTls", host: host.id, on: box.checked });
    box.checked = lb.backendTls; // a refusal leaves it as it was
  });
  const backends = s.state.links
    .filter((l) => l.from === host.id || l.to === host.id)
    .map((l) => s.state.hosts.find((x) => x.id === (l.from === host.id ? l.to : l.from)))
    .filter((b): b is Host => !!b && b.services.some((x) => x.kind === "web"));
  const refused = backends.filter((b) => !b.cert || b.cert.expiresAt <= s.state.tick).map((b) => b.name);
  return h("div", null,
    h("div", { class: "row" }, h("label", { class: "check" }, box, "Backend TLS (re-encrypt to the web servers)"), infoButton("tls-termination")),
    h("div", { class: "small muted" }, lb.backendTls
      ? "Encrypted all the way; costs CPU here and on each web server."
      : "Plain HTTP behind this load balancer: an intruder inside can read it."),
    lb.backendTls && refused.length
      ? h("div", { class: "small", "data-hint": "backend-cert", style: "color: var(--warn)" }, `Refused (certificate missing or expired): ${refused.join(", ")}. Renew it on each.`)
      : null,
  );
}

/** The step a new active-passive pair still needs, with the button that opens the DNS dialog. */
function pairHint(s: GameSession, pair: LbPair): HTMLElement | null {
  const step = pairMissingStep(s.state, pair);
  if (!step) return null;
  return h("div", { class: "small pair-hint", "data-hint": "pair-dns", style: "color: var(--warn)" }, "Next step: ", step, " ",
    h("button", { class: "btn small", type: "button", onclick: () => showDnsDialog(s) }, "DNS…"));
}

function dbControls(s: GameSession, host: Host, db: Extract<AnyService, { kind: "db" }>, keep: Keep): HTMLElement {
  const replication = db.role === "primary" ? semisyncLine(s.state) : replicaLine(s.state, host);
  return h("div", { class: "controls", style: "flex-direction: column; align-items: stretch; gap: 4px" },
    h("div", { class: "small" }, db.role === "primary" ? "▲ Primary: takes every write" : `▽ Replica: ${db.lagTicks ? `${duration(db.lagTicks)} behind` : "in sync"}`, " · disk ", `${Math.round(db.diskPermille / 10)} % full`),
    db.role === "replica" ? replicationBlocked(s, host) : null,
    replication ? h("div", { class: "small", "data-live": "replication" }, replication) : null,
    h("div", { class: "small muted", "data-field": "reads-go-to" }, readsGoToLine(s.state)),
    // The split chooses between primary and replicas: with no replica it has nothing to choose.
    hasReplica(s.state) ? h("div", { class: "row", "data-field": "read-split" }, READ_SPLITS.map((split) =>
      keep(actionButton(s, READ_SPLIT_LABELS[split], () => ({ type: "setReadSplit", split }), { cls: `small${s.state.readSplit === split ? " primary" : ""}`, hint: READ_SPLIT_HINTS[split] })))) : null,
    h("div", { class: "row" },
      db.role === "replica" ? keep(actionButton(s, "Promote to primary", () => ({ type: "promoteReplica", host: host.id }), { cls: "small primary" })) : null,
      keep(actionButton(s, "Purge old logs", () => ({ type: "purgeDisk", host: host.id }), { cls: "small", hint: money(COSTS.purgeDisk) })),
      infoButton("replication"),
    ),
  );
}

/** A replica whose primary's firewall drops its connection copies nothing: say where and what would fix it. */
function replicationBlocked(s: GameSession, host: Host): HTMLElement | null {
  const topo = topology(s.state);
  const slot = topo.indexById.get(host.id)!;
  if (!replicationCutOff(topo, slot)) return null;
  const primary = topo.dbHosts.find((p) => topo.db[p]!.role === "primary")!;
  return h("div", { class: "small", "data-field": "replication-blocked", style: "color: var(--bad)" },
    `✖ Copies nothing: blocked by the firewall on ${topo.hosts[primary].name}. ${firewallFixText(topo.hosts[primary].name, [{ port: 3306, from: host.name }])}`);
}

function certControls(s: GameSession, host: Host, keep: Keep): HTMLElement | null {
  if (!s.game.scenario.allowed.services.includes("firewall")) return null;
  const cert = host.cert;
  const left = cert ? cert.expiresAt - s.state.tick : 0;
  const text = !cert ? "No certificate: plain HTTP" : left <= 0 ? "✖ Certificate expired" : `🔒 Certificate valid for ${duration(left)}`;
  return h("div", { class: "row small" }, text,
    keep(actionButton(s, cert ? "Renew certificate" : "Buy certificate", () => ({ type: "buyCert", host: host.id }), { cls: "small", tutorial: "cert", hint: money(COSTS.certificate) })),
    infoButton("https"));
}

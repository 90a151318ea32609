// The firewall in the inspector: its rules as ufw would list them, each removable; what it drops
// right now that the design needs, with a one-click fix; and a form to allow a port from anywhere,
// from one server or from every server of a role. Native selects and buttons, so the keyboard
// works; a refused rule shows the simulation's reason under the form.
import {
  callersOf, FIREWALL_ROLE_WORDS, FIREWALL_ROLES, firewallRuleText, KNOWN_PORTS, refusedCallers, topology,
  type Command, type FirewallRole, type FirewallRule, type FirewallService, type FirewallSource, type Host,
} from "../../shared/index.js";
import type { GameSession } from "../logic/session.js";
import { actionButton, type ActionButton } from "./actionButton.js";
import { h } from "./dom.js";

type Keep = (b: ActionButton) => HTMLElement;

const PORT_NAMES: Record<number, string> = { 22: "SSH", 80: "HTTP", 443: "HTTPS", 8080: "application", 3306: "MySQL" };

export function firewallControls(s: GameSession, host: Host, fw: FirewallService, keep: Keep): HTMLElement {
  const state = s.state;
  const nameOf = (id: number) => state.hosts.find((x) => x.id === id)?.name ?? `server #${id}`;
  const ruleCommand = (type: "addFirewallRule" | "removeFirewallRule", rule: FirewallRule): Command => ({ type, host: host.id, port: rule.port, from: rule.from });

  const rules = fw.rules.length === 0
    ? h("li", { class: "small muted" }, "No rules: nothing may connect.")
    : fw.rules.map((rule) => h("li", { class: "fw-rule", "data-rule": `${rule.port}:${sourceKey(rule.from)}` },
      h("span", null, `${rule.port} ${PORT_NAMES[rule.port] ?? ""}`.trim(), h("span", { class: "muted" }, ` from ${firewallRuleText(rule, nameOf).replace(/^\d+ from /, "")}`)),
      keep(actionButton(s, "Remove", () => ruleCommand("removeFirewallRule", rule), { cls: "small", title: `Stop allowing ${firewallRuleText(rule, nameOf)}` }))));

  // What the design needs that these rules drop: a fix per caller, one click each.
  const topo = topology(state);
  const slot = topo.indexById.get(host.id)!;
  const refused = refusedCallers(state, topo, slot);
  const blocked = refused.length
    ? h("div", { class: "fw-blocked", "data-field": "fw-blocked" },
      h("div", { class: "small", style: "color: var(--bad)" }, `✖ Drops what the design needs${fw.status === "up" ? "" : " (once it runs)"}:`),
      h("div", { class: "row" }, refused.map((c) => {
        const rule: FirewallRule = { port: c.port, from: { kind: "host", host: topo.hosts[c.from].id } };
        return keep(actionButton(s, `Allow ${c.port} from ${topo.hosts[c.from].name}`, () => ruleCommand("addFirewallRule", rule), { cls: "small primary" }));
      })))
    : callersOf(state, topo, slot).length ? h("div", { class: "small muted" }, "✔ Lets in every server that calls it.") : null;

  // The form: port, then source.
  const port = h("select", { "aria-label": "Port", "data-field": "fw-port" }, KNOWN_PORTS.map((p) => h("option", { value: String(p) }, `${p} ${PORT_NAMES[p] ?? ""}`))) as HTMLSelectElement;
  const others = state.hosts.filter((x) => x.id !== host.id);
  const source = h("select", { "aria-label": "From", "data-field": "fw-from" },
    h("option", { value: "anywhere" }, "anywhere (the internet too)"),
    h("optgroup", { label: "Every server running…" }, FIREWALL_ROLES.map((r) => h("option", { value: `role:${r}` }, FIREWALL_ROLE_WORDS[r]))),
    others.length ? h("optgroup", { label: "One server" }, others.map((x) => h("option", { value: `host:${x.id}` }, `${x.name} (${x.privateIp})`))) : null,
  ) as HTMLSelectElement;
  const why = h("div", { class: "small fw-why", role: "status", "aria-live": "polite", style: "color: var(--warn)" });
  const add = h("button", { class: "action small", type: "button", "data-action": "fw-allow" }, h("span", { class: "label" }, "Allow")) as HTMLButtonElement;
  add.addEventListener("click", () => {
    const verdict = s.apply(ruleCommand("addFirewallRule", { port: Number(port.value), from: parseSource(source.value) }));
    why.textContent = verdict.ok ? "" : `Not allowed: ${verdict.reason}`;
  });

  return h("div", { class: "controls fw", style: "flex-direction: column; align-items: stretch; gap: 4px", "data-panel": "firewall" },
    h("div", { class: "small muted" }, "Rules (ufw, default deny: whatever no rule allows is dropped, from the internet and from your other servers):"),
    h("ul", { class: "fw-rules" }, rules),
    blocked,
    h("div", { class: "row fw-add" }, h("span", { class: "small" }, "Allow port"), port, h("span", { class: "small" }, "from"), source, add),
    why,
  );
}

function sourceKey(from: FirewallSource): string {
  return from.kind === "anywhere" ? "anywhere" : from.kind === "role" ? `role:${from.role}` : `host:${from.host}`;
}

function parseSource(value: string): FirewallSource {
  const [kind, rest] = value.split(":");
  if (kind === "role") return { kind: "role", role: rest as FirewallRole };
  if (kind === "host") return { kind: "host", host: Number(rest) };
  return { kind: "anywhere" };
}

// DNS: the www record (A to your addresses, or CNAME to the apex) and its TTL.
import { MAX_DNS_ADDRESSES, ownedAddresses as addressesOf, resolveName, TICKS_PER_SECOND, TTL_CHOICES, type Command } from "../../shared/index.js";
import { duration } from "../logic/format.js";
import type { GameSession } from "../logic/session.js";
import { actionButton } from "./actionButton.js";
import { h } from "./dom.js";
import { infoButton } from "./infoDialog.js";
import { openModal } from "./modal.js";

/** The addresses DNS may name (shared's rule), each labelled with what it belongs to. */
export function ownedAddresses(session: GameSession): { ip: string; label: string }[] {
  const s = session.state;
  return addressesOf(s).map((a) => ({
    ip: a.ip,
    label: a.hostId !== null ? `${a.ip} (${s.hosts.find((x) => x.id === a.hostId)?.name ?? "a server"})` : `${a.ip} (virtual IP of the load-balancer pair)`,
  }));
}

/** The record the dialog sends: at most as many addresses as the command's schema allows. */
export function dnsCommand(type: "A" | "CNAME", chosen: readonly string[], ttl: number): Command {
  const addresses = chosen.slice(0, MAX_DNS_ADDRESSES);
  return type === "A"
    ? { type: "setDns", recordType: "A", values: addresses, ttl }
    : { type: "setDns", recordType: "CNAME", values: ["foobar.com"], ttl, apex: addresses };
}

export function showDnsDialog(session: GameSession): void {
  const s = session.state;
  const www = s.dns.www;
  let type: "A" | "CNAME" = www?.type ?? "A";
  const owned = ownedAddresses(session);
  const chosen = new Set<string>(www ? resolveName(s) : owned.slice(0, 1).map((o) => o.ip));
  let ttl = www?.ttlTicks ?? 300;

  const command = (): Command => dnsCommand(type, [...chosen], ttl);

  const apply = actionButton(session, www ? "Update record" : "Create record", command, { cls: "primary", tutorial: "dns-apply", then: () => handle.close() });
  const preview = h("pre", { class: "small", style: "background: var(--bg); padding: 8px; border-radius: 6px; border: 1px solid var(--line); margin: 8px 0" });
  const checkboxes: HTMLInputElement[] = [];
  const update = () => {
    const values = [...chosen];
    const seconds = ttl / TICKS_PER_SECOND;
    preview.textContent = type === "A"
      ? `www.foobar.com.  ${seconds}  IN  A      ${values.join(", ") || "(choose an address)"}`
      : `www.foobar.com.  ${seconds}  IN  CNAME  foobar.com.\nfoobar.com.      ${seconds}  IN  A      ${values.join(", ") || "(choose an address)"}`;
    // A record holds at most MAX_DNS_ADDRESSES (the command's schema): once full, the rest wait.
    const full = chosen.size >= MAX_DNS_ADDRESSES;
    for (const box of checkboxes) {
      box.disabled = full && !box.checked;
      box.title = box.disabled ? `A record holds at most ${MAX_DNS_ADDRESSES} addresses: untick one first` : "";
    }
    apply.refresh();
  };
  const typeSelect = h("select", { "aria-label": "Record type" }, h("option", { value: "A", selected: type === "A" }, "A — name → addresses"), h("option", { value: "CNAME", selected: type === "CNAME" }, "CNAME — www → foobar.com")) as HTMLSelectElement;
  typeSelect.addEventListener("change", () => { type = typeSelect.value as "A" | "CNAME"; update(); });
  const ttlSelect = h("select", { "aria-label": "TTL" }, TTL_CHOICES.map((t) => h("option", { value: t, selected: t === ttl }, duration(t)))) as HTMLSelectElement;
  ttlSelect.addEventListener("change", () => { ttl = Number(ttlSelect.value); update(); });
  const boxes = owned.length
    ? owned.map((o) => {
        const box = h("input", { type: "checkbox", "data-ip": o.ip }) as HTMLInputElement;
        checkboxes.push(box);
        box.checked = chosen.has(o.ip);
        box.addEventListener("change", () => { if (box.checked) chosen.add(o.ip); else chosen.delete(o.ip); update(); });
        return h("label", { class: "check", style: "display: flex; margin: 3px 0" }, box, o.label);
      })
    : [h("p", { class: "error small" }, "You own no public address yet: buy a server with a public IP first.")];
  update();
  const handle = openModal("DNS for foobar.com", h("div", null,
    h("p", { class: "muted small" }, "Browsers look up www.foobar.com and connect to the address DNS gives them. Resolvers keep the answer for the TTL, so a change reaches users gradually."),
    h("div", { class: "row" }, "Record", typeSelect, infoButton(type === "A" ? "dns-a" : "dns-cname"), " TTL", ttlSelect, infoButton("ttl")),
    h("div", { class: "section-title" }, type === "A" ? "Addresses for www" : "Addresses for the apex (foobar.com)"),
    h("div", null, boxes),
    preview,
    h("div", { class: "row" }, apply.el),
  ));
}

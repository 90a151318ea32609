// The right-hand panel when no server is selected: the site as a whole (DNS, replication, the
// server list) and how to play.
import { findService, resolveName, visibleHostStatus } from "../../shared/index.js";
import { duration } from "../logic/format.js";
import { READ_SPLIT_LABELS } from "../logic/replicationText.js";
import type { GameSession } from "../logic/session.js";
import { actionButton, type ActionButton } from "./actionButton.js";
import { fill, h } from "./dom.js";
import { infoButton } from "./infoDialog.js";

export interface SitePanelHooks {
  select(hostId: number): void;
  dns(): void;
}

export class SitePanel {
  readonly el = h("div", { "data-panel": "site" });
  private signature = "";
  private buttons: ActionButton[] = [];

  constructor(private readonly session: GameSession, private readonly hooks: SitePanelHooks) {}

  refresh(): void {
    const s = this.session.state;
    const sig = JSON.stringify([s.dns.www, resolveName(s), s.replication, s.readSplit, s.hosts.map((x) => [x.id, x.name, visibleHostStatus(s, x), x.services.length]), s.pairs.length]);
    if (sig !== this.signature) {
      this.signature = sig;
      this.build();
    }
    for (const b of this.buttons) b.refresh();
  }

  private build(): void {
    const s = this.session.state;
    const www = s.dns.www;
    const hasDb = s.hosts.some((x) => findService(x, "db"));
    this.buttons = [];
    const semi = actionButton(this.session, "Semi-synchronous", () => ({ type: "setReplication", mode: "semisync" }), { cls: "small", hint: "no lost writes, slower writes" });
    const asyn = actionButton(this.session, "Asynchronous", () => ({ type: "setReplication", mode: "async" }), { cls: "small", hint: "fast, may lose recent writes" });
    if (hasDb) this.buttons.push(semi, asyn);
    fill(this.el,
      h("section", { class: "card" },
        h("h3", null, "DNS · foobar.com", infoButton("dns-a")),
        www
          ? h("div", { class: "small", style: "font-family: var(--mono)" }, `www ${www.type} ${www.values.join(", ")}`, www.type === "CNAME" ? ` → ${resolveName(s).join(", ")}` : "", h("div", { class: "muted" }, `TTL ${duration(www.ttlTicks)}`))
          : h("div", { class: "small", style: "color: var(--warn)" }, "⚠ No www record: nobody can reach the site."),
        h("div", { class: "row", style: "margin-top: 6px" }, h("button", { class: "btn small", type: "button", onclick: this.hooks.dns }, www ? "Change DNS…" : "Create the www record…")),
      ),
      hasDb ? h("section", { class: "card" }, h("h3", null, "Replication", infoButton("replication")), h("div", { class: "small" }, `Now: ${s.replication === "async" ? "asynchronous" : "semi-synchronous"} · reads: ${READ_SPLIT_LABELS[s.readSplit].toLowerCase()}`), h("div", { class: "row", style: "margin-top: 6px" }, s.replication === "async" ? semi.el : asyn.el)) : null,
      h("section", { class: "card" },
        h("h3", null, `Servers (${s.hosts.length})`),
        s.hosts.length === 0 ? h("div", { class: "small muted" }, "None yet. Buy one from the toolbar below the board.") : null,
        h("div", { class: "svc-list" }, s.hosts.slice(0, 12).map((x) => h("button", { class: "btn small", type: "button", "data-host": x.name, onclick: () => this.hooks.select(x.id), style: "width: 100%" },
          h("span", null, `${statusMark(visibleHostStatus(s, x))} ${x.name}`), h("span", { class: "hint muted" }, x.services.map((k) => k.kind).join(" · ") || "empty")))),
        s.hosts.length > 12 ? h("div", { class: "small muted" }, `…and ${s.hosts.length - 12} more: click them on the board.`) : null,
      ),
      h("section", { class: "card small muted" },
        h("h3", null, "How to play"),
        h("div", null, "Click a server to install software and configure it. Requests flow left to right: ● static, ■ read, ◆ write, ✸ attack; a ✖ bouncing back is a failed request."),
      ),
    );
  }
}

function statusMark(status: string): string {
  return status === "up" ? "●" : status === "starting" ? "◐" : "✖";
}

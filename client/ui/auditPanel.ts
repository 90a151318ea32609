// The live architecture audit: what a reviewer would say about the design right now, the
// chapter's own concepts first.
import { orderedFindings } from "../logic/auditView.js";
import type { GameSession } from "../logic/session.js";
import { designDownloadButtons } from "./designDownloads.js";
import { h } from "./dom.js";
import { infoButton } from "./infoDialog.js";

export class AuditPanel {
  readonly el: HTMLElement;
  private readonly list = h("ul", { class: "checks" });
  private last = "";

  constructor(private readonly session: GameSession) {
    this.el = h("section", { class: "card", "data-panel": "audit" }, h("h3", null, "Design review", infoButton("spof")), this.list,
      h("div", { class: "row" }, ...designDownloadButtons(() => session.game)));
  }

  refresh(): void {
    const findings = orderedFindings(this.session.state, this.session.game.scenario);
    const sig = findings.map((f) => `${f.ok}${f.detail}`).join();
    if (sig === this.last) return;
    this.last = sig;
    const split = findings.findIndex((f) => !f.focus);
    const rows = findings.map((f) => h("li", { title: f.detail, class: f.focus ? "focus" : "" }, h("span", { class: f.ok ? "yes" : "no" }, f.ok ? "✔" : "✖"), h("span", null, f.ok ? f.title : clip(f.detail))));
    if (split > 0) rows.splice(split, 0, h("li", { class: "checks-sep" }, "Beyond this chapter"));
    this.list.replaceChildren(...rows);
  }
}


/** A finding that lists 150 servers helps nobody: the full text is in the tooltip. */
function clip(text: string): string {
  return text.length > 150 ? `${text.slice(0, 140).replace(/[, ]+[^, ]*$/, "")} …` : text;
}

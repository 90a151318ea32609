// Shipping new code: all at once (downtime on a single server) or rolling (one at a time).
import type { GameSession } from "../logic/session.js";
import { actionButton } from "./actionButton.js";
import { h } from "./dom.js";
import { infoButton } from "./infoDialog.js";
import { openModal } from "./modal.js";

export function showDeployDialog(session: GameSession): void {
  const close = () => handle.close();
  const all = actionButton(session, "Deploy all at once", () => ({ type: "deploy", strategy: "all-at-once" }), { hint: "every app server restarts together", then: close });
  const rolling = actionButton(session, "Rolling deploy", () => ({ type: "deploy", strategy: "rolling" }), { cls: "primary", hint: "one server at a time, behind the load balancer", then: close });
  const handle = openModal("Deploy new code", h("div", null,
    h("p", { class: "muted" }, "The team has a new version of the code base. Deploying restarts the application on each server; while it restarts, that server cannot answer dynamic requests. ", infoButton("deploy")),
    h("div", { class: "row" }, all.el, rolling.el),
  ));
}

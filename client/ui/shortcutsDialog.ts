// The keyboard shortcuts, listed where players look for them.
import { SHORTCUTS } from "../logic/shortcuts.js";
import { h } from "./dom.js";
import { openModal } from "./modal.js";

export function showShortcuts(): void {
  openModal("Keyboard shortcuts", h("table", { class: "small" },
    h("tbody", null, SHORTCUTS.map((s) => h("tr", null, h("td", { style: "padding: 3px 14px 3px 0" }, s.keys.map((k, i) => [i ? " / " : "", h("kbd", null, k)])), h("td", null, s.what)))),
  ));
}

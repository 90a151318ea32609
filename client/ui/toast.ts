// Short messages at the bottom of the board: why an action was refused, what just happened.
import { h } from "./dom.js";

let host: HTMLElement | null = null;

export function mountToasts(parent: HTMLElement): void {
  host = h("div", { class: "toasts", role: "status", "aria-live": "polite" });
  parent.appendChild(host);
}

export function toast(text: string, kind: "info" | "warn" | "alert" | "ok" = "info", ms = 4200): void {
  if (!host) return;
  const icon = kind === "warn" ? "⚠" : kind === "alert" ? "✖" : kind === "ok" ? "✔" : "ℹ";
  const el = h("div", { class: `toast ${kind}` }, h("span", { class: "icon", "aria-hidden": "true" }, icon), h("span", null, text));
  host.appendChild(el);
  while (host.children.length > 4) host.removeChild(host.firstChild!);
  setTimeout(() => el.classList.add("leaving"), ms);
  setTimeout(() => el.remove(), ms + 400);
}

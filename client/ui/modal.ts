// Modal dialogs: one at a time, Escape or the backdrop closes them, focus goes inside and stays
// there (Tab wraps), and returns to where it was when the dialog closes.
import { h, type Child } from "./dom.js";

let current: { close: () => void } | null = null;
/** Told when a dialog opens (true) and closes (false): a solo game pauses meanwhile. */
let watcher: ((open: boolean) => void) | null = null;

export function watchModals(fn: (open: boolean) => void): () => void {
  watcher = fn;
  return () => {
    if (watcher === fn) watcher = null;
  };
}

export interface ModalOptions {
  wide?: boolean;
  /** Called after the dialog closed, however it closed. */
  onClose?: () => void;
  /** End screens must not vanish on a stray click. */
  sticky?: boolean;
}

export function openModal(title: string, body: Child, opts: ModalOptions = {}): { close: () => void; el: HTMLElement } {
  current?.close();
  const closeBtn = h("button", { class: "btn small close", type: "button", "aria-label": "Close" }, "✕ Close");
  const dialog = h("div", { class: `modal ${opts.wide ? "wide" : ""}`, role: "dialog", "aria-modal": "true", "aria-label": title }, opts.sticky ? null : closeBtn, h("h2", null, title), body);
  const back = h("div", { class: "modal-back" }, dialog);
  const returnTo = document.activeElement as HTMLElement | null;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !opts.sticky) {
      e.stopPropagation();
      close();
    }
    if (e.key === "Tab") trapTab(dialog, e);
  };
  const close = () => {
    back.remove();
    if (returnTo && returnTo.isConnected && current === handle) returnTo.focus({ preventScroll: true });
    document.removeEventListener("keydown", onKey, true);
    if (current === handle) current = null;
    opts.onClose?.();
    if (current === null) watcher?.(false);
  };
  const handle = { close, el: dialog };
  closeBtn.addEventListener("click", close);
  back.addEventListener("mousedown", (e) => {
    if (e.target === back && !opts.sticky) close();
  });
  document.addEventListener("keydown", onKey, true);
  document.body.appendChild(back);
  current = handle;
  watcher?.(true);
  (dialog.querySelector("button:not(.close), input, select") as HTMLElement | null)?.focus({ preventScroll: true });
  dialog.scrollTop = 0;
  return handle;
}

export function modalOpen(): boolean {
  return current !== null;
}

export function closeModal(): void {
  current?.close();
}

/** Keeps Tab and Shift+Tab cycling inside the dialog, as a modal should. */
function trapTab(dialog: HTMLElement, e: KeyboardEvent): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])")].filter((el) => !el.hasAttribute("disabled") && !el.classList.contains("hidden"));
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !dialog.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !dialog.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

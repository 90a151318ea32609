// Modal dialogs: one at a time, Escape or the backdrop closes them, focus goes inside.
import { h, type Child } from "./dom.js";

let current: { close: () => void } | null = null;

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
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !opts.sticky) {
      e.stopPropagation();
      close();
    }
  };
  const close = () => {
    back.remove();
    document.removeEventListener("keydown", onKey, true);
    if (current === handle) current = null;
    opts.onClose?.();
  };
  const handle = { close, el: dialog };
  closeBtn.addEventListener("click", close);
  back.addEventListener("mousedown", (e) => {
    if (e.target === back && !opts.sticky) close();
  });
  document.addEventListener("keydown", onKey, true);
  document.body.appendChild(back);
  current = handle;
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

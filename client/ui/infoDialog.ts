// The info cards: one card, or the whole library.
import { findCard, INFO_CARDS } from "../logic/infoCards.js";
import { h } from "./dom.js";
import { openModal } from "./modal.js";

export function showInfoCard(id: string): void {
  const card = findCard(id);
  if (!card) return showLibrary();
  openModal(card.title, h("div", { class: "info-card" },
    h("dl", null,
      h("dt", null, "What it is"), h("dd", null, card.what),
      h("dt", null, "Why add it"), h("dd", null, card.why),
      card.without !== "—" ? [h("dt", null, "Without it"), h("dd", null, card.without)] : null,
    ),
    h("p", { class: "muted small" }, h("button", { class: "btn small", type: "button", onclick: () => showLibrary() }, "All cards…")),
  ));
}

export function showLibrary(): void {
  openModal("Info cards", h("div", null,
    h("p", { class: "muted" }, "Every piece of the stack, what it does, and what breaks without it."),
    h("div", { class: "cards-list" }, INFO_CARDS.map((c) => h("button", { class: "btn", type: "button", onclick: () => showInfoCard(c.id) }, c.title))),
  ), { wide: true });
}

/** A small "?" button that opens a card. */
export function infoButton(id: string): HTMLButtonElement {
  return h("button", { class: "info", type: "button", title: "What is this?", "aria-label": "What is this?", onclick: (e: Event) => { e.stopPropagation(); showInfoCard(id); } }, "?");
}

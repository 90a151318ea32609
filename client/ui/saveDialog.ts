// Save and load: slots in browser storage, plus downloading and uploading the save file.
import type { Game } from "../../shared/index.js";
import type { Point } from "../logic/boardLayout.js";
import { fileWithPositions, type Positions } from "../logic/savedLayout.js";
import { EXAMPLE_SAVES } from "../logic/examples.js";
import { clock, money, permyriad } from "../logic/format.js";
import { listSlots, readSlot, restoreText, saveFileName, slotLabel, writeSlot, SLOT_IDS, type SlotId } from "../logic/saveSlots.js";
import type { KeyValueStore } from "../logic/storage.js";
import { h } from "./dom.js";
import { openModal } from "./modal.js";
import { toast } from "./toast.js";

export interface SaveDialogOptions {
  store: KeyValueStore;
  /** The running game, when saving is possible. */
  game: Game | null;
  /** Where the player dragged the servers: saved with the game. */
  positions?: () => Positions;
  /** Continue with a loaded game, its servers where they were. */
  onLoad: (game: Game, positions: Map<number, Point>) => void;
}

export function showSaveDialog(opts: SaveDialogOptions): void {
  const status = h("p", { class: "small", role: "status" });
  const list = h("div", { class: "slot-list" });
  const render = () => {
    list.replaceChildren(...listSlots(opts.store).map((meta, i) => {
      const slot = SLOT_IDS[i] as SlotId;
      const desc = meta
        ? `${meta.title} · ${clock(meta.tick)} played · ${money(meta.money)} · ${permyriad(meta.slaPermyriad)} served · saved ${new Date(meta.savedAt).toLocaleString()}`
        : "Empty";
      return h("div", { class: "slot", "data-slot": slot },
        h("div", null, h("b", null, slotLabel(slot)), h("div", { class: "meta" }, desc)),
        h("div", { class: "row" },
          opts.game && slot !== "auto" ? h("button", { class: "btn small primary", type: "button", "data-save": slot, onclick: () => save(slot) }, "Save here") : null,
          meta ? h("button", { class: "btn small", type: "button", "data-load": slot, onclick: () => load(slot) }, "Load") : null,
        ));
    }));
  };
  const save = (slot: SlotId) => {
    const result = writeSlot(opts.store, slot, opts.game!, Date.now(), opts.positions?.());
    if (result.ok) {
      status.textContent = `Saved to ${slotLabel(slot)}.`;
      status.className = "small ok-line";
      toast(`Saved to ${slotLabel(slot)}`, "ok");
    } else {
      status.textContent = result.reason;
      status.className = "small error";
    }
    render();
  };
  const load = (slot: SlotId) => {
    const result = readSlot(opts.store, slot);
    if (!result.ok) {
      status.textContent = `Could not load: ${result.reason}.`;
      status.className = "small error";
      return;
    }
    handle.close();
    opts.onLoad(result.game, result.positions);
  };
  const download = () => {
    const game = opts.game!;
    const blob = new Blob([fileWithPositions(game.snapshot(), opts.positions?.() ?? new Map())], { type: "application/json" });
    const a = h("a", { href: URL.createObjectURL(blob), download: saveFileName(game) });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 2000);
  };
  const fileInput = h("input", { type: "file", accept: ".json,application/json", class: "hidden", "data-upload": "1" }) as HTMLInputElement;
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    if (file.size > 20_000_000) {
      status.textContent = "That file is far too big to be a Nines save.";
      status.className = "small error";
      return;
    }
    loadText(await file.text(), file.name);
  });
  const loadText = (text: string, name: string) => {
    const result = restoreText(text);
    if (!result.ok) {
      status.textContent = `Could not load ${name}: ${result.reason}.`;
      status.className = "small error";
      return;
    }
    handle.close();
    opts.onLoad(result.game, result.positions);
  };
  render();
  const handle = openModal(opts.game ? "Save or load" : "Load a game", h("div", null,
    list,
    h("div", { class: "row" },
      opts.game ? h("button", { class: "btn", type: "button", onclick: download }, "⬇ Download save file") : null,
      h("button", { class: "btn", type: "button", onclick: () => fileInput.click() }, "⬆ Load from file…"),
      fileInput,
    ),
    h("div", { class: "section-title" }, "Examples: the curriculum's designs"),
    h("div", { class: "row", "data-panel": "examples" }, EXAMPLE_SAVES.map((ex) =>
      h("button", { class: "btn small", type: "button", "data-example": ex.id, onclick: () => loadText(ex.text, ex.title) }, ex.title))),
    status,
  ));
}

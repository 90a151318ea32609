// The foot of the co-op debrief: the host picks the next chapter and everyone plays on in the same
// room (same code); the others see who they are waiting for.
import { SCENARIOS } from "../../shared/index.js";
import { h, setText } from "./dom.js";
import { closeModal } from "./modal.js";

export interface CoopEndActions {
  isHost(): boolean;
  hostName(): string;
  current: string;
  playAgain(scenario: string, seed?: number): void;
  leave(): void;
}

export function coopEndFooter(actions: CoopEndActions): HTMLElement {
  const select = h("select", { "aria-label": "Next chapter", "data-field": "next-scenario" },
    SCENARIOS.map((s) => h("option", { value: s.id, selected: s.id === actions.current }, s.durationTicks ? `Chapter ${s.chapter}: ${s.title}` : s.title))) as HTMLSelectElement;
  const play = h("button", { class: "btn primary", type: "button", "data-action": "play-again" }, "▶ Play again, everyone");
  play.addEventListener("click", () => {
    play.toggleAttribute("disabled", true);
    setText(play, "Starting…");
    actions.playAgain(select.value);
  });
  const hostPart = h("div", { class: "row" }, h("span", null, "Next:"), select, play);
  const waiting = h("p", { class: "muted", role: "status", "data-waiting": "" });
  const sync = () => {
    const host = actions.isHost();
    hostPart.classList.toggle("hidden", !host);
    waiting.classList.toggle("hidden", host);
    setText(waiting, `Waiting for the host, ${actions.hostName()}, to pick the next chapter…`);
    if (el.isConnected || !started) setTimeout(sync, 500);
    started = true;
  };
  let started = false;
  const el = h("div", { class: "row end-actions coop-end" },
    hostPart, waiting,
    h("button", { class: "btn", type: "button", onclick: () => closeModal() }, "Look at the board"),
    h("button", { class: "btn", type: "button", "data-action": "leave", onclick: () => { closeModal(); actions.leave(); } }, "Leave the room"),
  );
  sync();
  return el;
}

// The main menu: DOM only, so it shows before the game engine has loaded.
import { h } from "./dom.js";

export interface MenuActions {
  solo(): void;
  coop(): void;
  classroom(): void;
  continueGame: (() => void) | null;
  load(): void;
  settings(): void;
  library(): void;
}

export function menuScreen(actions: MenuActions): HTMLElement {
  return h("div", { class: "screen menu whiteboard", "data-screen": "menu" },
    h("div", { class: "menu-card" },
      h("h1", { class: "logo" }, "Nine", h("span", { class: "nine" }, "s")),
      h("p", { class: "tagline" }, "Keep foobar.com up. Buy servers, wire them, and survive the traffic, the failures and the attackers."),
      h("div", { class: "menu-buttons" },
        actions.continueGame ? h("button", { class: "btn primary", type: "button", "data-action": "continue", onclick: actions.continueGame }, h("span", null, "Continue"), h("small", null, "from the autosave")) : null,
        h("button", { class: `btn ${actions.continueGame ? "" : "primary"}`, type: "button", "data-action": "solo", onclick: actions.solo }, h("span", null, "Solo"), h("small", null, "campaign and endless")),
        h("button", { class: "btn", type: "button", "data-action": "coop", onclick: actions.coop }, h("span", null, "Play with friends"), h("small", null, "co-op room, 2–8 players")),
        h("button", { class: "btn", type: "button", "data-action": "classroom", onclick: actions.classroom }, h("span", null, "Join a class"), h("small", null, "your teacher's code")),
        h("div", { class: "row" },
          h("button", { class: "btn", type: "button", onclick: actions.load }, "Load game"),
          h("button", { class: "btn", type: "button", onclick: actions.settings }, "Settings"),
          h("button", { class: "btn", type: "button", onclick: actions.library }, "Info cards"),
        ),
      ),
      h("div", { class: "menu-footer" }, h("span", { class: "uptime-ticker" }, "● 99.9 % = three nines"), h("span", null, "Solo runs entirely in your browser; rooms run on this server.")),
    ),
  );
}

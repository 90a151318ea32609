// Chapter select: every scenario with its goal, the concepts it teaches and the best result.
import { SCENARIOS, TICKS_PER_SECOND, type Scenario } from "../../shared/index.js";
import { money, ninesLabel, permyriad } from "../logic/format.js";
import type { BestResult } from "../logic/progress.js";
import { h } from "./dom.js";

export function chapterScreen(progress: Record<string, BestResult>, start: (scenario: Scenario) => void, back: () => void): HTMLElement {
  return h("div", { class: "screen chapters whiteboard", "data-screen": "chapters" },
    h("header", null,
      h("button", { class: "btn", type: "button", onclick: back }, "← Menu"),
      h("h1", null, "Choose a chapter"),
    ),
    h("div", { class: "chapter-grid" }, SCENARIOS.map((s) => chapterCard(s, progress[s.id], start))),
  );
}

function chapterCard(s: Scenario, best: BestResult | undefined, start: (s: Scenario) => void): HTMLElement {
  const length = s.durationTicks > 0 ? `${Math.round(s.durationTicks / TICKS_PER_SECOND / 60)} min of play` : "no time limit";
  return h("article", { class: "chapter", "data-scenario": s.id },
    h("div", { class: "num" }, s.durationTicks > 0 ? `Chapter ${s.chapter}` : "Endless", " · ", length, " · ", money(s.money)),
    h("h2", null, s.title),
    h("p", null, s.summary),
    h("div", { class: "goal" }, h("b", null, "Goal: "), s.goal.text),
    h("div", { class: "chips" }, s.concepts.map((c) => h("span", { class: "chip" }, c))),
    h("div", { class: `best ${best?.outcome === "won" ? "won" : ""}` },
      best ? `Best: ${best.outcome === "won" ? "✔ won" : best.outcome === "lost" ? "✖ lost" : "finished"} · score ${best.score} · ${permyriad(best.slaPermyriad)} served · ${ninesLabel(best.nines)}` : "Not played yet"),
    h("div", { class: "row" }, h("button", { class: "btn primary", type: "button", "data-start": s.id, onclick: () => start(s) }, best ? "Play again" : "Start")),
  );
}

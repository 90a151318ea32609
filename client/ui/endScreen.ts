// The debrief at the end of a run: the result, what the chapter taught in terms of this run, the
// incident timeline (with what monitoring would have shown earlier), what to try next and the
// design review.
import { buildDebrief, type Finding } from "../logic/debrief.js";
import type { GameSession } from "../logic/session.js";
import { designDownloadButtons } from "./designDownloads.js";
import { h } from "./dom.js";
import { openModal } from "./modal.js";

export interface EndActions {
  retry(): void;
  next: (() => void) | null;
  chapters(): void;
  keepWatching(): void;
}

/** `footer` replaces the solo actions (a co-op room: the host picks what is next). */
export function showEndScreen(session: GameSession, newBest: boolean, actions: EndActions, footer?: HTMLElement): void {
  const d = buildDebrief(session.game);
  const downloadReplay = () => {
    const replay = session.game.toReplay();
    const a = h("a", { href: URL.createObjectURL(new Blob([JSON.stringify(replay)], { type: "application/json" })), download: `nines-replay-${session.state.scenario}.json` });
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const handle = openModal(d.headline, h("div", { "data-panel": "end" },
    h("p", { class: d.outcome === "won" ? "outcome-won" : "outcome-lost", style: "font-size: 16px; margin: 0" }, d.outcome === "won" ? "✔ Goal reached. " : "✖ ", d.reason, newBest ? h("b", null, " · New best!") : null),
    h("div", { class: "end-stats" }, [{ label: "Score", value: String(d.score) }, ...d.stats].map((s) => h("div", null, h("b", null, s.value), h("span", null, s.label)))),
    d.lessons.length ? h("section", { class: "lessons", "data-panel": "lessons" },
      h("h3", null, "What this chapter was about"),
      h("ul", null, d.lessons.map((l) => h("li", { class: l.felt ? "felt" : "unfelt" },
        // A shape as well as a colour: ◆ lived in this run, ◇ not this time.
        h("span", { class: "mark", "aria-label": l.felt ? "you lived this" : "not in this run" }, l.felt ? "◆" : "◇"),
        h("div", null, h("b", null, l.title), " ", h("span", null, l.text), h("div", { class: "idea" }, "→ ", l.idea), l.later ? h("div", { class: "later muted small" }, "Next: ", l.later) : null),
      ))),
    ) : null,
    h("div", { class: "end-grid" },
      h("section", null,
        h("h3", null, "What happened"),
        d.timeline.length === 0 ? h("p", { class: "muted" }, "No incidents: a quiet run.") : null,
        h("ol", { class: "timeline" }, d.timeline.map((t) => h("li", { class: `sev-${t.severity}` },
          h("div", null, h("span", { class: "at" }, t.at, " "), h("b", null, t.title), t.times > 1 ? h("span", { class: "times" }, ` ×${t.times}`) : null),
          t.when ? h("div", { class: "seen" }, t.when) : null,
          h("div", { class: "why" }, t.cause),
          h("div", { class: "seen" }, t.seen, " · ", t.lasted),
          t.prevention ? h("div", { class: "fix" }, "Prevention: ", t.prevention) : null,
          t.later ? h("div", { class: "later muted small" }, t.later) : null,
        ))),
      ),
      h("section", null,
        h("h3", null, "What to try"),
        h("ul", null, d.tips.map((t) => h("li", null, t))),
        d.auditFocus.length || d.auditOther.length ? h("h3", null, "Design review") : null,
        d.auditFocus.length ? [h("div", { class: "section-title" }, "This chapter"), findingList(d.auditFocus)] : null,
        d.auditOther.length ? [h("div", { class: "section-title" }, d.auditFocus.length ? "Also worth a look" : "Worth a look"), findingList(d.auditOther)] : null,
      ),
    ),
    footer ?? h("div", { class: "row end-actions" },
      actions.next ? h("button", { class: "btn primary", type: "button", "data-action": "next-chapter", onclick: () => { handle.close(); actions.next!(); } }, "Next chapter →") : null,
      h("button", { class: `btn ${actions.next ? "" : "primary"}`, type: "button", "data-action": "retry", onclick: () => { handle.close(); actions.retry(); } }, "↻ Try again"),
      h("button", { class: "btn", type: "button", onclick: () => { handle.close(); actions.chapters(); } }, "Chapters"),
      h("button", { class: "btn", type: "button", onclick: () => { handle.close(); actions.keepWatching(); } }, "Look at the board"),
      h("button", { class: "btn", type: "button", onclick: downloadReplay }, "⬇ Replay file"),
    ),
    h("div", { class: "row end-actions", "data-panel": "design-downloads" }, h("span", { class: "small muted" }, "Your design:"), ...designDownloadButtons(() => session.game)),
  ), { wide: true, sticky: true });
}

function findingList(list: Finding[]): HTMLElement {
  return h("ul", { class: "small" }, list.map((f) => h("li", null, h("b", null, f.title), ": ", f.detail)));
}

// The chapter's floating coach: the current step, its highlighted control, Next and Skip. Solo,
// it holds the game's pause while the player reads (logic/tutorial.ts decides when).
import { acknowledge, CoachPause, currentStep, type TutorialStep } from "../logic/tutorial.js";
import type { GameSession } from "../logic/session.js";
import { h, setText } from "./dom.js";

export class TutorialCoach {
  readonly el: HTMLElement;
  private index = 0;
  private readonly title = h("h4", null);
  private readonly text = h("p", null);
  private readonly next = h("button", { class: "btn small primary", type: "button", "data-action": "tutorial-next" }, "Got it");
  private readonly counter = h("span", { class: "small muted" });
  private highlighted: Element[] = [];
  private readonly pause: CoachPause;

  /** `hold`: solo, pauses the game and returns the release; null in a room (one player never pauses everyone). */
  constructor(private readonly session: GameSession, private readonly steps: readonly TutorialStep[], hold: (() => () => void) | null, private readonly onDone: () => void) {
    this.pause = new CoachPause({ get state() { return session.state; }, hold: () => hold?.() ?? null });
    this.next.addEventListener("click", () => {
      this.index = acknowledge(this.steps, this.index);
      this.refresh();
    });
    this.el = h("aside", { class: "coach", "data-panel": "tutorial", role: "dialog", "aria-label": "Chapter coach" },
      this.title, this.text,
      h("div", { class: "row" }, h("button", { class: "btn small", type: "button", "data-action": "tutorial-skip", onclick: () => this.finish() }, "Skip"), this.counter, this.next),
    );
  }

  get stepId(): string | null {
    return this.steps[this.index]?.id ?? null;
  }

  refresh(): void {
    this.index = currentStep(this.steps, this.index, this.session.state);
    const step = this.steps[this.index];
    if (!step) return this.finish();
    this.pause.update(step);
    setText(this.title, `${this.index + 1} · ${step.title}`);
    setText(this.text, step.text);
    setText(this.counter, `${this.index + 1} / ${this.steps.length}${this.pause.holding ? " · paused" : ""}`);
    this.next.classList.toggle("hidden", !!step.until);
    this.next.textContent = this.index === this.steps.length - 1 ? "Let's go" : "Got it";
    for (const e of this.highlighted) e.classList.remove("coach-target");
    this.highlighted = step.target ? [...document.querySelectorAll(`[data-tutorial^="${step.target}"]`)] : [];
    for (const e of this.highlighted) e.classList.add("coach-target");
  }

  finish(): void {
    this.pause.stop();
    for (const e of this.highlighted) e.classList.remove("coach-target");
    this.highlighted = [];
    this.el.remove();
    this.onDone();
  }
}

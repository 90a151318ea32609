// The tutorial's floating coach: the current step, its highlighted control, Next and Skip.
import { acknowledge, currentStep, type TutorialStep } from "../logic/tutorial.js";
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

  constructor(private readonly session: GameSession, private readonly steps: readonly TutorialStep[], private readonly onDone: () => void) {
    this.next.addEventListener("click", () => {
      this.index = acknowledge(this.steps, this.index);
      this.refresh();
    });
    this.el = h("aside", { class: "coach", "data-panel": "tutorial", role: "dialog", "aria-label": "Tutorial" },
      this.title, this.text,
      h("div", { class: "row" }, h("button", { class: "btn small", type: "button", "data-action": "tutorial-skip", onclick: () => this.finish() }, "Skip tutorial"), this.counter, this.next),
    );
  }

  get stepId(): string | null {
    return this.steps[this.index]?.id ?? null;
  }

  refresh(): void {
    this.index = currentStep(this.steps, this.index, this.session.state);
    const step = this.steps[this.index];
    if (!step) return this.finish();
    setText(this.title, step.title);
    setText(this.text, step.text);
    setText(this.counter, `${this.index + 1} / ${this.steps.length}`);
    this.next.classList.toggle("hidden", !!step.done);
    this.next.textContent = this.index === this.steps.length - 1 ? "Let's go" : "Got it";
    for (const e of this.highlighted) e.classList.remove("coach-target");
    this.highlighted = step.target ? [...document.querySelectorAll(`[data-tutorial^="${step.target}"]`)] : [];
    for (const e of this.highlighted) e.classList.add("coach-target");
  }

  finish(): void {
    for (const e of this.highlighted) e.classList.remove("coach-target");
    this.highlighted = [];
    this.el.remove();
    this.onDone();
  }
}

// The chapter coaches: steps defined with each chapter (shared/coach.ts, content/scenarios/*.ts)
// that advance by watching the game state, never by trusting a click. A step names the control it
// points at (a `data-tutorial` attribute in the DOM). Solo, the clock waits while the player reads.
import { coachGoalMet, findScenario, type CoachStep, type GameState } from "../../shared/index.js";

export type TutorialStep = CoachStep;

export function stepsFor(scenarioId: string): readonly TutorialStep[] {
  return findScenario(scenarioId)?.coach ?? [];
}

export function stepDone(step: TutorialStep, state: GameState): boolean {
  return !!step.until && coachGoalMet(state, step.until);
}

/**
 * The step to show: skips every step whose goal is already met (the player may run ahead of the
 * text) but never goes back. Returns steps.length when the tutorial is over.
 */
export function currentStep(steps: readonly TutorialStep[], from: number, state: GameState): number {
  let i = Math.max(0, from);
  while (i < steps.length && stepDone(steps[i], state)) i++;
  return i;
}

/** "Next" on a step that waits for the player; ignored on steps that watch the state. */
export function acknowledge(steps: readonly TutorialStep[], index: number): number {
  return index < steps.length && !steps[index].until ? index + 1 : index;
}

/**
 * Whether the clock should wait while this step is open: always while the player reads ("Got it"
 * steps), and while they act once users are there (time then costs requests). Never on a step
 * that needs time to pass, nor before launch, when a running clock only boots the servers.
 */
export function stepHoldsClock(step: TutorialStep | undefined, state: GameState): boolean {
  if (!step || state.ended) return false;
  if (!step.until) return true;
  if (step.until.kind === "live-for") return false;
  return state.launchedAt >= 0;
}

/** What the coach needs from the game: its state and, solo, a pause it can hold and release. */
export interface CoachClock {
  readonly state: GameState;
  /** Pauses the game and returns the release, or null where one player may not pause (co-op). */
  hold(): (() => void) | null;
}

/**
 * Follows the coach's current step and holds the pause while the step wants it: one hold at a
 * time, released when the step no longer wants it or the coach closes.
 */
export class CoachPause {
  private release: (() => void) | null = null;
  private step: TutorialStep | undefined;
  constructor(private readonly clock: CoachClock) {}

  update(step: TutorialStep | undefined): void {
    const want = stepHoldsClock(step, this.clock.state);
    // A new step pauses again even if the player played on through the last one (Space).
    if (step !== this.step) this.stop();
    this.step = step;
    if (want && !this.release) this.release = this.clock.hold();
    else if (!want) this.stop();
  }

  stop(): void {
    this.release?.();
    this.release = null;
  }

  get holding(): boolean {
    return this.release !== null;
  }
}

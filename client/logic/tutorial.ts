// The chapter tutorials: short steps that advance by watching the game state, never by trusting
// a click. A step names the control it points at (a `data-tutorial` attribute in the DOM).
import type { GameState, ServiceKind } from "../../shared/index.js";

export interface TutorialStep {
  id: string;
  title: string;
  text: string;
  /** `data-tutorial` value of the control to highlight, if any. */
  target?: string;
  /** Done when this holds; steps without it wait for the player's "Next". */
  done?: (state: GameState) => boolean;
}

const hasService = (state: GameState, kind: ServiceKind) => state.hosts.some((h) => h.services.some((s) => s.kind === kind));

export const CHAPTER_ONE: readonly TutorialStep[] = [
  {
    id: "buy", title: "1 · Rent a server",
    text: "Everything starts with one machine. Buy the medium server with a public address, so the internet can reach it.",
    target: "buy-server", done: (s) => s.hosts.length > 0,
  },
  {
    id: "web", title: "2 · Install Nginx",
    text: "Select your server, then install the web server. Nginx answers browsers: it serves images and pages itself and hands everything else on.",
    target: "install-web", done: (s) => hasService(s, "web"),
  },
  {
    id: "app", title: "3 · Install the application",
    text: "The application server runs foobar.com's code: it builds each page from the data. Install it on the same server.",
    target: "install-app", done: (s) => hasService(s, "app"),
  },
  {
    id: "db", title: "4 · Install MySQL",
    text: "The database keeps the accounts, posts and orders. Install MySQL: now one machine carries the whole stack.",
    target: "install-db", done: (s) => hasService(s, "db"),
  },
  {
    id: "dns", title: "5 · Point www at your server",
    text: "Nobody can find you yet. When Nginx, the app and MySQL show ● running, open DNS and create an A record: www.foobar.com → 8.8.8.8, your server's public address.",
    target: "dns", done: (s) => s.dns.www !== null,
  },
  {
    id: "watch", title: "6 · Visitors!",
    text: "Browsers now ask DNS for www.foobar.com, get 8.8.8.8 and send requests. Watch the dots: ● static files, ■ page reads, ◆ writes. Money and uptime move in the bar at the top.",
    done: (s) => s.launchedAt >= 0 && s.tick - s.launchedAt >= 80,
  },
  {
    id: "ready", title: "7 · Keep it up",
    text: "Traffic grows every minute, and the team will ship new code soon. Keep an eye on the alerts (left) and on your server's load. Space pauses; keys 1–4 set the speed (1×, 2×, 4×, 8×).",
  },
];

export function stepsFor(scenarioId: string): readonly TutorialStep[] {
  return scenarioId === "simple-stack" ? CHAPTER_ONE : [];
}

/**
 * The step to show: skips every step whose goal is already met (the player may run ahead of the
 * text) but never goes back. Returns steps.length when the tutorial is over.
 */
export function currentStep(steps: readonly TutorialStep[], from: number, state: GameState): number {
  let i = Math.max(0, from);
  while (i < steps.length && steps[i].done?.(state)) i++;
  return i;
}

/** "Next" on a step that waits for the player; ignored on steps that watch the state. */
export function acknowledge(steps: readonly TutorialStep[], index: number): number {
  return index < steps.length && !steps[index].done ? index + 1 : index;
}

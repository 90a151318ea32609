// A team room seen by a student: the co-op game, plus what a class adds. The timer is always on
// screen (countdown, time left, paused by the teacher); the standings when the teacher shows them;
// at the end the student's rank and score. The room's clock belongs to the teacher.
import { TICKS_PER_SECOND, type ClassPhaseMessage, type ResultsMessage, type StandingsMessage } from "../../shared/index.js";
import type { RoomFlavour } from "../ui/coopGame.js";
import { fill, h, setText } from "../ui/dom.js";
import type { ClassSeat } from "./classApi.js";

const REFRESH_MS = 250;

export class ClassroomFlavour implements RoomFlavour {
  private phase: ClassPhaseMessage | null = null;
  private countdownEndsAt = 0;
  private standings: StandingsMessage | null = null;
  results: ResultsMessage | null = null;
  private readonly timer = h("span", { class: "class-timer", "data-class": "timer", "aria-live": "off" }, "–:––");
  private readonly rank = h("span", { class: "class-rank", "data-class": "rank" });
  readonly bar: HTMLElement;
  private readonly resultCard = h("div", { class: "class-result hidden", role: "dialog", "aria-label": "Your result", "data-class": "result" });
  private readonly waitingText = h("p", { class: "class-waiting-text", role: "status" });
  private readonly waitingCount = h("p", { class: "class-countdown", "aria-live": "assertive" });
  private readonly interval: ReturnType<typeof setInterval>;
  private readonly teamLabel = h("span", null);

  constructor(private readonly seat: ClassSeat, private readonly tick: () => number | null, private readonly leave: () => void) {
    this.bar = h("div", { class: "class-bar", "data-class": "bar" },
      h("span", { class: "class-who" }, `Class ${seat.code} · `, h("strong", null, seat.name), this.teamLabel),
      this.timer,
      this.rank);
    document.body.append(this.bar, this.resultCard);
    this.interval = setInterval(() => this.refresh(), REFRESH_MS);
  }

  destroy(): void {
    clearInterval(this.interval);
    this.bar.remove();
    this.resultCard.remove();
  }

  waitingScreen(): HTMLElement {
    this.refresh();
    return h("div", { class: "screen menu whiteboard", "data-screen": "class-waiting" },
      h("div", { class: "menu-card" },
        h("h1", { class: "logo small-logo" }, "You are in"),
        h("p", { class: "class-me" }, "You play as ", h("strong", null, this.seat.name), this.phase?.teams ? ` (team ${this.seat.team})` : ""),
        this.waitingText,
        this.waitingCount,
        h("div", { class: "menu-footer" }, h("button", { class: "btn", type: "button", onclick: () => this.leave() }, "Leave the class"), h("span", null, "A reload brings you back to this seat."))));
  }

  pauseLock(): string | null {
    return "in a class only the teacher pauses or changes the speed";
  }

  /** The line under the game's own debrief; it fills in when the class's results arrive. */
  private readonly footer = h("div", { class: "class-end-footer", "data-class": "end-footer" });

  endFooter(): HTMLElement {
    setText(this.footer, this.resultLine());
    return this.footer;
  }

  message(type: string, msg: unknown): void {
    if (type === "classPhase") {
      this.phase = msg as ClassPhaseMessage;
      this.countdownEndsAt = this.phase.startsInMs ? performance.now() + this.phase.startsInMs : 0;
      setText(this.teamLabel, this.phase.teams && this.seat.team ? ` · team ${this.seat.team}` : "");
      if (this.phase.phase === "lobby") {
        this.results = null;
        this.resultCard.classList.add("hidden");
      }
    } else if (type === "standings") {
      this.standings = msg as StandingsMessage;
    } else if (type === "dismissed") {
      fill(this.resultCard, h("h2", null, "You left the class"), h("p", null, (msg as { reason?: string })?.reason ?? "The teacher removed you."),
        h("button", { class: "btn", type: "button", onclick: () => this.leave() }, "Back to the menu"));
      this.resultCard.classList.remove("hidden");
    } else if (type === "results") {
      this.results = msg as ResultsMessage;
      setText(this.footer, this.resultLine());
      this.showResult();
    }
    this.refresh();
  }

  private mine<T extends { team: number }>(list: T[]): T | undefined {
    return list.find((t) => t.team === this.seat.team);
  }

  private resultLine(): string {
    const r = this.results;
    const me = r && this.mine(r.teams);
    if (!r || !me) return "Waiting for the class's results…";
    return `Rank ${me.rank} of ${r.teams.length} · score ${me.score.toLocaleString("en-US")} · uptime ${(me.uptimePermyriad / 100).toFixed(2)} %`;
  }

  private showResult(): void {
    const r = this.results!;
    const me = this.mine(r.teams);
    fill(this.resultCard,
      h("h2", null, "Time is up"),
      me ? h("p", { class: "class-result-rank" }, `Rank ${me.rank}`, h("small", null, ` of ${r.teams.length}`)) : null,
      h("p", null, this.resultLine()),
      h("ol", { class: "class-result-top" }, ...r.teams.slice(0, 5).map((t) => h("li", { class: t.team === this.seat.team ? "me" : "" }, `${t.members.join(", ")} — ${t.score.toLocaleString("en-US")}`))),
      h("div", { class: "row" },
        h("button", { class: "btn primary", type: "button", "data-action": "close-result", onclick: () => this.resultCard.classList.add("hidden") }, "See my board and debrief"),
        h("button", { class: "btn", type: "button", onclick: () => this.leave() }, "Leave the class")));
    this.resultCard.classList.remove("hidden");
    (this.resultCard.querySelector("button") as HTMLButtonElement | null)?.focus();
  }

  /** Time left in the round, as the room's game counts it (ticks), so a paused class stops the clock. */
  private refresh(): void {
    const p = this.phase;
    let text = "–:––";
    let waiting = "Waiting for the teacher to start the challenge…";
    let count = "";
    if (p?.phase === "countdown") {
      const s = Math.max(0, Math.ceil((this.countdownEndsAt - performance.now()) / 1000));
      text = `Starts in ${s}`;
      waiting = "Get ready: the challenge starts in";
      count = String(s);
    } else if (p && (p.phase === "running" || p.phase === "paused")) {
      const tick = this.tick() ?? 0;
      const left = Math.max(0, Math.ceil((p.endTick - tick) / TICKS_PER_SECOND));
      text = `${clock(left)} left${p.phase === "paused" ? " · paused by the teacher" : ""}`;
      waiting = "The challenge is on: loading your board…";
    } else if (p?.phase === "finished" || p?.phase === "interrupted") {
      text = p.phase === "finished" ? "Time is up" : "Interrupted";
      waiting = "This round is over. Wait for the teacher to start the next one.";
    }
    setText(this.timer, text);
    this.timer.classList.toggle("urgent", !!p && p.phase === "running" && (p.endTick - (this.tick() ?? 0)) <= 30 * TICKS_PER_SECOND);
    setText(this.waitingText, waiting);
    setText(this.waitingCount, count);
    const standing = this.standings && this.mine(this.standings.standings);
    const place = standing ? this.standings!.standings.indexOf(standing) + 1 : 0;
    setText(this.rank, this.results ? this.resultLine() : place ? `Rank ${place} of ${this.standings!.standings.length}` : "");
  }
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

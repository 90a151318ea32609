// The teacher's dashboard for one challenge, made for a projector: the join code in large letters
// with a QR code of the join link, the students with their connection (live through the teacher
// room), the controls (start with a countdown, pause, extend, end, lock, next round), the live
// standings and, at the end, the results with each team's debrief and the downloads.
import QRCode from "qrcode";
import { TICKS_PER_SECOND, type ResultsMessage, type StandingsMessage } from "../../shared/index.js";
import { fill, h, setText } from "../ui/dom.js";
import { ClassLink, type ClassView } from "./classLink.js";
import { downloadResults } from "./downloads.js";
import { clock, renderResults, renderStandings } from "./scoreTables.js";

const CONNECTION_TEXT = { connected: "connected", reconnecting: "reconnecting…", gone: "gone" } as const;
const PHASE_TEXT = { lobby: "Waiting in the lobby", countdown: "Starting…", running: "Running", paused: "Paused", finished: "Finished", interrupted: "Interrupted (the server restarted)" } as const;

export function lobbyView(code: string, token: string): { el: HTMLElement; stop: () => void } {
  const origin = location.origin;
  const joinUrl = `${origin}/join?code=${code}`;
  const teacherUrl = `${origin}/teacher?code=${code}#token=${token}`;
  const qr = h("img", { class: "teacher-qr", alt: `QR code of the join link ${joinUrl}`, width: 280, height: 280 });
  QRCode.toDataURL(joinUrl, { margin: 1, width: 560, errorCorrectionLevel: "M" }).then((url) => (qr.src = url), () => qr.remove());

  const summary = h("p", { class: "teacher-summary" });
  const status = h("p", { class: "teacher-status", role: "status" });
  const timer = h("p", { class: "teacher-timer", "data-teacher": "timer", "aria-live": "off" });
  const notice = h("p", { class: "teacher-error", role: "alert" });
  const list = h("ul", { class: "teacher-students" });
  const count = h("span", null, "0");
  const controls = h("div", { class: "teacher-controls", role: "toolbar", "aria-label": "Challenge controls" });
  const standingsBox = h("section", { class: "teacher-standings", "data-teacher": "standings" });
  const resultsBox = h("section", { class: "teacher-results", "data-teacher": "results" });
  const joinCard = h("div", { class: "teacher-join" },
    h("p", null, "Join at ", h("strong", null, `${origin}/join`), " with the code"),
    h("p", { class: "teacher-code", "aria-label": `join code ${code.split("").join(" ")}` }, code),
    qr,
    h("p", { class: "teacher-link" }, h("a", { href: joinUrl }, joinUrl)));

  const el = h("section", { class: "teacher-dashboard" },
    h("div", { class: "teacher-lobby" },
      joinCard,
      h("div", { class: "teacher-side" },
        summary,
        h("div", { class: "teacher-state" }, status, timer),
        controls,
        notice,
        h("h2", null, "Students (", count, ")"),
        list,
        h("details", { class: "teacher-secret" },
          h("summary", null, "Teacher link (keep it private)"),
          h("p", null, "It opens this challenge and its results again, from any browser, days later."),
          h("input", { class: "teacher-secret-link", readonly: true, value: teacherUrl, onclick: (e: Event) => (e.target as HTMLInputElement).select() })))),
    standingsBox,
    resultsBox);

  let view: ClassView | null = null;
  let leadTick = 0;
  let countdownEndsAt = 0;

  const link = new ClassLink(code, token, {
    view: (v) => {
      view = v;
      countdownEndsAt = v.startsInMs ? performance.now() + v.startsInMs : 0;
      if (v.phase === "lobby") {
        leadTick = 0;
        fill(standingsBox);
        fill(resultsBox);
      }
      render();
    },
    standings: (m: StandingsMessage) => {
      leadTick = Math.max(0, ...m.standings.map((s) => s.tick));
      renderStandings(standingsBox, m, (team) => watchButton(team));
      tickTimer();
    },
    results: (m: ResultsMessage) => {
      fill(standingsBox);
      renderResults(resultsBox, m, downloads());
      resultsBox.scrollIntoView?.({ block: "start" });
    },
    rejected: (reason) => setText(notice, `✖ ${reason}`),
    status: (text) => setText(notice, text ?? ""),
  });
  link.connect().catch((e: Error) => setText(status, /token/.test(e.message) ? "This teacher link is not valid for this challenge." : `Cannot reach the server: ${e.message}`));

  const act = (action: string, payload: Record<string, unknown> = {}) => {
    setText(notice, "");
    link.send(action, payload);
  };
  const button = (label: string, action: () => void, opts: { primary?: boolean; key?: string; name: string }) =>
    h("button", { class: `btn ${opts.primary ? "primary" : ""}`, type: "button", "data-action": opts.name, "aria-keyshortcuts": opts.key, title: opts.key ? `${label} (${opts.key})` : label, onclick: action }, label);

  const watchButton = (team: number) => {
    const room = view?.teamRooms.find((r) => r.team === team);
    if (!room) return null;
    return h("a", { class: "btn small", href: `/watch?room=${encodeURIComponent(room.roomId)}&code=${code}#token=${token}`, target: "_blank", rel: "noopener", "data-action": "watch" }, "Watch");
  };

  const downloads = () => h("div", { class: "teacher-downloads" },
    button("Download CSV", () => void downloadResults(code, token, "csv").catch((e: Error) => setText(notice, e.message)), { name: "download-csv" }),
    button("Download JSON", () => void downloadResults(code, token, "json").catch((e: Error) => setText(notice, e.message)), { name: "download-json" }));

  function render(): void {
    const v = view;
    if (!v) return;
    const s = v.settings;
    setText(summary, `${s.scenario} · ${s.durationMinutes} min · ${s.mode === "teams" ? `teams of ${s.teamSize}` : "each student alone"} · seed ${v.seed} · round ${v.round}${s.generatedNames ? " · generated names" : ""}`);
    setText(status, `${PHASE_TEXT[v.phase]}${v.locked ? " · locked to new students" : ""}`);
    joinCard.classList.toggle("compact", v.phase !== "lobby");
    const inPlay = v.phase === "countdown" || v.phase === "running" || v.phase === "paused";
    fill(controls,
      v.phase === "lobby" ? button("Start (5 s countdown)", () => act("start"), { primary: true, name: "start", key: "S" }) : null,
      v.phase === "running" ? button("Pause", () => act("pause"), { name: "pause", key: "P" }) : null,
      v.phase === "paused" ? button("Resume", () => act("resume"), { primary: true, name: "resume", key: "P" }) : null,
      inPlay ? button("+1 min", () => act("extend", { minutes: 1 }), { name: "extend-1" }) : null,
      inPlay ? button("+5 min", () => act("extend", { minutes: 5 }), { name: "extend-5" }) : null,
      inPlay ? button("End now", () => { if (confirm("End the challenge for everyone now?")) act("end"); }, { name: "end", key: "E" }) : null,
      v.phase === "finished" || v.phase === "interrupted" ? button("New round, same seed", () => act("again", { newSeed: false }), { primary: true, name: "again-same" }) : null,
      v.phase === "finished" || v.phase === "interrupted" ? button("New round, new seed", () => act("again", { newSeed: true }), { name: "again-new" }) : null,
      button(v.locked ? "Unlock joining" : "Lock joining", () => act("lock", { locked: !v.locked }), { name: "lock", key: "L" }));
    setText(count, String(v.students.length));
    fill(list, ...(v.students.length
      ? v.students.map((p) => h("li", { class: `teacher-student is-${p.connection}`, "data-student": p.name },
        h("span", null, p.name),
        h("small", null, `${s.mode === "teams" ? `team ${p.team} · ` : ""}${CONNECTION_TEXT[p.connection]}`),
        h("span", { class: "teacher-student-actions" },
          h("button", { class: "btn small", type: "button", "aria-label": `Rename ${p.name}`, "data-action": "rename", onclick: () => { const n = prompt(`New display name for ${p.name}`, p.name); if (n !== null) act("rename", { participant: p.id, name: n }); } }, "✎"),
          h("button", { class: "btn small", type: "button", "aria-label": `Remove ${p.name}`, "data-action": "remove", onclick: () => { if (confirm(`Remove ${p.name} from the challenge?`)) act("remove", { participant: p.id }); } }, "✖"))))
      : [h("li", { class: "teacher-empty" }, "Nobody yet: students join with the code.")]));
    tickTimer();
  }

  function tickTimer(): void {
    const v = view;
    if (!v) return;
    let text = "";
    if (v.phase === "countdown") text = `Starts in ${Math.max(0, Math.ceil((countdownEndsAt - performance.now()) / 1000))}`;
    else if (v.phase === "running" || v.phase === "paused") text = `${clock(Math.max(0, v.endTick - leadTick))} left${v.phase === "paused" ? " (paused)" : ""}`;
    else if (v.phase === "lobby") text = `${v.settings.durationMinutes}:00`;
    else text = "Time is up";
    setText(timer, text);
  }

  const timerLoop = setInterval(tickTimer, 1000 / TICKS_PER_SECOND * 5);
  // Keyboard: S start, P pause or resume, E end (with a confirmation), L lock.
  const keys = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const map: Record<string, string> = { s: "start", p: view?.phase === "paused" ? "resume" : "pause", e: "end", l: "lock" };
    const name = map[e.key.toLowerCase()];
    const target = name && (controls.querySelector(`[data-action="${name}"]`) as HTMLButtonElement | null);
    if (target) {
      e.preventDefault();
      target.click();
    }
  };
  document.addEventListener("keydown", keys);
  return { el, stop: () => { clearInterval(timerLoop); document.removeEventListener("keydown", keys); link.close(); } };
}

// The live standings table and, at the end, the leaderboard with each team's debrief. Names are
// always inserted as text.
import { money, type ResultsMessage, type Standing, type StandingsMessage, type TeamDebrief } from "../../shared/index.js";
import { fill, h } from "../ui/dom.js";

const HEAD = ["#", "Who", "Uptime", "Nines", "Money", "Incidents", "Open findings", "Score"];

function row(rank: number, s: Standing, extra: HTMLElement | null): HTMLElement {
  return h("tr", { "data-team": s.team },
    h("td", { class: "num" }, rank),
    h("td", null, s.members.join(", ") || `team ${s.team}`),
    h("td", { class: "num" }, `${(s.uptimePermyriad / 100).toFixed(2)} %`),
    h("td", { class: "num" }, s.nines),
    h("td", { class: "num" }, money(s.money)),
    h("td", { class: "num" }, s.incidents),
    h("td", { class: "num" }, s.openFindings),
    h("td", { class: "num strong" }, s.score.toLocaleString("en-US")),
    extra ? h("td", null, extra) : null);
}

export function renderStandings(into: HTMLElement, message: StandingsMessage, watch: (team: number) => HTMLElement | null): void {
  fill(into,
    h("h2", null, "Live standings"),
    message.standings.length
      ? h("table", { class: "teacher-table", "data-table": "standings" },
        h("thead", null, h("tr", null, ...HEAD.map((t) => h("th", null, t)), h("th", null, "Board"))),
        h("tbody", null, ...message.standings.map((s, i) => row(i + 1, s, watch(s.team)))))
      : h("p", { class: "teacher-empty" }, "No team is playing yet."));
}

export function renderResults(into: HTMLElement, message: ResultsMessage, downloads: HTMLElement): void {
  fill(into,
    h("h2", null, `Results — round ${message.round}`),
    downloads,
    h("table", { class: "teacher-table", "data-table": "results" },
      h("thead", null, h("tr", null, ...HEAD.map((t) => h("th", null, t)))),
      h("tbody", null, ...message.teams.map((t) => row(t.rank, t, null)))),
    h("h2", null, "Debriefs"),
    ...message.teams.map(debrief));
}

function debrief(t: TeamDebrief): HTMLElement {
  return h("details", { class: "teacher-debrief" },
    h("summary", null, `${t.rank}. ${t.members.join(", ") || `team ${t.team}`} — ${t.score.toLocaleString("en-US")} points`),
    h("div", { class: "teacher-debrief-body" },
      h("div", null,
        h("h3", null, "Incident timeline"),
        t.timeline.length
          ? h("ol", null, ...t.timeline.map((i) => h("li", { class: `sev-${i.severity}` }, h("span", { class: "mono" }, clock(i.tick)), ` ${i.title}`)))
          : h("p", null, t.incidents ? `${t.incidents} incidents (the timeline is shown only in the session that played the round).` : "No incidents.")),
      h("div", null,
        h("h3", null, "Architecture audit: still open"),
        t.findings.length ? h("ul", null, ...t.findings.map((f) => h("li", null, h("strong", null, f.title), h("br"), h("small", null, f.detail)))) : h("p", null, "Nothing open: a clean design."))));
}

/** Game time as minutes:seconds (10 ticks a second). */
export function clock(tick: number): string {
  const s = Math.floor(tick / 10);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

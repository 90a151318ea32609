// The end screen's content as data: the result, what the chapter taught (in terms of this run),
// the incident timeline (including what the player never saw), what to try next and the design
// review, the chapter's own concepts first. Pure, so it is tested without a browser.
import { audit, endText, incidentText, nines, ninesCappedByTime, score, slaPermyriad, sniffedRequests, uptimePermyriad, type Game, type Incident } from "../../shared/index.js";
import { orderedFindings } from "./auditView.js";
import { clock, duration, money, permyriad } from "./format.js";
import { preventionIn } from "./advice.js";
import { groupIncidents } from "./incidentGroups.js";
import { chapterLessons, type Lesson } from "./lessons.js";

export interface TimelineEntry {
  id: number;
  at: string;
  severity: Incident["severity"];
  title: string;
  cause: string;
  /** What would have prevented it, with what this chapter allows ("" when nothing here would). */
  prevention: string;
  /** The fix a later chapter brings, when this chapter forbids it; null otherwise. */
  later: string | null;
  /** How the player learned of it. */
  seen: string;
  lasted: string;
  /** How many times it happened (repeats are folded into one entry), and when. */
  times: number;
  when: string;
}

export interface Finding { title: string; detail: string }

export interface Debrief {
  outcome: "won" | "lost" | "complete" | "running";
  headline: string;
  reason: string;
  stats: { label: string; value: string }[];
  score: number;
  lessons: Lesson[];
  timeline: TimelineEntry[];
  tips: string[];
  /** Failing checks about this chapter's concepts (and its goal). */
  auditFocus: Finding[];
  /** Every other failing check. */
  auditOther: Finding[];
}

const MAX_TIPS = 5;

export function buildDebrief(game: Game): Debrief {
  const s = game.state;
  const end = s.ended;
  const now = end ? end.tick : s.tick;
  const launch = Math.max(0, s.launchedAt);
  const shown = s.incidents.filter((i) => i.kind !== "traffic-growth" || i.severity !== "info");
  const lessons = chapterLessons(game);
  // Advice the chapter forbids is not given: the chapter's own lesson speaks instead, and the
  // real fix is named with the chapter that brings it.
  const prevention = (i: Incident) => {
    const p = preventionIn(game.scenario, i);
    return { prevention: p.advice || (lessons.find((l) => l.kinds.includes(i.kind))?.idea ?? ""), later: p.later };
  };
  const timeline: TimelineEntry[] = groupIncidents(shown).map(({ lead: i, all }) => ({
    id: i.id,
    at: clock(i.tick),
    severity: i.severity,
    title: incidentText(i).title,
    cause: incidentText(i).cause,
    ...prevention(i),
    seen: i.detectedAt > now ? "You never saw this one: nothing was monitoring it." : i.detectedAt > i.tick ? `You heard of it ${duration(i.detectedAt - i.tick)} later, from users.` : "Seen at once.",
    lasted: lastedText(all),
    times: all.length,
    when: all.length > 1 ? whenText(all) : "",
  }));
  const findings = orderedFindings(s, game.scenario).filter((f) => !f.ok);
  const required = new Set<string>(game.scenario.goal.requires);

  // What to try: the goal's unmet checks, then what the chapter's lessons lead to (those this
  // run lived through first), then what would have prevented the rest of the incidents.
  const tips: string[] = [];
  const add = (t: string) => { if (tips.length < MAX_TIPS && !tips.includes(t)) tips.push(t); };
  for (const f of findings.filter((f) => required.has(f.id))) add(`Goal: ${f.title.toLowerCase()}. ${f.detail}`);
  for (const l of lessons.filter((l) => l.felt)) add(`${l.title}: ${l.idea}`);
  // An incident a lesson speaks about already has its advice there, in the lesson's words.
  const covered = new Set(lessons.flatMap((l) => l.kinds));
  for (const i of [...s.incidents].reverse()) {
    const advice = preventionIn(game.scenario, i).advice;
    if (i.severity === "info" || covered.has(i.kind) || !advice) continue;
    add(advice);
  }
  for (const l of lessons.filter((l) => !l.felt)) add(`${l.title}: ${l.idea}`);
  if (tips.length === 0) tips.push(end?.outcome === "won" ? "Try the next chapter, or replay this one at 8× and aim for more nines." : "Look at which hop fails in the 'Failing now' list and fix that hop first.");

  const outcome = end ? end.outcome : "running";
  const headline = outcome === "won" ? "foobar.com stayed up" : outcome === "lost" ? "foobar.com went down" : outcome === "complete" ? "Run complete" : "Run in progress";
  return {
    outcome,
    headline,
    reason: end ? endText(end, game.scenario, audit(s)) : "",
    score: score(s),
    stats: [
      // The goal counts requests served: it comes first, under the goal's own name.
      { label: game.scenario.goal.minSlaPermyriad ? `Requests served (goal ${permyriad(game.scenario.goal.minSlaPermyriad, 0)})` : "Requests served", value: permyriad(slaPermyriad(s)) },
      { label: "Uptime (seconds at ≥ 99 % answered)", value: permyriad(uptimePermyriad(s)) },
      { label: ninesCappedByTime(s) ? "Nines of uptime (capped by time live)" : "Nines of uptime", value: String(nines(s)) },
      // The HUD's clock, and beside it how long the site was live (what the figures above count).
      { label: "Clock", value: clock(now) },
      { label: "Live for", value: clock(now - launch) },
      { label: "Money left", value: money(s.money) },
      { label: "Incidents", value: String(shown.length) },
      // Only when it happened: requests an intruder inside read in plain HTTP behind a load balancer.
      ...(sniffedRequests(s) > 0 ? [{ label: "Requests read by an intruder inside", value: String(sniffedRequests(s)) }] : []),
      // Answered, but with data older than a write the user had just made: "async is fast but can lie".
      ...(s.totals.staleReads > 0 ? [{ label: "Stale reads (a replica missed a recent write)", value: String(s.totals.staleReads) }] : []),
    ],
    lessons,
    timeline,
    tips,
    auditFocus: findings.filter((f) => f.focus).map(({ title, detail }) => ({ title, detail })),
    auditOther: findings.filter((f) => !f.focus).map(({ title, detail }) => ({ title, detail })),
  };
}

function lastedText(all: Incident[]): string {
  const open = all.filter((i) => i.resolvedAt < 0).length;
  if (all.length === 1) return open ? "never fixed" : `fixed after ${duration(all[0].resolvedAt - all[0].tick)}`;
  const fixed = all.filter((i) => i.resolvedAt >= 0);
  const total = fixed.reduce((n, i) => n + (i.resolvedAt - i.tick), 0);
  return open ? `still going at the end${fixed.length ? `; earlier ones lasted ${duration(total)} in all` : ""}` : `${duration(total)} in all`;
}

function whenText(all: Incident[]): string {
  const times = all.slice(0, 4).map((i) => clock(i.tick));
  return `${all.length} times: ${times.join(", ")}${all.length > 4 ? ", …" : ""}`;
}

// The end screen's content as data: the result, the incident timeline (including what the player
// never saw), and what to try next. Pure, so it is tested without a browser.
import { nines, score, slaPermyriad, uptimePermyriad, type Game, type Incident } from "../../shared/index.js";
import { relevantFindings } from "./auditView.js";
import { clock, duration, money, permyriad } from "./format.js";

export interface TimelineEntry {
  id: number;
  at: string;
  severity: Incident["severity"];
  title: string;
  cause: string;
  prevention: string;
  /** How the player learned of it. */
  seen: string;
  lasted: string;
}

export interface Debrief {
  outcome: "won" | "lost" | "complete" | "running";
  headline: string;
  reason: string;
  stats: { label: string; value: string }[];
  score: number;
  timeline: TimelineEntry[];
  tips: string[];
  auditFailing: { title: string; detail: string }[];
}

export function buildDebrief(game: Game): Debrief {
  const s = game.state;
  const end = s.ended;
  const now = end ? end.tick : s.tick;
  const launch = Math.max(0, s.launchedAt);
  const timeline: TimelineEntry[] = s.incidents
    .filter((i) => i.kind !== "traffic-growth" || i.severity !== "info")
    .map((i) => ({
      id: i.id,
      at: clock(i.tick),
      severity: i.severity,
      title: i.title,
      cause: i.cause,
      prevention: i.prevention,
      seen: i.detectedAt > now ? "You never saw this one: nothing was monitoring it." : i.detectedAt > i.tick ? `You heard of it ${duration(i.detectedAt - i.tick)} later, from users.` : "Seen at once.",
      lasted: i.resolvedAt >= 0 ? `fixed after ${duration(i.resolvedAt - i.tick)}` : "never fixed",
    }));
  const required = new Set<string>(game.scenario.goal.requires);
  const failing = relevantFindings(s, game.scenario).filter((f) => !f.ok);
  const tips: string[] = [];
  for (const f of failing.filter((f) => required.has(f.id))) tips.push(`Goal: ${f.title.toLowerCase()}. ${f.detail}`);
  const seen = new Set<string>();
  for (const i of [...s.incidents].reverse()) {
    if (i.severity === "info" || seen.has(i.prevention)) continue;
    seen.add(i.prevention);
    tips.push(i.prevention);
    if (tips.length >= 5) break;
  }
  if (tips.length === 0) tips.push(end?.outcome === "won" ? "Try the next chapter, or replay this one at 8× and aim for more nines." : "Look at which hop fails in the HUD's 'Failing now' list and fix that hop first.");
  const outcome = end ? end.outcome : "running";
  const headline = outcome === "won" ? "foobar.com stayed up" : outcome === "lost" ? "foobar.com went down" : outcome === "complete" ? "Run complete" : "Run in progress";
  return {
    outcome,
    headline,
    reason: end?.reason ?? "",
    score: score(s),
    stats: [
      { label: "Requests served", value: permyriad(slaPermyriad(s)) },
      { label: "Uptime", value: permyriad(uptimePermyriad(s)) },
      { label: "Nines", value: String(nines(s)) },
      { label: "Played", value: clock(now - launch) },
      { label: "Money left", value: money(s.money) },
      { label: "Incidents", value: String(timeline.length) },
    ],
    timeline,
    tips,
    auditFailing: failing.map((f) => ({ title: f.title, detail: f.detail })),
  };
}

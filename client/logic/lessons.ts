// What a chapter is about, said at its end in terms of what this run lived through: "at 7:11
// server-01 failed and took the site with it" teaches a single point of failure better than the
// words do. Each chapter has a few lessons; each lesson looks for the incidents that made the
// player feel it, and falls back to a plain sentence when this run did not.
import { audit, findService, incidentText, ownedAddresses, resolveName, sniffedRequests, type Game, type GameState, type Host, type Incident, type IncidentKind } from "../../shared/index.js";
import { clock, duration } from "./format.js";

export interface Lesson {
  title: string;
  /** True when this run made the player live it (an incident, a choice on the board). */
  felt: boolean;
  /** What happened in this run, or what would have. */
  text: string;
  /** What to do about it, with what this chapter offers: never something the chapter forbids. */
  idea: string;
  /** Where the idea goes next: what a later chapter brings ("Chapter 2: …"), or null. */
  later: string | null;
  /** The incidents it speaks about: "What to try" does not repeat their advice in other words. */
  kinds: readonly IncidentKind[];
}

interface Context {
  state: GameState;
  game: Game;
  host(i: Incident): Host | undefined;
  name(i: Incident): string;
}

interface LessonSpec {
  title: string;
  idea: string;
  later?: string;
  /** Incidents that show it (the first one that matches is told). */
  kinds?: IncidentKind[];
  match?: (i: Incident, ctx: Context) => boolean;
  felt?: (i: Incident, ctx: Context) => string;
  /** When no incident matched: a sentence from the board itself, or null for the plain fallback. */
  board?: (ctx: Context) => string | null;
  unfelt: string;
}

const at = (i: Incident) => clock(i.tick);
const lasted = (i: Incident) => (i.resolvedAt >= 0 ? ` for ${duration(i.resolvedAt - i.tick)}` : "");
const lower = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);
const isLb = (h: Host | undefined) => !!h && !!findService(h, "lb");

const NO_ROOM: LessonSpec = {
  title: "No room to grow",
  kinds: ["overload"],
  felt: (i, c) => `At ${at(i)} ${c.name(i)} ran out of CPU: requests queued, pages slowed down and some were dropped. Traffic kept growing; the machine did not.`,
  unfelt: "Traffic grew all along. This run stayed under the ceiling, but one machine has one, and a busier day finds it.",
  idea: "Capacity that grows with traffic: more servers behind a load balancer. A bigger machine only raises the ceiling.",
};

// Chapter 1 allows one server and no load balancer: its ideas are what one server allows (repair
// fast, ship in a quiet hour, scale up in time); what fixes them for good is chapter 2's.
const SINGLE_POINT: LessonSpec = {
  title: "Single point of failure",
  kinds: ["host-failure"],
  felt: (i, c) => `At ${at(i)} ${c.name(i)} failed and the whole site went dark${lasted(i)}: web server, application and database all lived on that one machine.`,
  unfelt: "Every part of the site ran on one machine: had it failed, nothing would have answered.",
  idea: "With one server, every second it is down counts: repair it the moment you hear of it.",
  later: "Chapter 2: two servers behind a load balancer, so that losing one is not losing the site.",
};

const MAINTENANCE: LessonSpec = {
  title: "Downtime for maintenance",
  kinds: ["deploy", "release"],
  match: (i) => i.kind === "deploy",
  felt: (i) => i.params.scripted
    ? `At ${at(i)} nobody had shipped version ${i.params.version ?? 2} yet, so the team pushed it themselves, whatever the traffic: every page that needed the code failed until the application was back${lasted(i)}.`
    : `At ${at(i)} you shipped version ${i.params.version ?? 2}: the application restarted and every page that needed the code failed until it was back${lasted(i)}.`,
  unfelt: "Shipping new code restarts the application; with one server, users wait until it is back.",
  idea: "On one server a deploy means downtime: ship in a quiet hour, when the traffic chart dips, so the restart fails the fewest users.",
  later: "Chapter 2: two application servers behind a load balancer and a rolling deploy, with no downtime at all.",
};

const SCALE_UP: LessonSpec = {
  title: "No room to grow",
  kinds: ["overload"],
  felt: (i, c) => `At ${at(i)} ${c.name(i)} ran out of CPU: requests queued, pages slowed down and some were dropped. Traffic kept growing; the machine did not.`,
  board: (c) => (c.state.hosts.some((h) => h.tier === "large") ? "You moved to a large server before traffic outgrew the machine: scaling up bought room, at the price of a restart." : null),
  unfelt: "Traffic grew all along. This run stayed under the ceiling, but one machine has one, and a busier day finds it.",
  idea: "Move to a bigger machine before the peak, in a quiet hour: resizing restarts it.",
  later: "The largest machine is a ceiling too: chapter 2 adds machines instead.",
};

const CHAPTERS: Record<string, LessonSpec[]> = {
  "simple-stack": [SINGLE_POINT, MAINTENANCE, SCALE_UP],
  distributed: [
    {
      title: "Health checks route around a dead server",
      kinds: ["host-failure"],
      match: (i, c) => !isLb(c.host(i)),
      felt: (i, c) => `At ${at(i)} ${c.name(i)} died. ${healthChecks(c.state)}`,
      unfelt: "A load balancer with health checks stops sending users to a dead server after a few failed checks in a row (HAProxy's fall, 3 by default).",
      idea: "Keep health checks on, with at least two web servers behind the load balancer.",
    },
    {
      title: "Primary and replica",
      kinds: ["lost-writes", "primary-crash"],
      felt: (i, c) => i.kind === "lost-writes"
        ? `At ${at(i)} ${lower(incidentText(i).title)}: asynchronous replication had not copied the newest writes before the promotion.`
        : `At ${at(i)} the primary database crashed. ${c.state.replication === "semisync" ? "With semi-synchronous replication the replica held every acknowledged write, ready to take over." : "A promoted replica carries on, minus the writes it had not received yet."}`,
      unfelt: "A replica keeps a copy of the primary; when the primary fails, promoting the replica keeps writes going.",
      idea: "Keep a replica ready to promote. Asynchronous replication is faster but may lose the last writes; semi-synchronous loses none and makes each write wait a little.",
    },
    {
      title: "A replica can answer with old data",
      kinds: ["stale-reads", "semisync-fallback"],
      felt: (i, c) => i.kind === "stale-reads"
        ? `At ${at(i)} ${c.name(i)} was ${((i.params.size ?? 0) / 10).toFixed(1)} s behind the primary and answered about ${i.params.count ?? 0} reads a second with data that missed a recent write${lasted(i)}: users who had just posted did not see their post.`
        : `At ${at(i)} no replica could confirm writes, so after waiting 10 s the primary went on asynchronously${lasted(i)}: fast again, but no longer safe.`,
      unfelt: "A replica is always a little behind its primary: with asynchronous replication a read it answers can miss a write made a moment before.",
      idea: "Choose where reads go (the read split), keep each replica linked to the primary with CPU to spare, or use semi-synchronous replication.",
    },
    {
      title: "The next single point of failure",
      kinds: ["host-failure"],
      match: (i, c) => isLb(c.host(i)),
      felt: (i, c) => `At ${at(i)} ${c.name(i)}, your only load balancer, failed: however many servers stood behind it, nobody could reach them.`,
      unfelt: "Every request now passes through one load balancer: it is the next single point of failure.",
      idea: "Two load balancers, both named in the www record and each linked to every web server.",
      later: "Chapter 4: a pair of load balancers sharing one virtual IP, the standby taking over by itself.",
    },
    {
      title: "DNS answers are cached (TTL)",
      board: (c) => (pointsAtLoadBalancer(c.state) ? "Moving www to the load balancer reached users only as their resolvers' cached answers expired: the TTL decides how long the old address keeps being used." : null),
      unfelt: "Changing where www points reaches users only as their cached answers expire, one TTL later at most.",
      idea: "Lower the TTL before a planned move, and raise it again once the move is done.",
    },
  ],
  secured: [
    {
      title: "Firewalls and open ports",
      kinds: ["breach", "db-exposed", "ssh-bruteforce", "port-scan"],
      felt: (i) => `At ${at(i)} ${lower(incidentText(i).title)}. Every port that answers the internet is a door someone will try.`,
      unfelt: "Bots tried every port your servers answered on; closed ports gave them nothing to try.",
      idea: "A firewall on every server: open 80 and 443 where users arrive; inside, allow each port only from the servers that call it (3306 from the application servers); keep SSH closed.",
    },
    {
      title: "HTTPS",
      kinds: ["eavesdrop", "cert-expired", "cert-expiring"],
      felt: (i) => `At ${at(i)} ${lower(incidentText(i).title)}.`,
      unfelt: "With a certificate where users connect, their passwords crossed the internet encrypted.",
      idea: "A certificate on the load balancer turns HTTP into HTTPS; watch its expiry date and renew it in time.",
    },
    {
      title: "Monitoring is sight",
      board: (c) => monitoringStory(c.state),
      unfelt: "Without an agent, a failing server is found by its users, not by you.",
      idea: "An agent on every server: failures show the moment they start, with CPU and requests per second read from the access log.",
    },
    {
      title: "Where TLS ends",
      board: (c) => tlsStory(c.game),
      unfelt: "Terminating TLS at the load balancer saves the web servers' CPU, but the traffic behind it travels as plain HTTP.",
      idea: "Decide where encryption ends: at the load balancer (cheaper) or at every web server too (nothing readable inside).",
    },
  ],
  "scale-up": [
    {
      title: "A load-balancer cluster",
      kinds: ["host-failure", "failover"],
      match: (i, c) => i.kind === "failover" || isLb(c.host(i)),
      felt: (i, c) => i.kind === "failover"
        ? `At ${at(i)} ${lower(incidentText(i).title)}: the pair did its job.`
        : `At ${at(i)} ${c.name(i)} failed. ${c.state.pairs.length ? "Its partner in the pair kept the site reachable." : "It stood alone, so the site went with it."}`,
      unfelt: "A pair of load balancers means losing one of them does not stop the site.",
      idea: "Active-passive: the standby takes over the virtual IP. Active-active: both serve, both named in DNS.",
    },
    {
      title: "One role per server",
      board: (c) => {
        const f = audit(c.state).find((x) => x.id === "tiers-split");
        if (!f) return null;
        return f.ok ? "Web, application and database each ran on servers of their own, so you could add exactly the kind you were short of." : `${f.detail} Adding capacity meant buying all of it at once.`;
      },
      unfelt: "Servers with one role each let every tier grow on its own.",
      idea: "Split the tiers: web servers, application servers and databases on separate machines, each scaled to its own load.",
    },
    {
      title: "Flash crowds and floods",
      kinds: ["ddos", "flash-crowd", "overload"],
      felt: (i) => `At ${at(i)} ${lower(incidentText(i).title)}.`,
      unfelt: "Traffic spikes came and went without filling your queues: you had headroom.",
      idea: "Headroom above today's peak, and a per-client rate limit on the load balancer so a flood from few sources cannot crowd out real users.",
    },
  ],
  endless: [
    { ...NO_ROOM, title: "Capacity planning", idea: "Add servers before the queues fill: watch CPU and QPS trend upward, not the alerts." },
    {
      title: "Defence in depth",
      kinds: ["breach", "db-exposed", "eavesdrop", "ddos"],
      felt: (i) => `At ${at(i)} ${lower(incidentText(i).title)}.`,
      unfelt: "Attackers came and found nothing open: firewalls, HTTPS and private databases held.",
      idea: "Layers: firewalls, HTTPS, private databases and rate limits, so one gap is not a way in.",
    },
    {
      title: "Incident response",
      board: (c) => repairStory(c.state),
      unfelt: "Nothing broke badly enough to need you: rare, and it will not last.",
      idea: "Monitoring shortens the time to know; spare servers buy the time to fix.",
    },
  ],
};

/** The chapter's lessons for this run, in the chapter's order. */
export function chapterLessons(game: Game): Lesson[] {
  const state = game.state;
  const ctx: Context = {
    state, game,
    host: (i) => state.hosts.find((h) => h.id === i.hostId),
    name: (i) => state.hosts.find((h) => h.id === i.hostId)?.name ?? i.params.host ?? "a server",
  };
  return (CHAPTERS[state.scenario] ?? []).map((spec) => {
    const incident = spec.kinds ? state.incidents.find((i) => spec.kinds!.includes(i.kind) && (!spec.match || spec.match(i, ctx))) : undefined;
    const kinds = spec.kinds ?? [];
    const later = spec.later ?? null;
    if (incident && spec.felt) return { title: spec.title, felt: true, text: spec.felt(incident, ctx), idea: spec.idea, later, kinds };
    const fromBoard = spec.board?.(ctx) ?? null;
    return { title: spec.title, felt: fromBoard !== null, text: fromBoard ?? spec.unfelt, idea: spec.idea, later, kinds };
  });
}

function healthChecks(state: GameState): string {
  const lbs = state.hosts.map((h) => findService(h, "lb")).filter((x) => !!x);
  if (lbs.length === 0) return "With no load balancer in front, nothing could send users elsewhere.";
  const checked = lbs.find((x) => x.healthCheck);
  return checked
    ? `Your load balancer checks its servers every ${duration(checked.checkInterval)}: after ${checked.fall} failed checks in a row it stopped sending users there.`
    : "Your load balancer had no health checks, so it kept sending users to the dead server.";
}

/** True when www resolves (shared's rule) to a load balancer or a pair's virtual IP. */
function pointsAtLoadBalancer(state: GameState): boolean {
  const names = new Set(resolveName(state));
  return ownedAddresses(state).some((a) => names.has(a.ip) && (a.pairId !== null || isLb(state.hosts.find((h) => h.id === a.hostId))));
}

function monitoringStory(state: GameState): string | null {
  const real = state.incidents.filter((i) => i.severity !== "info" && i.hostId !== 0);
  if (real.length === 0) return null;
  const late = real.filter((i) => i.detectedAt > i.tick && i.detectedAt <= state.tick);
  const never = real.filter((i) => i.detectedAt > state.tick).length;
  const unseen = never ? ` ${never} other${never > 1 ? "s" : ""} never reached you: users did not suffer enough to complain, and no agent was watching.` : "";
  if (late.length === 0) return never ? unseen.trim() : "Your agents reported every server problem the moment it began.";
  const avg = Math.round(late.reduce((n, i) => n + (i.detectedAt - i.tick), 0) / late.length);
  return `${late.length} server problem${late.length > 1 ? "s" : ""} reached you only when users complained, about ${duration(avg)} after ${late.length > 1 ? "they" : "it"} began.${unseen}`;
}

function tlsStory(game: Game): string | null {
  const findings = audit(game.state);
  const https = findings.find((x) => x.id === "https");
  const inside = findings.find((x) => x.id === "end-to-end-tls");
  const sniffed = sniffedRequests(game.state);
  const read = sniffed > 0 ? ` An intruder inside read ${sniffed} requests in plain HTTP behind the load balancer; backend TLS would have left them nothing.` : "";
  if (!https?.ok || !inside) return read ? read.trim() : null;
  return (inside.ok ? "Users connect over HTTPS and nothing travels in the clear behind the load balancer." : `Users connect over HTTPS, but ${lower(inside.detail)}`) + read;
}

function repairStory(state: GameState): string | null {
  const fixed = state.incidents.filter((i) => i.severity === "critical" && i.resolvedAt >= 0);
  if (fixed.length === 0) return null;
  const avg = Math.round(fixed.reduce((n, i) => n + (i.resolvedAt - i.tick), 0) / fixed.length);
  return `You brought back ${fixed.length} critical problem${fixed.length > 1 ? "s" : ""}, on average ${duration(avg)} after ${fixed.length > 1 ? "they" : "it"} began.`;
}

// The words for what happens in a game: incident titles, causes and preventions, and the short
// notes on a host or service ("crashed", "deploying v3"). The state holds only codes and numbers,
// so a sentence can be rewritten here without changing a single hash, replay or save.
import type { Ending, FirewallRole, FirewallRule, FirewallSource, Incident, IncidentParams, Note } from "../model/types.js";
import type { Scenario } from "./scenario.js";

export interface IncidentText {
  title: string;
  cause: string;
  prevention: string;
}

const PORT_SCAN_SHOWN = 6;

/** The title, cause and prevention of an incident, written from its kind and parameters. */
export function incidentText(incident: Pick<Incident, "kind" | "params">): IncidentText {
  const p: IncidentParams = incident.params ?? {};
  const host = p.host ?? "a server";
  switch (incident.kind) {
    case "host-failure":
      return {
        title: `${host} failed: hardware fault`,
        cause: `Everything on ${host} stopped at once: it was a single point of failure for what only it ran.`,
        prevention: "Two or more servers for each role behind a load balancer with health checks; repair while the others serve.",
      };
    case "process-crash":
      return {
        title: `${p.service === "app" ? "The application" : "Nginx"} crashed on ${host}`,
        cause: "The process died; the machine itself still answers pings, so nothing looks wrong from outside.",
        prevention: "A monitoring agent alerts at once; a second server behind health checks keeps serving meanwhile.",
      };
    case "primary-crash":
      return {
        title: `MySQL primary on ${host} crashed: writes fail`,
        cause: "Every write goes to the one primary; while it is down nobody can sign up, post or pay.",
        prevention: "Keep a replica ready to promote. Semi-synchronous replication loses no acknowledged writes when you do.",
      };
    case "disk-full":
      return p.full
        ? { title: `Disk full on ${host}: MySQL refuses writes`, cause: "Binary logs filled the disk.", prevention: "Monitoring warns at 90 %; purge logs before it fills." }
        : {
          title: `Disk on ${host} is 90 % full`,
          cause: "MySQL's binary logs pile up with every write; at 100 % it refuses writes.",
          prevention: "Monitoring warns at 90 %; purge old logs before the disk fills.",
        };
    case "ddos":
      return {
        title: `DDoS: ${p.size ?? 0} requests per second from a botnet`,
        cause: "A flood of junk requests competes with real users for CPU on the load balancer and web servers.",
        prevention: "Capacity to spare, and a per-client rate limit on the load balancer that drops the flood.",
      };
    case "flash-crowd":
      return {
        title: `Flash crowd: foobar.com is on the front page (+${p.size ?? 0} % traffic)`,
        cause: "A burst of real users, far above the usual peak.",
        prevention: "Headroom: more web and application servers behind the load balancer.",
      };
    case "ssh-bruteforce":
      return {
        title: "Bots are guessing SSH passwords on your public servers",
        cause: "Port 22 answers on every public address that no firewall closes.",
        prevention: "A firewall on each server that opens only the ports the public needs.",
      };
    case "port-scan": {
      const ports = p.ports ?? [];
      const more = (p.count ?? ports.length) > PORT_SCAN_SHOWN ? " …" : "";
      return {
        title: ports.length ? `Port scan found open ports: ${ports.slice(0, PORT_SCAN_SHOWN).join(", ")}${more}` : "A port scan found nothing but the web ports",
        cause: "Scanners sweep the internet for anything listening beyond HTTP and HTTPS.",
        prevention: "Firewalls that allow only 80 and 443 from the internet; databases on private addresses.",
      };
    }
    case "deploy":
      return {
        title: `${p.scripted ? "Your team ships" : "Deploying"} version ${p.version ?? 0} (${p.strategy ?? "all-at-once"})`,
        cause: p.strategy === "rolling" ? "One server restarts at a time while the load balancer sends users to the others." : "Every application server restarts together: requests fail until they are back.",
        prevention: "Rolling deploys behind a load balancer with health checks avoid downtime.",
      };
    case "cert-expiring":
      return { title: `The certificate on ${host} expires in 2 minutes`, cause: "Certificates are valid for a limited time.", prevention: "Renew it now; monitoring is what told you." };
    case "cert-expired":
      if (p.from) {
        return {
          title: `The certificate on ${host} expired: ${p.from} refuses it (backend TLS)`,
          cause: `${p.from} re-encrypts to its web servers and checks each certificate; an expired one fails the handshake, so requests sent there fail.`,
          prevention: "Renew it in time (monitoring warns before it expires); health checks take the server out of rotation meanwhile.",
        };
      }
      return { title: `The certificate on ${host} expired: browsers block foobar.com`, cause: "Nobody renewed the certificate in time.", prevention: "Monitoring warns before expiry; renew ahead of time." };
    case "failover":
      return {
        title: `${host} took over the virtual IP ${p.vip ?? ""}`,
        cause: "The active load balancer stopped answering; keepalived moved the address to the standby.",
        prevention: "This is the pair doing its job.",
      };
    case "complaints": {
      const what = (p.failedPercent ?? 0) >= 5 ? `${p.failedPercent} % of requests fail` : `pages take ${((p.p95Ms ?? 0) / 1000).toFixed(1)} s or more`;
      return {
        title: `Users complain: ${what}${p.host ? ` (most of it at ${p.host})` : ""}`,
        cause: "For half of the last 30 seconds users got errors or waited; now they say so, and the servers where it hurts are looked at.",
        prevention: "Monitoring agents tell you the moment something breaks, before users notice; spare capacity and failover keep them from noticing at all.",
      };
    }
    case "overload":
      return {
        title: `${host} is at capacity: latency climbs and requests are dropped`,
        cause: `More work arrives than ${host}'s CPU can do; the queue grows until it overflows.`,
        prevention: "Room to grow: more servers behind a load balancer, a bigger machine, or one role per server so each tier scales alone.",
      };
    case "lost-writes":
      return {
        title: `Promoted ${host}: ${p.count ?? 0} recent writes are lost`,
        cause: "With asynchronous replication the replica was behind when the primary died; what it had not received is gone.",
        prevention: "Semi-synchronous replication: the primary waits for a replica to confirm each write (a little slower, nothing lost).",
      };
    case "stale-reads":
      return {
        title: `${host} answers reads with old data: about ${p.count ?? 0} stale reads/s, ${((p.size ?? 0) / 10).toFixed(1)} s behind`,
        cause: `${host} is behind the primary, so a user who posts and then reloads the page may not see what they just wrote.`,
        prevention: "Keep the replica linked to the primary and not overloaded; semi-synchronous replication, or reads from the primary for pages that must show fresh writes.",
      };
    case "semisync-fallback":
      return {
        title: `Semi-synchronous replication fell back to asynchronous on ${host}`,
        cause: "No replica could acknowledge a write: the primary waited the 10 s timeout (rpl_semi_sync_source_timeout), then committed without waiting. Until a replica is back, a crash loses writes again.",
        prevention: "Keep a running replica linked to the primary; semi-sync comes back by itself as soon as one can acknowledge.",
      };
    case "eavesdrop":
      return {
        title: "A user's password was sniffed on café Wi-Fi",
        cause: "foobar.com is served over plain HTTP: anyone on the path reads logins and cookies.",
        prevention: "An SSL certificate on the load balancer (or web server) so users connect over HTTPS.",
      };
    case "breach":
      return p.via === "mysql"
        ? {
          title: `Attackers logged in to MySQL on ${host} from the internet and copied the user table`,
          cause: "Port 3306 was reachable from the internet: a public address with no firewall closing it.",
          prevention: "Keep databases on private addresses, or firewall 3306 so only your application servers reach it.",
        }
        : {
          title: `Attackers guessed an SSH password on ${host} and installed a crypto-miner`,
          cause: "SSH (port 22) was open to the whole internet and bots try passwords all day.",
          prevention: "A firewall that closes port 22 to the internet; rebuild the server to get rid of the intruder.",
        };
    case "sniffing":
      return {
        title: `${host} is breached and reads plain HTTP from ${p.from ?? "the load balancer"}`,
        cause: `${p.from ?? "The load balancer"} sends the web servers plain HTTP (TLS, if any, ends there), so every request crosses the internal network readable; the intruder on ${host} copies logins and session cookies off the wire.`,
        prevention: `Backend TLS on ${p.from ?? "the load balancer"} (re-encrypt to the web servers), port 22 closed to the internet by a firewall so nobody gets in, and ${host} rebuilt from a clean image.`,
      };
    case "db-exposed":
      return {
        title: `MySQL on ${host} answers the internet`,
        cause: "Port 3306 is reachable on a public address.",
        prevention: "Keep databases on private addresses, or firewall 3306 so only your application servers reach it.",
      };
    case "release": {
      const due = Math.floor((p.due ?? 0) / 10);
      const at = `${Math.floor(due / 60)}:${(due % 60).toString().padStart(2, "0")}`;
      return {
        title: `Version ${p.version ?? 0} is ready to ship: deploy it before ${at}`,
        cause: `The team finished a release. Deploying restarts the application, and on a single server the site is down until it is back. If it is not out by ${at}, the team pushes it itself, whatever the traffic then.`,
        prevention: "Deploy it yourself in a quiet hour, when the traffic chart dips: the same restart then fails the fewest users.",
      };
    }
    case "traffic-growth":
      return { title: "Traffic keeps growing", cause: "More people use foobar.com every minute.", prevention: "Add capacity before the peak, not during it." };
  }
}

/** The short note on a host or service ("crashed", "deploying v3"); "" when there is none. */
export function noteText(note: Note | null | undefined): string {
  if (!note) return "";
  switch (note.code) {
    case "provisioning": return "provisioning";
    case "installing": return "installing";
    case "resizing": return `resizing to ${note.tier ?? "a new size"}`;
    case "hardware-failure": return "hardware failure";
    case "crashed": return "crashed";
    case "deploying": return `deploying v${note.version ?? 0}`;
    case "repairing": return "repairing";
    case "rebuilding": return "rebuilding from a clean image";
    case "restarting": return "restarting";
  }
}

/**
 * Why the run ended, in a sentence. `findings` (the design audit's checks) give the failing
 * checks their titles; without them the check ids are named.
 */
export function endText(ending: Ending, scenario: Pick<Scenario, "goal">, findings?: readonly { id: string; title: string }[]): string {
  switch (ending.why) {
    case "bankrupt": return "Bankrupt: the bills outran the revenue.";
    case "reputation": return "Users gave up on foobar.com: reputation hit zero.";
    case "never-launched": return "foobar.com never went live: www had no DNS record.";
    case "sla": return `Served ${((ending.slaPermyriad ?? 0) / 100).toFixed(2)} % of requests; the goal was ${(scenario.goal.minSlaPermyriad / 100).toFixed(0)} %.`;
    case "audit": {
      const titles = (ending.failing ?? []).map((id) => findings?.find((f) => f.id === id)?.title ?? id);
      return `The design still fails: ${titles.join("; ")}.`;
    }
    case "goal": return scenario.goal.text;
  }
}

// Firewall rules as a player reads them: "3306 from the application servers", and the fix for a
// connection a firewall drops: "Allow 3306 from app-01 on db-01."
export const FIREWALL_ROLE_WORDS: Record<FirewallRole, string> = {
  lb: "the load balancers", web: "the web servers", app: "the application servers", db: "the database servers",
};

/** "anywhere", "app-01" or "the application servers"; `hostName` names a server by id. */
export function firewallSourceText(from: FirewallSource, hostName: (id: number) => string): string {
  if (from.kind === "anywhere") return "anywhere";
  if (from.kind === "host") return hostName(from.host);
  return FIREWALL_ROLE_WORDS[from.role];
}

/** "3306 from the application servers". */
export function firewallRuleText(rule: FirewallRule, hostName: (id: number) => string): string {
  return `${rule.port} from ${firewallSourceText(rule.from, hostName)}`;
}

/** The fix for what the firewall on `host` drops, from the connections it refuses (port, caller name). */
export function firewallFixText(host: string, refused: readonly { port: number; from: string }[]): string {
  if (refused.length === 0) return `Allow the port from the servers that call ${host} in its firewall.`;
  const byPort = new Map<number, string[]>();
  for (const r of refused) {
    const list = byPort.get(r.port) ?? [];
    if (!list.includes(r.from)) list.push(r.from);
    byPort.set(r.port, list);
  }
  const parts = [...byPort].map(([port, from]) => `${port} from ${listWords(from)}`);
  return `Allow ${listWords(parts)} on ${host}.`;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// The write-up: the curriculum's questions answered for this design, in Markdown: what each
// element is for, how the load balancer splits traffic, active-active or active-passive, primary
// and replica, the path of one request, and the design's issues straight from the audit, with
// today's traffic and this run's figures where there is a run.
import { auditFindings, type AuditFinding } from "../audit/index.js";
import { CLASS_WORDS, removals, servedClasses, USER_CLASSES, type UserClass } from "../audit/graph.js";
import { demandRps } from "../audit/load.js";
import { CONNECT_TIMEOUT_MS, GIVE_UP_PERMILLE, HOST_TIERS } from "../content/catalog.js";
import { masterDownTicks, scriptFaultTicks } from "../sim/vrrp.js";
import type { Scenario } from "../content/scenario.js";
import { findScenario } from "../content/scenarios/index.js";
import { incidentText } from "../content/words.js";
import type { GameState } from "../model/types.js";
import { resolveName } from "../sim/hops/dns.js";
import { slaPermyriad, uptimePermyriad } from "../sim/metrics.js";
import { receivesFrom } from "../sim/replication.js";
import { design, DOMAIN, hasValidCert, ticksToSeconds } from "./common.js";

const ALGORITHMS: Record<string, string> = {
  roundrobin: "__Round robin__: each new request goes to the next web server in turn, so equal servers get equal shares. Simple and fair when requests cost about the same.",
  leastconn: "__Least connections__: each new request goes to the web server with the fewest requests in progress, so a slow or busy server gets fewer new ones. Good when requests vary in cost.",
  source: "__Source hash__: the client's address picks the server, so one user keeps landing on the same one (handy for sessions kept in memory); the spread is only as even as the mix of addresses.",
};

const pct = (permyriad: number) => `${(permyriad / 100).toFixed(2)} %`;

export function writeup(state: GameState, scenario?: Scenario): string {
  const sc = scenario ?? findScenario(state.scenario);
  const { topo, hosts } = design(state);
  const findings = auditFindings(state, sc);
  const www = state.dns.www;
  const answer = resolveName(state);
  const out: string[] = [`# ${DOMAIN}: the design, explained`, ""];
  out.push(sc ? `From a Nines run of __${sc.title}__ (chapter ${sc.chapter}), at ${Math.floor(state.tick / 600)} min ${Math.floor((state.tick % 600) / 10)} s of play.` : "From a Nines run.", "");

  out.push("## The design at a glance", "");
  if (hosts.length === 0) out.push("Nothing is built yet.");
  hosts.forEach((h, i) => {
    const roles = [topo.lb[i] && "HAProxy", topo.web[i] && "Nginx", topo.app[i] && "application", topo.db[i] && `MySQL ${topo.db[i]!.role}`, topo.firewall[i] && "firewall", topo.monitor[i] && "monitoring agent"].filter(Boolean);
    out.push(`- __${h.name}__ (${HOST_TIERS[h.tier].label}) ${h.publicIp ? `public ${h.publicIp}, ` : ""}private ${h.privateIp}: ${roles.join(", ") || "nothing installed"}${hasValidCert(state, h) ? ", SSL certificate" : ""}.`);
  });
  out.push(`- __DNS__: ${www ? `\`www.${DOMAIN}\` is ${www.type === "A" ? "an A" : "a CNAME"} record → ${www.values.join(", ")} (TTL ${ticksToSeconds(www.ttlTicks)} s)` : `\`www.${DOMAIN}\` has no record yet`}.`, "");

  out.push("## What each element is for", "");
  const has = (f: (i: number) => unknown) => hosts.some((_, i) => f(i));
  out.push(`- __Server__: a computer (here rented) that runs the software below. Each one is also a thing that can fail.`);
  out.push(`- __Domain name__ (\`${DOMAIN}\`): the name people remember instead of an IP address. \`www\` is a subdomain with its own record: ${www ? (www.type === "A" ? "an A record, pointing straight at IP addresses" : "a CNAME, an alias for the apex name") : "none yet"}.`);
  if (has((i) => topo.lb[i])) out.push("- __Load balancer__ (HAProxy): the one address users reach; it spreads requests over the web servers and stops using one that fails its health checks.");
  if (has((i) => topo.web[i])) out.push("- __Web server__ (Nginx): answers HTTP, serves static files (images, CSS, scripts) itself and passes everything dynamic on to the application.");
  if (has((i) => topo.app[i])) out.push("- __Application server__: runs the code base that builds each page, reading and writing the database.");
  if (has((i) => topo.db[i])) out.push("- __Database__ (MySQL): keeps the site's data; every write goes to the primary.");
  if (has((i) => topo.firewall[i])) out.push("- __Firewall__: lets through only the ports a server must answer on, so a scanner finds nothing else.");
  if (hosts.some((h) => hasValidCert(state, h))) out.push("- __SSL certificate__: lets users talk HTTPS, so what they send (passwords, cookies) is encrypted and they know it is really foobar.com.");
  const reencrypting = topo.lbHosts.filter((i) => topo.lb[i]!.backendTls).map((i) => hosts[i].name);
  if (reencrypting.length) out.push(`- __Backend TLS__ on ${reencrypting.join(", ")}: the load balancer encrypts again what it sends the web servers and checks their certificates, so nothing crosses the internal network readable (at some CPU at both ends).`);
  if (has((i) => topo.monitor[i])) out.push("- __Monitoring agent__: reports each server's numbers (requests per second, CPU, disk, errors) and raises an alert when something fails, before users notice.");
  out.push("");

  const lbs = topo.lbHosts;
  if (lbs.length) {
    out.push("## The load balancer's algorithm", "");
    for (const i of lbs) {
      const lb = topo.lb[i]!;
      const n = topo.lbBackends[i].length;
      out.push(`- __${hosts[i].name}__ uses ${ALGORITHMS[lb.algorithm]} ${n ? `It spreads over ${n} web server${n > 1 ? "s" : ""} (${topo.lbBackends[i].map((j) => hosts[j].name).join(", ")})${lb.algorithm === "roundrobin" && n > 1 ? `, about ${Math.round(100 / n)} % each` : ""}.` : "No web server is linked to it yet."} Health checks are ${lb.healthCheck ? `on, every ${ticksToSeconds(lb.checkInterval)} s` : "off: a dead backend keeps getting its share"}.`);
    }
    out.push("", "## Active-active or active-passive", "");
    if (state.pairs.length === 0) out.push(`There is no load-balancer pair: ${lbs.length > 1 ? "the load balancers stand alone" : `${hosts[lbs[0]].name} stands alone`}. In an __active-passive__ pair one balancer holds a virtual IP and the other takes it over when it fails; in an __active-active__ pair both serve at once, each named in DNS, and either can carry everything if the other fails.`);
    for (const p of state.pairs) {
      const names = p.members.map((id) => hosts[topo.indexById.get(id) ?? 0]?.name ?? "?");
      out.push(p.mode === "active-passive"
        ? `${names.join(" and ")} are __active-passive__: ${hosts[topo.indexById.get(p.active) ?? 0].name} holds the virtual IP ${p.vip} and serves everyone; the other waits and takes the address over (keepalived/VRRP) when the active one stops answering: ${ticksToSeconds(masterDownTicks())} s after its server dies (3 missed adverts plus the skew), ${ticksToSeconds(scriptFaultTicks())} s after HAProxy alone stops. Every request to the virtual IP fails meanwhile, and half the capacity idles the rest of the time.`
        : `${names.join(" and ")} are __active-active__: both addresses are in DNS and both serve at the same time, so both balancers' capacity is used, but each must be able to carry the whole load alone. If one dies, the users whose first address it is wait a ${CONNECT_TIMEOUT_MS / 1000} s connect timeout before trying the other, and ${GIVE_UP_PERMILLE / 10} % of them give up, until its address leaves DNS and their caches expire.`);
    }
    out.push("");
  }

  if (topo.dbHosts.length) {
    out.push("## Primary and replica", "");
    const primary = topo.dbHosts.find((d) => topo.db[d]!.role === "primary");
    const replicas = topo.dbHosts.filter((d) => topo.db[d]!.role === "replica");
    if (primary !== undefined) out.push(`- __${hosts[primary].name}__ is the __primary__: the application sends it every write (and ${!replicas.length ? "every read" : state.readSplit === "replicas" ? "reads only when no replica runs" : state.readSplit === "all" ? "its equal share of the reads" : "every read: the replicas are standbys"}). It records each change in its binary log.`);
    if (replicas.length) {
      out.push(`- ${replicas.map((r) => `__${hosts[r].name}__`).join(", ")} ${replicas.length > 1 ? "are replicas" : "is a replica"}: ${replicas.length > 1 ? "they copy the primary's changes and serve" : "it copies the primary's changes and serves"} reads, never writes. The application must send writes to the primary only.`);
      out.push(`- Replication is __${state.replication === "semisync" ? "semi-synchronous: the primary waits until a replica has received each write, so promoting a replica loses nothing (each write is a little slower); if no replica answers within 10 s it carries on asynchronously until one is back" : "asynchronous: the primary does not wait, so writes are fast, but a replica can be behind: what it missed is lost if it is promoted, and a read it answers may miss a write the user just made"}__.`);
      if (state.totals.staleReads > 0) out.push(`- In this run the replicas answered ${state.totals.staleReads} reads with data older than a write the user was looking for (stale reads).`);
      const unlinked = replicas.filter((r) => !receivesFrom(topo, r, primary ?? -1));
      if (primary !== undefined && unlinked.length) out.push(`- ${unlinked.map((r) => `__${hosts[r].name}__`).join(", ")} ${unlinked.length > 1 ? "have" : "has"} no link to the primary, so ${unlinked.length > 1 ? "they copy" : "it copies"} nothing.`);
    } else out.push("- There is no replica: one copy of the data, on one server.");
    out.push("");
  }

  out.push(`## What happens when a user types www.${DOMAIN}`, "");
  const steps: string[] = [`The browser asks DNS for \`www.${DOMAIN}\`${www ? `; the ${www.type} record answers ${answer.join(", ") || "nothing usable"}, and resolvers keep that answer ${ticksToSeconds(www.ttlTicks)} s (the TTL)` : ", but there is no record: the site cannot be found"}.`];
  if (www && answer.length) {
    const pair = state.pairs.find((p) => p.vip === answer[0]);
    const e = pair ? topo.indexById.get(pair.active) : topo.ipToIndex.get(answer[0]);
    if (e !== undefined) {
      steps.push(`It opens a connection to ${answer[0]}${pair ? ` (the virtual IP, held by ${hosts[e].name})` : ` (${hosts[e].name})`} over ${hasValidCert(state, hosts[e]) ? "HTTPS on port 443: TLS is set up with the certificate" : "plain HTTP on port 80: anyone on the way can read it"}${topo.firewall[e] ? `, through its firewall (open to the internet: ${topo.firewall[e]!.rules.filter((r) => r.from.kind === "anywhere").map((r) => r.port).join(", ") || "nothing"})` : ""}.`);
      let w: number | undefined = e;
      if (topo.lb[e]) {
        w = topo.lbBackends[e][0];
        steps.push(`HAProxy on ${hosts[e].name} picks a web server by ${topo.lb[e]!.algorithm}${w !== undefined ? ` (for example ${hosts[w].name}) and forwards the request on the private network` : ", but none is linked"}.`);
      }
      if (w !== undefined && topo.web[w]) {
        const a = topo.webApps[w][0];
        steps.push(`Nginx on ${hosts[w].name} returns static files itself; a dynamic request goes to the application${a !== undefined ? ` on ${a === w ? "the same server" : hosts[a].name}` : ", but none is linked"}.`);
        if (a !== undefined) {
          const d = topo.appDbs[a].find((x) => topo.db[x]!.role === "primary");
          steps.push(d !== undefined ? `The application queries MySQL: writes go to the primary on ${hosts[d].name}${topo.dbHosts.length > 1 ? ", reads to a replica where one is linked" : ""}.` : "The application finds no primary database to write to.");
        }
      }
      steps.push("The page goes back the same way, and the browser draws it.");
    }
  }
  steps.forEach((s, k) => out.push(`${k + 1}. ${s}`));
  out.push("");

  out.push("## The design's issues", "");
  if (findings.length === 0) out.push("The audit finds nothing to fix in this design.");
  const rps = sc ? demandRps(state, sc) : [0, 0, 0];
  const baseline = servedClasses(state, topo);
  for (const f of findings) {
    out.push(`### ${f.title}: ${kindWord(f)}`, "", f.message, "");
    if (f.id === "no-spof-host" && rps[0] + rps[1] + rps[2] > 0) {
      // This second's traffic, per class, that each loss would fail.
      const perSecond = (c: UserClass) => Math.round(rps[USER_CLASSES.indexOf(c)]);
      const losses = removals(state, topo).filter((r) => f.subjects.includes(r.name)).map((r) => {
        const lost = baseline.filter((c) => !servedClasses(state, topo, r.gone).includes(c));
        const share = Math.round((lost.reduce((n, c) => n + rps[USER_CLASSES.indexOf(c)], 0) * 100) / (rps[0] + rps[1] + rps[2]));
        return `losing ${r.name} would fail ${lost.map((c) => `${perSecond(c)} ${CLASS_WORDS[c]}`).join(", ")} a second (${share} % of requests)`;
      });
      if (losses.length) out.push(`At today's traffic, ${losses.join("; ")}.`, "");
    }
    out.push(`*What to do*: ${f.advice}`, "");
  }

  const t = state.totals;
  if (t.demand > 0) {
    out.push("## This run in numbers", "");
    out.push(`- Requests served: ${pct(slaPermyriad(state))} of ${t.demand}; uptime ${pct(uptimePermyriad(state))}.`);
    out.push(`- Failed or dropped: ${(t.errors + t.dropped)}; writes lost in a failover: ${t.lostWrites}; breaches: ${t.breaches}.`);
    const worst = state.incidents.filter((i) => i.severity === "critical");
    if (worst.length) out.push(`- Critical incidents: ${worst.map((i) => `${incidentText(i).title} (at ${Math.floor(i.tick / 600)} min ${Math.floor((i.tick % 600) / 10)} s)`).join("; ")}.`);
    out.push("");
  }
  return out.join("\n");
}

function kindWord(f: AuditFinding): string {
  const kind = { spof: "single point of failure", security: "security", monitoring: "monitoring", capacity: "capacity", data: "data" }[f.kind];
  return `${kind}, ${f.severity}`;
}

// Backend TLS (issue 9 §2, "TLS termination"): TLS ending at the load balancer leaves plain HTTP
// on the internal network, which an intruder on a breached backend reads; re-encrypting to the web
// servers costs CPU at both ends and closes the hole; then each backend's certificate matters.
import { describe, expect, it } from "vitest";
import { audit, findService, Game, incidentText, roleAllows, score, type Scenario } from "../../shared/index.js";
import { sniffedRequests } from "../../shared/sim/sniffing.js";
import { haproxyFiles } from "../../shared/export/haproxy.js";
import { nginxFiles } from "../../shared/export/nginx.js";
import { writeup } from "../../shared/export/writeup.js";
import { hostOf, must, newGame, QUIET, run, setDemand, webFarm } from "./helpers.js";

/** A farm of two behind lb-01, HTTPS at the balancer, certificates on the web servers, backend TLS on or off. */
function farm(backendTls: boolean, scenario: Scenario = QUIET, seed = 1) {
  const game = newGame(scenario, seed);
  const f = webFarm(game, 2, { healthCheck: true, checkInterval: 10 });
  must(game, { type: "buyCert", host: f.lb });
  for (const w of f.webs) must(game, { type: "buyCert", host: w });
  if (backendTls) must(game, { type: "setBackendTls", host: f.lb, on: true });
  setDemand(game, 200);
  run(game, 30);
  return { game, ...f };
}

const lbOf = (game: Game) => findService(hostOf(game, "lb-01"), "lb")!;
const sniffingIncidents = (game: Game) => game.state.incidents.filter((i) => i.kind === "sniffing");

describe("sniffing plain traffic behind the load balancer", () => {
  it("a backend breached by SSH brute force reads the plain HTTP lb-01 sends to every backend; the player sees it", () => {
    const hostile: Scenario = { ...QUIET, random: { ...QUIET.random, sshCompromise: 20000 } };
    const { game } = farm(false, hostile, 3);
    // web-01 gets a public address with SSH open; the bots find it.
    hostOf(game, "web-01").publicIp = "8.8.8.77";
    game.state.topologyVersion++;
    game.state.effects.push({ kind: "ssh-bruteforce", until: 1e9, size: 0, queue: [] });
    let sniffedTicks = 0, legit = 0, read = 0;
    run(game, 600, (r) => {
      if (r.sniffed > 0) { sniffedTicks++; legit += r.served[0] + r.served[1] + r.served[2]; read += r.sniffed; }
    });
    expect(hostOf(game, "web-01").compromised).toBe(true);
    expect(sniffedTicks).toBeGreaterThan(100);
    // Everything lb-01 sends crosses the backend network: web-02's share is read too.
    expect(read / legit).toBeGreaterThan(0.95);
    expect(sniffedRequests(game.state)).toBeGreaterThan(1000);
    const [inc] = sniffingIncidents(game);
    expect(inc.severity).toBe("critical");
    expect(inc.detectedAt).toBe(inc.tick);
    const text = incidentText(inc);
    expect(text.title).toBe("web-01 is breached and reads plain HTTP from lb-01");
    expect(text.prevention).toMatch(/Backend TLS on lb-01/);
    expect(text.prevention).toMatch(/port 22/);
    expect(text.prevention).toMatch(/firewall/);
  });

  it("costs reputation when it starts and a score point per hundred requests read; rebuilding the server ends it", () => {
    const { game, webs } = farm(false);
    hostOf(game, "web-02").compromised = true;
    const reputation = game.state.reputation;
    game.step();
    expect(sniffingIncidents(game)).toHaveLength(1);
    expect(game.state.reputation).toBeLessThanOrEqual(reputation - 300 + 2); // 2: a good second's recovery
    run(game, 200);
    expect(sniffedRequests(game.state)).toBeGreaterThan(1000);
    const withLeak = score(game.state);
    const milli = game.state.totals.sniffedMilli;
    game.state.totals.sniffedMilli = 0;
    expect(withLeak).toBe(score(game.state) - Math.floor(milli / 100_000));
    game.state.totals.sniffedMilli = milli;
    must(game, { type: "repairHost", host: webs[1] });
    run(game, 5);
    expect(sniffingIncidents(game).every((i) => i.resolvedAt >= 0)).toBe(true);
    run(game, 50);
    expect(game.state.totals.sniffedMilli).toBe(milli + 0);
  });

  it("with backend TLS nothing is read off the wire; switching it on ends the incident", () => {
    const on = farm(true);
    hostOf(on.game, "web-01").compromised = true;
    run(on.game, 200, (r) => expect(r.sniffed).toBe(0));
    expect(on.game.state.totals.sniffedMilli).toBe(0);
    expect(sniffingIncidents(on.game)).toEqual([]);

    const off = farm(false);
    hostOf(off.game, "web-01").compromised = true;
    run(off.game, 20);
    expect(sniffingIncidents(off.game).filter((i) => i.resolvedAt < 0)).toHaveLength(1);
    must(off.game, { type: "setBackendTls", host: off.lb, on: true });
    const after = run(off.game, 20);
    expect(after.errors).toBe(0);
    expect(sniffingIncidents(off.game).filter((i) => i.resolvedAt < 0)).toEqual([]);
  });

  it("a breached server that is not on the balancer's backend network reads nothing from it", () => {
    const { game } = farm(false);
    hostOf(game, "db-01").compromised = true;
    run(game, 100, (r) => expect(r.sniffed).toBe(0));
    expect(sniffingIncidents(game)).toEqual([]);
  });
});

describe("what backend TLS costs", () => {
  it("CPU on the balancer and on the web servers, shown in their utilisation", () => {
    const util = (on: boolean) => {
      const { game } = farm(on);
      let lb = 0, web = 0;
      run(game, 100, (r) => { lb += r.hostUtil[1]; web += r.hostUtil[2] + r.hostUtil[3]; });
      return { lb, web, served: game.state.totals.served };
    };
    const off = util(false), on = util(true);
    expect(on.served).toBe(off.served);
    // lb-01: 15 (proxy) + 30 (users' TLS) + 15 (re-encryption) per request against 45: a third more.
    expect(on.lb / off.lb).toBeGreaterThan(1.25);
    expect(on.lb / off.lb).toBeLessThan(1.4);
    // The web servers decrypt: 15 more per request, on top of 30 to 100 for proxying or serving.
    expect(on.web).toBeGreaterThan(off.web * 1.05);
    expect(on.web).toBeLessThan(off.web * 1.5);
  });

  it("a certificate on a web server behind a plain balancer costs it nothing: nothing arrives encrypted", () => {
    const withCerts = farm(false);
    const game = newGame();
    webFarm(game, 2, { healthCheck: true, checkInterval: 10 });
    must(game, { type: "buyCert", host: hostOf(game, "lb-01").id });
    setDemand(game, 200);
    run(game, 30);
    let a = 0, b = 0;
    run(withCerts.game, 50, (r) => { a += r.hostUtil[2]; });
    run(game, 50, (r) => { b += r.hostUtil[2]; });
    expect(a).toBe(b);
  });
});

describe("backend certificates under `ssl verify required`", () => {
  const expireWeb01 = (backendTls: boolean) => {
    const { game } = farm(backendTls);
    hostOf(game, "web-01").cert!.expiresAt = game.state.tick + 5;
    const reasons = new Map<string, number>();
    const perTick: number[] = [];
    const sum = run(game, 100, (r) => perTick.push(r.errors[0] + r.errors[1] + r.errors[2]));
    for (const [k, v] of sum.reasons) reasons.set(k, v);
    return { game, sum, perTick, reasons };
  };

  it("with backend TLS an expired backend certificate fails its requests until the checks mark it down", () => {
    const { game, sum, perTick, reasons } = expireWeb01(true);
    expect(reasons.get("backend-cert-refused")).toBeGreaterThan(0);
    expect(sum.errors).toBeCloseTo(reasons.get("backend-cert-refused")!, 6);
    // fall 3 at 1 s: failures stop within three checks, then web-02 carries everything.
    expect(perTick.slice(40).every((e) => e === 0)).toBe(true);
    expect(lbOf(game).markedDown).toEqual([hostOf(game, "web-01").id]);
  });

  it("without backend TLS the same expired certificate changes nothing", () => {
    const { sum, game } = expireWeb01(false);
    expect(sum.errors).toBe(0);
    expect(lbOf(game).markedDown).toEqual([]);
    expect(game.state.incidents.filter((i) => i.kind === "cert-expired")).toEqual([]);
  });

  it("the expiry incident says which balancer refuses the server", () => {
    const { game } = expireWeb01(true);
    const [inc] = game.state.incidents.filter((i) => i.kind === "cert-expired");
    expect(incidentText(inc).title).toBe("The certificate on web-01 expired: lb-01 refuses it (backend TLS)");
  });

  it("redispatch retries a refused handshake on another server: nothing fails", () => {
    const { game, lb } = farm(true);
    must(game, { type: "configureLb", host: lb, redispatch: true });
    hostOf(game, "web-02").cert!.expiresAt = game.state.tick + 1;
    expect(run(game, 50).errors).toBe(0);
  });
});

describe("the setBackendTls command", () => {
  it("is checked: shape, load balancer, chapter, state, certificates; a refusal changes nothing", () => {
    const game = newGame();
    const f = webFarm(game, 2);
    must(game, { type: "buyCert", host: f.lb });
    const before = JSON.stringify(game.state);
    const refused = (cmd: unknown, why: RegExp) => {
      const v = game.apply(cmd as never);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.reason).toMatch(why);
    };
    refused({ type: "setBackendTls", host: f.lb }, /on/);
    refused({ type: "setBackendTls", host: f.lb, on: "yes" }, /on/);
    refused({ type: "setBackendTls", host: f.lb, on: true, extra: 1 }, /extra|unrecognized/i);
    refused({ type: "setBackendTls", host: 9999, on: true }, /no server with id 9999/);
    refused({ type: "setBackendTls", host: f.webs[0], on: true }, /web-01 runs no load balancer/);
    refused({ type: "setBackendTls", host: f.lb, on: false }, /already off/);
    refused({ type: "setBackendTls", host: f.lb, on: true }, /web-01 has no certificate.*verify required/);
    must(game, { type: "buyCert", host: f.webs[0] });
    must(game, { type: "buyCert", host: f.webs[1] });
    hostOf(game, "web-02").cert!.expiresAt = game.state.tick;
    refused({ type: "setBackendTls", host: f.lb, on: true }, /web-02's certificate has expired/);
    must(game, { type: "buyCert", host: f.webs[1] });
    must(game, { type: "setBackendTls", host: f.lb, on: true });
    expect(lbOf(game).backendTls).toBe(true);
    refused({ type: "setBackendTls", host: f.lb, on: true }, /already on/);
    expect(before).not.toBe(JSON.stringify(game.state));

    // Chapter 2 has HAProxy but not certificates yet.
    const early = newGame("distributed");
    const web01 = early.state.hosts[0].id;
    must(early, { type: "install", host: web01, service: "lb" });
    const v = early.apply({ type: "setBackendTls", host: web01, on: true });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toBe("backend TLS unlocks in chapter 3, with certificates");
  });

  it("belongs to the security role", () => {
    const cmd = { type: "setBackendTls", host: 1, on: true } as const;
    expect(roleAllows({ id: "a", role: "security" }, cmd).ok).toBe(true);
    const v = roleAllows({ id: "b", role: "servers" }, cmd);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/security role/);
  });

  it("is saved and restored with the game", () => {
    const { game } = farm(true);
    const back = Game.restore(game.snapshot());
    expect(findService(hostOf(back, "lb-01"), "lb")!.backendTls).toBe(true);
    expect(back.hash()).toBe(game.hash());
  });
});

describe("audit and exports follow the setting", () => {
  it("'TLS ending at the load balancer' goes away with backend TLS on", () => {
    const off = farm(false);
    expect(audit(off.game.state).find((f) => f.id === "end-to-end-tls")?.ok).toBe(false);
    const on = farm(true);
    expect(audit(on.game.state).find((f) => f.id === "end-to-end-tls")?.ok).toBe(true);
    expect(writeup(on.game.state)).toMatch(/Backend TLS__ on lb-01/);
    expect(writeup(off.game.state)).not.toMatch(/Backend TLS__/);
  });

  it("haproxy.cfg verifies the backends' certificates; each web server listens with ssl", () => {
    const on = farm(true);
    const cfg = haproxyFiles(on.game.state, { certDir: "/c" })[0].content;
    expect(cfg).toMatch(/server web-01 10\.\d+\.\d+\.\d+:443 ssl verify required ca-file \/c\/internal-ca\.crt check/);
    const nginx = nginxFiles(on.game.state, { certDir: "/c" }).find((f) => f.path === "web-01/nginx.conf")!.content;
    expect(nginx).toContain("listen 443 ssl;");
    const off = farm(false);
    const plain = haproxyFiles(off.game.state, { certDir: "/c" })[0].content;
    expect(plain).toMatch(/server web-01 10\.\d+\.\d+\.\d+:80 check/);
    expect(plain).not.toContain("verify");
    // Behind a plain balancer the web server answers plain HTTP on 80 (a redirect would fail the checks).
    const web = nginxFiles(off.game.state, { certDir: "/c" }).find((f) => f.path === "web-01/nginx.conf")!.content;
    expect(web).toContain("listen 80;");
    expect(web).not.toContain("return 301");
  });
});

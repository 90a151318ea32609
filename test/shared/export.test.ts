// The learning layer's exports on the four curriculum examples, checked by the real tools where
// they are installed (`apt-get install haproxy nginx-light bind9-utils`): haproxy -c, nginx -t,
// named-checkzone. Outside CI a missing tool skips its test and says so; in CI it fails.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { auditFindings, Game, masterDownTicks } from "../../shared/index.js";
import { exportDesign, whiteboardSvg, writeup, type ExportFormat } from "../../shared/export/index.js";
import { EXAMPLES } from "../../scripts/make-examples.js";
import { play } from "../fixtures/plays.js";
import { runAudit } from "../../scripts/audit.js";
import { runExport } from "../../scripts/export.js";
import { parseXml } from "./xml.js";

const ROOT = join(import.meta.dirname, "../..");
const NAMES = ["simple-stack", "distributed", "secured", "scale-up"] as const;
const load = (name: string) => Game.restore(readFileSync(join(ROOT, "examples", `${name}.json`), "utf8"));

function findTool(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin", "/sbin", "/usr/bin"];
  for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return null;
}
/** The tool's path, or null when missing outside CI (the test is then skipped and named so). */
function tool(name: string, pkg: string): { path: string | null; note: string } {
  const path = findTool(name);
  if (!path && process.env.CI) throw new Error(`${name} is not installed: CI must run apt-get install ${pkg}`);
  return { path, note: path ? "" : ` (SKIPPED: ${name} is not installed; apt-get install ${pkg})` };
}
const haproxy = tool("haproxy", "haproxy");
const nginx = tool("nginx", "nginx-light");
const checkzone = tool("named-checkzone", "bind9-utils");
const openssl = tool("openssl", "openssl");

let work = "";
let certDir = "";
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nines-export-"));
  certDir = join(work, "certs");
  mkdirSync(certDir);
  if (openssl.path) {
    // A throwaway self-signed certificate where the configs expect one.
    execFileSync(openssl.path, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=www.foobar.com",
      "-keyout", join(certDir, "www.foobar.com.key"), "-out", join(certDir, "www.foobar.com.crt")], { stdio: "ignore" });
    writeFileSync(join(certDir, "www.foobar.com.pem"), readFileSync(join(certDir, "www.foobar.com.crt"), "utf8") + readFileSync(join(certDir, "www.foobar.com.key"), "utf8"));
    // Backend TLS verifies the web servers against this authority: the self-signed certificate signs itself.
    writeFileSync(join(certDir, "internal-ca.crt"), readFileSync(join(certDir, "www.foobar.com.crt"), "utf8"));
  }
});

function writeExport(name: string, format: ExportFormat, game = load(name)) {
  const files = exportDesign(game.state, format, { certDir, scenario: game.scenario });
  return files.map((f) => {
    const path = join(work, name, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
    return { ...f, abs: path };
  });
}
const run = (cmd: string, args: string[]) => {
  try {
    return { code: 0, out: execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: `${err.stdout}${err.stderr}` };
  }
};

describe("configuration accepted by the real tools", () => {
  for (const name of NAMES) {
    it.skipIf(!haproxy.path || !openssl.path)(`${name}: haproxy -c accepts every haproxy.cfg${haproxy.note}`, () => {
      const files = writeExport(name, "haproxy");
      if (name === "simple-stack") expect(files).toEqual([]);
      else expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const r = run(haproxy.path!, ["-c", "-f", f.abs]);
        expect(r.code, `${f.path}:\n${r.out}\n${f.content}`).toBe(0);
      }
    });

    it.skipIf(!nginx.path || !openssl.path)(`${name}: nginx -t accepts every nginx.conf${nginx.note}`, () => {
      const files = writeExport(name, "nginx");
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const prefix = join(work, name, "nginx-prefix");
        mkdirSync(join(prefix, "logs"), { recursive: true });
        const r = run(nginx.path!, ["-t", "-q", "-c", f.abs, "-p", prefix, "-g", `pid ${join(prefix, "nginx.pid")}; error_log ${join(prefix, "logs", "error.log")};`]);
        expect(r.code, `${f.path}:\n${r.out}\n${f.content}`).toBe(0);
      }
    });

    it.skipIf(!checkzone.path)(`${name}: named-checkzone accepts the zone${checkzone.note}`, () => {
      const [zone] = writeExport(name, "zone");
      const r = run(checkzone.path!, ["foobar.com", zone.abs]);
      expect(r.code, `${r.out}\n${zone.content}`).toBe(0);
      expect(r.out).toMatch(/OK/);
      const www = load(name).state.dns.www!;
      for (const ip of www.values) expect(zone.content).toMatch(new RegExp(`^www\\s+${Math.round(www.ttlTicks / 10)}\\s+IN\\s+A\\s+${ip.replace(/\./g, "\\.")}$`, "m"));
    });
  }

  /** secured.json with backend TLS: a certificate on each web server, lb-01 re-encrypting to them. */
  const reencrypting = () => {
    const game = load("secured");
    const lb = game.state.hosts.find((h) => h.name === "lb-01")!;
    for (const h of game.state.hosts) if (h.services.some((s) => s.kind === "web") && h.id !== lb.id) expect(game.apply({ type: "buyCert", host: h.id }).ok).toBe(true);
    expect(game.apply({ type: "setBackendTls", host: lb.id, on: true }).ok).toBe(true);
    // secured's web servers allow lb-01 on 80 only: re-encrypting, it now connects on 443.
    for (const h of game.state.hosts) if (h.services.some((s) => s.kind === "firewall" ) && h.services.some((s) => s.kind === "web") && h.id !== lb.id) {
      expect(game.apply({ type: "addFirewallRule", host: h.id, port: 443, from: { kind: "host", host: lb.id } }).ok).toBe(true);
    }
    return game;
  };

  it.skipIf(!haproxy.path || !nginx.path || !openssl.path)(`backend TLS: haproxy -c and nginx -t accept ssl verify required and the ssl listeners${haproxy.note}${nginx.note}`, () => {
    const game = reencrypting();
    const [cfg] = writeExport("secured-backend-tls", "haproxy", game);
    expect(cfg.content).toMatch(/server web-01 \S+:443 ssl verify required ca-file \S+internal-ca\.crt check/);
    const r = run(haproxy.path!, ["-c", "-f", cfg.abs]);
    expect(r.code, `${r.out}\n${cfg.content}`).toBe(0);
    const webs = writeExport("secured-backend-tls", "nginx", game);
    expect(webs.length).toBe(2);
    for (const f of webs) {
      expect(f.content).toContain("listen 443 ssl;");
      const prefix = join(work, "secured-backend-tls", "nginx-prefix");
      mkdirSync(join(prefix, "logs"), { recursive: true });
      const t = run(nginx.path!, ["-t", "-q", "-c", f.abs, "-p", prefix, "-g", `pid ${join(prefix, "nginx.pid")}; error_log ${join(prefix, "logs", "error.log")};`]);
      expect(t.code, `${f.path}:\n${t.out}\n${f.content}`).toBe(0);
    }
    // The web servers' firewalls let lb-01 in on 443, where it now connects (the rules added above).
    const ufw = exportDesign(game.state, "ufw").find((f) => f.path === "web-01/ufw.sh")!.content;
    expect(ufw).toMatch(/port 443 proto tcp comment 'lb-01'/);
  });

  it("the configs follow the game's settings: algorithm, check interval, TLS, rate limit, backends", () => {
    const game = load("scale-up");
    const cfg = exportDesign(game.state, "haproxy", { certDir: "/c" }).find((f) => f.path === "lb-02/haproxy.cfg")!.content;
    expect(cfg).toMatch(/balance leastconn/);
    expect(cfg).toMatch(/bind \*:443 ssl crt \/c\/www\.foobar\.com\.pem/);
    expect(cfg).toMatch(/server web-01 10\.0\.0\.\d+:80 check inter 1000 fall 3 rise 2/);
    expect(cfg).toMatch(/sc_http_req_rate\(0\) gt 200/);
    const plain = exportDesign(load("distributed").state, "haproxy")[0].content;
    expect(plain).not.toMatch(/443|ssl/);
    expect(plain).toMatch(/balance roundrobin/);
    expect(plain).toMatch(/check inter 2000 fall 3 rise 2/);
  });
});

describe("MySQL, ufw and keepalived", () => {
  it("my.cnf: unique server ids, a binary log everywhere, read_only replicas, semi-sync where chosen", () => {
    for (const name of ["distributed", "scale-up"] as const) {
      const game = load(name);
      const files = exportDesign(game.state, "mysql");
      expect(files.length).toBe(2);
      const ids = files.map((f) => /^server-id = (\d+)$/m.exec(f.content)![1]);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of files) {
        expect(f.content).toMatch(/^\[mysqld\]$/m);
        expect(f.content).toMatch(/^log_bin = mysql-bin$/m);
        const replica = /replica \(copies/.test(f.content);
        expect(/^read_only = ON$/m.test(f.content)).toBe(replica);
        expect(/rpl_semi_sync_(source|replica)_enabled = 1/.test(f.content)).toBe(game.state.replication === "semisync");
        // Every line is a section, a comment, blank or key = value: what MySQL's option parser reads.
        for (const line of f.content.split("\n")) expect(line).toMatch(/^(\[\w+\]|#.*|[\w-]+ = \S.*|[\w-]+|)$/);
      }
    }
  });

  it("my.cnf's semi-sync timeout is the game's: the primary falls back to async exactly that long after its replica is gone", () => {
    const game = load("distributed");
    if (game.state.replication !== "semisync") game.apply({ type: "setReplication", mode: "semisync" });
    const primary = exportDesign(game.state, "mysql").find((f) => /primary \(takes/.test(f.content))!.content;
    const timeoutMs = Number(/^rpl_semi_sync_source_timeout = (\d+)$/m.exec(primary)![1]);
    expect(timeoutMs).toBe(10_000); // MySQL's default
    expect(primary).toMatch(/^rpl_semi_sync_source_wait_for_replica_count = 1$/m);
    expect(primary).toMatch(/^rpl_semi_sync_source_wait_no_replica = ON$/m);
    for (let t = 0; t < 50; t++) game.step();
    const replica = game.state.hosts.find((h) => h.services.some((x) => x.kind === "db" && x.role === "replica"))!;
    replica.services.find((x) => x.kind === "db")!.status = "down";
    let waitedTicks = 0;
    while (!game.state.semisync.fellBack && waitedTicks < 1000) { game.step(); waitedTicks++; }
    // One tick to notice the missing acknowledgement, then the timeout (100 ms a tick).
    expect((waitedTicks - 1) * 100).toBe(timeoutMs);
  });

  it("ufw: a valid shell script per firewalled server, default deny, exactly the game's rules, internal ones from each server's address", () => {
    const game = load("secured");
    const files = exportDesign(game.state, "ufw");
    expect(files.map((f) => f.path.split("/")[0]).sort()).toEqual(["db-01", "db-02", "lb-01", "web-01", "web-02"]);
    const ipOf = (name: string) => game.state.hosts.find((h) => h.name === name)!.privateIp;
    for (const f of files) {
      const path = join(work, "ufw-" + f.path.replace("/", "-"));
      writeFileSync(path, f.content);
      expect(run("sh", ["-n", path]).code).toBe(0);
      expect(f.content).toMatch(/^ufw default deny incoming$/m);
      // Every command is one ufw understands, in the forms its manual gives.
      for (const line of f.content.split("\n").filter((l) => l.startsWith("ufw "))) {
        expect(line).toMatch(/^ufw (--force reset|default (deny|allow) (incoming|outgoing)|allow \d+\/tcp comment '[\w-]+'|allow from \d+\.\d+\.\d+\.\d+ to any port \d+ proto tcp comment '[\w-]+'|--force enable|status verbose)$/);
      }
    }
    // The allows, parsed back, are the game's rules expanded to addresses: nothing more, nothing less.
    const allows = (name: string) => files.find((f) => f.path === `${name}/ufw.sh`)!.content.split("\n")
      .map((l) => /^ufw allow (?:(\d+)\/tcp|from (\S+) to any port (\d+) proto tcp)/.exec(l)).filter((m) => m !== null)
      .map((m) => (m[1] ? `any:${m[1]}` : `${m[2]}:${m[3]}`)).sort();
    expect(allows("lb-01")).toEqual(["any:443", "any:80"]);
    expect(allows("web-01")).toEqual([`${ipOf("lb-01")}:80`]);
    // 3306 from the application servers (web-01 and web-02 run the application) and the other database.
    expect(allows("db-01")).toEqual([`${ipOf("db-02")}:3306`, `${ipOf("web-01")}:3306`, `${ipOf("web-02")}:3306`].sort());
    for (const f of files) expect(f.content).not.toMatch(/port 22\b|allow 22\//);
    expect(files.find((f) => f.path === "db-01/ufw.sh")!.content).toContain("# 3306 from the application servers");
  });

  it("keepalived: an active-passive pair gets a MASTER and a BACKUP sharing the virtual IP", () => {
    const game = load("scale-up");
    const files = exportDesign(game.state, "keepalived");
    expect(files.length).toBe(2);
    const vip = game.state.pairs[0].vip!;
    expect(files.map((f) => /state (MASTER|BACKUP)/.exec(f.content)![1]).sort()).toEqual(["BACKUP", "MASTER"]);
    for (const f of files) {
      expect(f.content).toContain(`        ${vip}\n`);
      expect((f.content.match(/{/g) ?? []).length).toBe((f.content.match(/}/g) ?? []).length);
    }
    expect(exportDesign(load("distributed").state, "keepalived")).toEqual([]);
  });

  it("keepalived: the file fails over when the game does (advert_int, priorities and the check script give 3.6 s and 2.6 s)", () => {
    const files = exportDesign(load("scale-up").state, "keepalived");
    for (const f of files) {
      expect(f.content).toMatch(/^ {4}advert_int 1$/m);
      expect(f.content).toMatch(/^ {4}interval 1$/m);
      expect(f.content).toMatch(/^ {4}fall 2$/m);
      expect(f.content).toContain("3.6 s after the master's adverts stop");
      expect(f.content).toContain("2.6 s after HAProxy dies");
    }
    const priorities = files.map((f) => Number(/priority (\d+)/.exec(f.content)![1])).sort();
    expect(priorities).toEqual([100, 101]);
    // RFC 3768: Master_Down_Interval = 3 × advert_int + (256 − backup priority) / 256 × advert_int.
    expect(masterDownTicks()).toBe(Math.floor(10 * (3 + (256 - priorities[0]) / 256)));
  });
});

describe("whiteboard and write-up", () => {
  for (const name of NAMES) {
    it(`${name}: the SVG is well-formed and shows every host, its addresses and the domain`, () => {
      const game = load(name);
      const svg = whiteboardSvg(game.state, "www.foobar.com <& friends>");
      const elements = parseXml(svg);
      expect(elements[0]).toBe("svg");
      for (const h of game.state.hosts) {
        expect(svg).toContain(`data-host="${h.name}"`);
        expect(svg).toContain(h.privateIp);
        if (h.publicIp) expect(svg).toContain(h.publicIp);
      }
      expect(svg).toContain("www.foobar.com &lt;&amp; friends&gt;");
      expect(svg).toMatch(/class="step"/);
    });

    it(`${name}: the write-up names every audit finding and answers the curriculum's questions`, () => {
      const game = load(name);
      const md = writeup(game.state, game.scenario);
      for (const f of auditFindings(game.state, game.scenario)) {
        expect(md).toContain(`### ${f.title}`);
        expect(md).toContain(f.message);
      }
      expect(md).toMatch(/## What happens when a user types www\.foobar\.com/);
      expect(md).toMatch(/## What each element is for/);
    });
  }

  it("the firewall, certificate and monitoring agent are drawn where they are", () => {
    const svg = whiteboardSvg(load("secured").state);
    expect((svg.match(/class="brick"/g) ?? []).length).toBeGreaterThan(5 * 3);
    expect((svg.match(/class="agent"/g) ?? []).length).toBe(5);
    expect((svg.match(/class="lock"/g) ?? []).length).toBe(1);
    const bare = whiteboardSvg(load("distributed").state);
    expect(bare).not.toMatch(/class="(brick|agent|lock)"/);
  });

  it("the whiteboard marks each load balancer → web hop plain HTTP, or TLS once backend TLS is on", () => {
    const game = load("secured");
    const plain = whiteboardSvg(game.state);
    expect((plain.match(/class="plainmark"[^>]*>to web servers: plain HTTP</g) ?? []).length).toBe(1);
    expect(plain).toMatch(/passes the request on in plain HTTP \(port 80\)/);
    const lb = game.state.hosts.find((h) => h.name === "lb-01")!;
    for (const h of game.state.hosts) if (h.services.some((x) => x.kind === "web") && h.id !== lb.id) expect(game.apply({ type: "buyCert", host: h.id }).ok).toBe(true);
    expect(game.apply({ type: "setBackendTls", host: lb.id, on: true }).ok).toBe(true);
    const tls = whiteboardSvg(game.state);
    expect(tls).not.toMatch(/plain HTTP</);
    expect(tls).toMatch(/class="tlsmark"[^>]*>to web servers: TLS</);
    expect((tls.match(/class="link tls"/g) ?? []).length).toBe(2);
    expect(tls).toMatch(/re-encrypted \(TLS to port 443\)/);
  });

  it("the write-up says active-passive with the VIP, the algorithm, primary and replica", () => {
    const md = writeup(load("scale-up").state);
    expect(md).toMatch(/__active-passive__: lb-0\d holds the virtual IP 8\.8\.8\.\d+/);
    expect(md).toMatch(/__Least connections__/);
    expect(md).toMatch(/__db-0\d__ is the __primary__/);
    expect(md).toMatch(/semi-synchronous/);
    expect(writeup(load("distributed").state)).toMatch(/losing server-01 would fail \d+ writes a second/);
  });
});

describe("issue 10's acceptance on the examples", () => {
  const kinds = (name: string) => auditFindings(load(name).state);
  it("distributed.json: the load balancer and the database as single points of failure, no firewall, plain HTTP, no monitoring", () => {
    const f = kinds("distributed");
    const spof = f.find((x) => x.id === "no-spof-host")!;
    expect(spof.subjects).toEqual(expect.arrayContaining(["lb-01", "server-01"]));
    expect(spof.message).toMatch(/lb-01 \(the load balancer\)/);
    expect(spof.message).toMatch(/server-01 \(the MySQL primary\)/);
    expect(f.map((x) => x.id)).toEqual(expect.arrayContaining(["firewalls", "https", "monitoring", "no-spof-lb"]));
  });
  it("secured.json: no missing firewall, but TLS ending at the load balancer", () => {
    const ids = kinds("secured").map((x) => x.id);
    expect(ids).not.toContain("firewalls");
    expect(ids).not.toContain("monitoring");
    expect(ids).not.toContain("https");
    expect(ids).toContain("end-to-end-tls");
  });
  it("simple-stack.json: the one server", () => {
    const spof = kinds("simple-stack").find((x) => x.id === "no-spof-host")!;
    expect(spof.subjects).toEqual(["server-01"]);
    expect(spof.message).toMatch(/stops every request/);
  });
  it("the examples are the designs the script builds today (regenerate with npm run make-examples)", () => {
    for (const name of NAMES) {
      const saved = load(name).state;
      const fresh = EXAMPLES[name]().state;
      const shape = (s: typeof saved) => ({ hosts: s.hosts.map((h) => [h.name, h.services.map((x) => x.kind)]), links: s.links.length, pairs: s.pairs.length, www: s.dns.www });
      expect(shape(saved)).toEqual(shape(fresh));
    }
  });
});

const cli = promisify(execFile);
/** The real entry point, as npm runs it (a Node process with tsx). */
const spawnCli = (script: string, ...args: string[]) =>
  cli(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { cwd: ROOT, timeout: 60_000 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
/** The same code in this process, for the many argument cases (paths relative to the project). */
const inProcess = (script: "audit" | "export", ...args: string[]) => {
  const abs = args.map((a) => (a.endsWith(".json") && !a.startsWith("/") ? join(ROOT, a) : a));
  return script === "audit" ? runAudit(abs) : runExport(abs);
};

describe("npm run audit and npm run export", () => {
  it("npm run audit -- --json: a real process; the last line is { findings: [...] } with kind, severity, subjects, message, advice", { timeout: 60_000 }, async () => {
    const r = await spawnCli("audit", "examples/distributed.json", "--json");
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) for (const key of ["kind", "severity", "subjects", "message", "advice"]) expect(f).toHaveProperty(key);
  });

  it("npm run export -- a real process exits 2 on bad input", { timeout: 60_000 }, async () => {
    const r = await spawnCli("export", "examples/scale-up.json", "--format", "apache", "--out", join(tmpdir(), "nines-never"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "apache"/);
  });

  it("audit runs a replay to its last tick first", () => {
    const { replay } = play("simple-stack", 42, 400);
    const file = join(mkdtempSync(join(tmpdir(), "nines-audit-")), "run.json");
    writeFileSync(file, JSON.stringify(replay));
    const r = inProcess("audit", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tick 400 \(replay\)/);
    expect(r.stdout).toMatch(/Losing server-01 \(the MySQL primary\) stops every request/);
  });

  it("export --format all writes every file", () => {
    const out = mkdtempSync(join(tmpdir(), "nines-export-cli-"));
    const r = inProcess("export", "examples/scale-up.json", "--format", "all", "--out", out);
    expect(r.code).toBe(0);
    for (const f of ["lb-01/haproxy.cfg", "web-01/nginx.conf", "db-01/my.cnf", "app-01/ufw.sh", "lb-02/keepalived.conf", "foobar.com.zone", "whiteboard.svg", "design.md"]) expect(existsSync(join(out, f)), f).toBe(true);
  });

  const out = join(tmpdir(), "nines-export-unused");
  for (const [what, args, message] of [
    ["an unknown format", ["export", "examples/scale-up.json", "--format", "apache", "--out", out], /unknown format "apache"/],
    ["no --out", ["export", "examples/scale-up.json", "--format", "svg"], /--out <dir> is required/],
    ["no file", ["export", "--format", "svg", "--out", out], /which file\?/],
    ["an unknown option", ["audit", "examples/scale-up.json", "--jsn"], /Unknown option '--jsn'/],
    ["a missing file", ["export", "no-such.json", "--format", "svg", "--out", out], /no such file: .*no-such\.json/],
    ["a file that is neither a save nor a replay", ["audit", "package.json"], /package\.json: .*not a Nines snapshot/],
    ["--out naming a file", ["export", "examples/scale-up.json", "--format", "svg", "--out", join(ROOT, "package.json")], /package\.json is a file, not a folder/],
    ["a broken replay", ["audit", join(tmpdir(), "nines-bad-replay.json")], /not a valid replay/],
  ] as const) {
    it(`${what}: exit 2 and the reason, nothing written`, () => {
      writeFileSync(join(tmpdir(), "nines-bad-replay.json"), JSON.stringify({ format: 1, commands: "no" }));
      const r = inProcess(args[0], ...args.slice(1));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});

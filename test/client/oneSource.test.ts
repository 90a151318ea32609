// One source of truth: the client reads the game's rules from shared/ instead of keeping copies.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

describe("the client keeps no copy of shared's read model", () => {
  it("has no sight.ts: what the board may show of failures comes from shared/view.ts", () => {
    expect(existsSync(join(ROOT, "client", "logic", "sight.ts"))).toBe(false);
    for (const f of ["client/ui/failingNow.ts", "client/logic/trafficLanes.ts"]) {
      expect(readFileSync(join(ROOT, f), "utf8")).toMatch(/failuresHidden[^\n]*from "\.\.\/\.\.\/shared\/index\.js"/);
    }
  });
});

/** Every .ts file under a folder of the repository, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(rel));
    else if (e.name.endsWith(".ts")) out.push({ file: rel, text: readFileSync(join(ROOT, rel), "utf8") });
  }
  return out;
}

describe("one money formatter", () => {
  it("is shared/money.ts: no other file writes a dollar sign before a number", () => {
    const writers = [...sources("client"), ...sources("shared"), ...sources("server")].filter((s) => s.text.includes("$${")).map((s) => s.file);
    expect(writers).toEqual(["shared/money.ts"]);
  });

  it("is what the client, the command messages and the teacher's tables show", async () => {
    const { money: clientMoney } = await import("../../client/logic/format.js");
    const shared = await import("../../shared/index.js");
    expect(clientMoney).toBe(shared.money);
    const game = shared.Game.create("endless", 1);
    game.state.money = 123_456;
    const verdict = game.check({ type: "buyHost", tier: "large", public: true });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toContain(`you have ${shared.money(123_456)}`);
    expect(shared.money(123_456)).toBe("$1,234");
    expect(readFileSync(join(ROOT, "client/teacher/scoreTables.ts"), "utf8")).toMatch(/\bmoney\b[^\n]*from "\.\.\/\.\.\/shared\/index\.js"/);
  });
});

describe("one DNS rule", () => {
  it("the client never resolves www itself: it asks resolveName", () => {
    const resolvers = sources("client").filter((s) => /www\.type === "A" \? www\.values|dns\.apex\b(?!\])/.test(s.text)).map((s) => s.file);
    expect(resolvers).toEqual([]);
    expect(readFileSync(join(ROOT, "client/logic/lessons.ts"), "utf8")).toMatch(/resolveName[^\n]*from "\.\.\/\.\.\/shared\/index\.js"/);
  });

  it("the DNS dialog offers exactly the addresses the setDns rule accepts", async () => {
    const { Game } = await import("../../shared/index.js");
    const { ownedAddresses } = await import("../../client/ui/dnsDialog.js");
    const game = Game.create("scale-up", 1);
    const offered = ownedAddresses({ state: game.state } as never).map((o) => o.ip);
    expect(offered.length).toBeGreaterThan(0);
    for (const ip of offered) expect(game.check({ type: "setDns", recordType: "A", values: [ip], ttl: 300 }).ok).toBe(true);
    const privateIp = game.state.hosts[0].privateIp;
    expect(offered).not.toContain(privateIp);
    expect(game.check({ type: "setDns", recordType: "A", values: [privateIp], ttl: 300 }).ok).toBe(false);
  });
});

describe("a burning server", () => {
  it("is decided by shared/view.ts, not by the card reading the host's note", () => {
    const card = readFileSync(join(ROOT, "client/board/HostCard.ts"), "utf8");
    expect(card).not.toMatch(/note\?*\.code/);
    expect(card).toMatch(/knownHardwareFailure[^\n]*from "\.\.\/\.\.\/shared\/index\.js"/);
  });
});

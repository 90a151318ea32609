// A damaged save (edited by hand with its checksum recomputed, or written by a bug) is refused with
// a reason naming what is wrong, instead of loading "fine" and breaking the game later.
import { describe, expect, it } from "vitest";
import { fromSnapshot, Game, hashHex, type GameState } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";

const { game } = play("distributed", 42, 3000);
const text = game.snapshot();

/** The snapshot with its state changed by `edit` and a checksum that matches the change. */
function tampered(edit: (s: any) => void): string {
  const file = JSON.parse(text);
  edit(file.state);
  file.hash = hashHex(file.state);
  return JSON.stringify(file);
}

const CASES: [string, (s: any) => void, RegExp][] = [
  ["missing totals", (s) => delete s.totals, /totals/],
  ["missing dns", (s) => delete s.dns, /dns/],
  ["a null host", (s) => (s.hosts[1] = null), /hosts\.1/],
  ["an unknown tier", (s) => (s.hosts[0].tier = "mainframe"), /hosts\.0\.tier/],
  ["an unknown service", (s) => (s.hosts[0].services[0].kind = "redis"), /hosts\.0\.services\.0/],
  ["money that is not a number", (s) => (s.money = null), /money/],
  ["a fractional tick", (s) => (s.tick = 10.5), /tick/],
  ["a negative tick", (s) => (s.tick = -3), /tick/],
  ["a negative reputation", (s) => (s.reputation = -1), /reputation/],
  ["two hosts with one id", (s) => (s.hosts[1].id = s.hosts[0].id), /id \d+ is used twice/],
  ["an id never issued", (s) => (s.hosts[0].id = s.nextId + 5), /never issued/],
  ["an unknown read split", (s) => (s.readSplit = "half"), /readSplit/],
  ["semi-sync waiting until a fractional tick", (s) => (s.semisync.waitUntil = 1.5), /semisync\.waitUntil/],
  ["a stale-read carry of a whole read or more", (s) => (s.staleCarry = 1000), /staleCarry/],
  ["a link to nothing", (s) => (s.links[0].to = 99_999), /links\.0: connects server 99999, which does not exist/],
  ["an unknown field", (s) => (s.cheats = true), /Unrecognized key: "cheats"/],
  ["a note in words instead of a code", (s) => (s.hosts[0].note = "on fire"), /hosts\.0\.note/],
  ["two primary databases", (s) => {
    const dbs = s.hosts.filter((h: any) => h.services.some((x: any) => x.kind === "db"));
    for (const h of dbs) for (const x of h.services) if (x.kind === "db") x.role = "primary";
    if (dbs.length < 2) throw new Error("fixture needs two databases");
  }, /2 primary databases/],
  ["an undo that is not a command", (s) => (s.lastBuilds = [{ by: "solo", tick: 0, undo: [{ type: "format-disk" }], refund: 0 }]), /lastBuilds\.0\.undo\.0: malformed command/],
  ["an incident from the future", (s) => {
    s.incidents.push({ id: s.nextId++, kind: "overload", tick: s.tick + 100, detectedAt: s.tick + 100, resolvedAt: -1, hostId: 0, severity: "info", params: {} });
  }, /incidents\.\d+: happened at tick/],
  ["a DNS cache of the wrong size", (s) => s.dns.cache.pop(), /dns\.cache/],
];

describe("restoring a damaged save", () => {
  it("the untouched save restores", () => {
    expect(fromSnapshot(text).ok).toBe(true);
    expect(Game.restore(tampered(() => {})).hash()).toBe(game.hash());
  });

  for (const [what, edit, reason] of CASES) {
    it(`refuses ${what}, saying what is wrong`, () => {
      const r = fromSnapshot(tampered(edit));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toMatch(/^the save file's game state is damaged: /);
        expect(r.reason).toMatch(reason);
      }
    });
  }

  it("refuses money of Infinity (JSON's 1e999)", () => {
    const file = JSON.parse(text);
    const state: GameState = { ...file.state, money: Infinity };
    const withInfinity = JSON.stringify({ ...file, hash: hashHex(state), state: { ...file.state, money: 424242 } }).replace('"money":424242', '"money":1e999');
    const r = fromSnapshot(withInfinity);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/game state is damaged: money/) });
  });
});

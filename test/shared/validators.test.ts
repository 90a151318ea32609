// Bad input of every kind is rejected with a reason and changes nothing.
import { describe, expect, it } from "vitest";
import { Game, parseCommand } from "../../shared/index.js";
import { play } from "../fixtures/plays.js";

const long = "x".repeat(10_000);

const BAD: [string, unknown, RegExp][] = [
  ["not an object", "buyHost", /malformed/],
  ["null", null, /malformed/],
  ["an array", [{ type: "undo" }], /malformed command: must be a plain object/],
  ["no type", { tier: "small" }, /malformed/],
  ["unknown type", { type: "rm -rf" }, /malformed/],
  ["a long type", { type: long }, /malformed/],
  ["wrong field type", { type: "buyHost", tier: "small", public: "yes" }, /malformed command: public:/],
  ["unknown tier", { type: "buyHost", tier: "huge", public: true }, /malformed command: tier:/],
  ["negative id", { type: "sellHost", host: -1 }, /malformed command: host:/],
  ["fractional id", { type: "sellHost", host: 1.5 }, /malformed command: host:/],
  ["huge id", { type: "sellHost", host: 1e300 }, /malformed command: host:/],
  ["NaN id", { type: "sellHost", host: Number.NaN }, /malformed command: host:/],
  ["unknown host", { type: "sellHost", host: 999_999 }, /no server with id 999999/],
  ["long name", { type: "buyHost", tier: "medium", public: true, name: long }, /malformed command: name:/],
  ["bad name", { type: "buyHost", tier: "medium", public: true, name: "Web 01!" }, /lower-case letters/],
  ["duplicate name", { type: "buyHost", tier: "medium", public: true, name: "server-01" }, /already a server called server-01/],
  ["too many servers", { type: "buyHost", tier: "medium", public: true, name: "web-02" }, /at most 1 server/],
  ["locked tier", { type: "buyHost", tier: "small", public: true }, /not available in this chapter/],
  ["locked service", { type: "install", host: 1, service: "lb" }, /unlocks in a later chapter/],
  ["installed twice", { type: "install", host: 1, service: "web" }, /already installed/],
  ["unknown service", { type: "install", host: 1, service: "redis" }, /malformed command: service:/],
  ["connect to itself", { type: "connect", from: 1, to: 1 }, /cannot be connected to itself/],
  ["DNS to a foreign IP", { type: "setDns", recordType: "A", values: ["1.2.3.4"], ttl: 300 }, /not one of your public addresses/],
  ["DNS to garbage", { type: "setDns", recordType: "A", values: ["not-an-ip"], ttl: 300 }, /not an IPv4 address/],
  ["DNS with no values", { type: "setDns", recordType: "A", values: [], ttl: 300 }, /malformed command: values:/],
  ["DNS TTL negative", { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: -5 }, /malformed command: ttl:/],
  ["DNS TTL too short", { type: "setDns", recordType: "A", values: ["8.8.8.8"], ttl: 2 }, /TTL must be between/],
  ["CNAME elsewhere", { type: "setDns", recordType: "CNAME", values: ["evil.example"], ttl: 300 }, /only point at foobar.com/],
  ["firewall missing", { type: "setFirewall", host: 1, openPorts: [80] }, /has no firewall/],
  ["firewall port out of range", { type: "setFirewall", host: 1, openPorts: [70000] }, /malformed command: openPorts.0:/],
  ["too many ports", { type: "setFirewall", host: 1, openPorts: Array.from({ length: 40 }, (_, i) => i + 1) }, /malformed command: openPorts:/],
  ["lb on a web server", { type: "configureLb", host: 1, algorithm: "roundrobin" }, /runs no load balancer/],
  ["unknown algorithm", { type: "configureLb", host: 1, algorithm: "random" }, /malformed command: algorithm:/],
  ["promote a primary", { type: "promoteReplica", host: 1 }, /already the primary/],
  ["rolling deploy on one server", { type: "deploy", strategy: "rolling" }, /at least two application servers/],
  ["repair a healthy server", { type: "repairHost", host: 1 }, /not broken/],
  ["certificate too early", { type: "buyCert", host: 1 }, /certificates unlock in chapter 3/],
  ["backend TLS on a server with no load balancer", { type: "setBackendTls", host: 1, on: true }, /runs no load balancer/],
  ["backend TLS without on", { type: "setBackendTls", host: 1 }, /malformed command: on:/],
  ["backend TLS with a string", { type: "setBackendTls", host: 1, on: "true" }, /malformed command: on:/],
  ["a missing field", { type: "connect", from: 1 }, /malformed command: to:/],
  ["an extra field (refused, not dropped)", { type: "connect", from: 1, to: 2, sudo: true }, /malformed command: .*"sudo"/],
  ["an extra field on a command without fields", { type: "undo", all: true }, /malformed command: .*"all"/],
  ["fields inherited from a prototype (its JSON is {})", Object.create({ type: "setReplication", mode: "async" }), /must be a plain object/],
  ["a class instance", new (class Cmd { type = "undo"; })(), /must be a plain object/],
  ["a getter instead of a value", Object.defineProperty({ type: "setReplication" }, "mode", { get: () => "async", enumerable: true }), /mode: must be a plain value, not a getter/],
  ["an array that is not a plain array", { type: "setFirewall", host: 1, openPorts: Object.setPrototypeOf([80], Object.create(Array.prototype)) }, /openPorts: must be a plain array/],
  ["symbol keys", { type: "undo", [Symbol("x")]: 1 }, /symbol keys/],
];

describe("command validation", () => {
  const { game } = play("simple-stack", 42, 400);
  for (const [what, input, reason] of BAD) {
    it(`rejects ${what} with a reason and leaves the state untouched`, () => {
      const before = game.hash();
      const verdict = game.apply(input);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.reason).toMatch(reason);
      expect(game.hash()).toBe(before);
      expect(game.check(input)).toEqual(verdict);
    });
  }

  it("a legal command passes the same checks and changes the state", () => {
    const before = game.hash();
    expect(game.check({ type: "restartService", host: 1, service: "app" })).toEqual({ ok: true });
    expect(game.hash()).toBe(before);
    expect(game.apply({ type: "restartService", host: 1, service: "app" })).toEqual({ ok: true });
    expect(game.hash()).not.toBe(before);
  });

  it("not enough money says how much is needed", () => {
    const g = Game.create("distributed", 1);
    g.state.money = 100;
    const v = g.apply({ type: "buyHost", tier: "medium", public: true });
    expect(v).toEqual({ ok: false, reason: "a medium server costs $600 and you have $1" });
  });

  it("parseCommand names the field that is wrong", () => {
    const r = parseCommand({ type: "resizeHost", host: 3, tier: 7 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^malformed command: tier:/);
  });
});

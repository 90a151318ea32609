// The state hash must tell every value apart: a lockstep desync must never hide behind a collision.
import { describe, expect, it } from "vitest";
import { hashHex } from "../../shared/index.js";

describe("the hash tells values apart", () => {
  it("negative money and its 32-bit wrap-around differ", () => {
    expect(hashHex({ money: -1 })).not.toBe(hashHex({ money: 4294967295 }));
    expect(hashHex(-1)).not.toBe(hashHex(4294967295));
  });

  it("whole numbers past 32 bits keep their high bits", () => {
    expect(hashHex(2 ** 32)).not.toBe(hashHex(0));
    expect(hashHex(2 ** 32 + 5)).not.toBe(hashHex(5));
    expect(hashHex(Number.MAX_SAFE_INTEGER)).not.toBe(hashHex(Number.MAX_SAFE_INTEGER - 1));
    expect(hashHex(-(2 ** 40))).not.toBe(hashHex(2 ** 40));
  });

  it("a number and its negation differ, fractions by their exact bits", () => {
    expect(hashHex(7)).not.toBe(hashHex(-7));
    expect(hashHex(0.5)).not.toBe(hashHex(-0.5));
    expect(hashHex(0.1 + 0.2)).not.toBe(hashHex(0.3));
    expect(hashHex(1)).not.toBe(hashHex(1.0000000000000002));
    expect(hashHex(NaN)).not.toBe(hashHex(Infinity));
    expect(hashHex(Infinity)).not.toBe(hashHex(-Infinity));
  });

  it("-0 hashes as 0, since JSON writes it as 0 and a snapshot must restore to the same hash", () => {
    expect(hashHex(-0)).toBe(hashHex(0));
  });

  it("null differs from undefined and from an absent key; an undefined key counts as absent", () => {
    expect(hashHex(null)).not.toBe(hashHex(undefined));
    expect(hashHex([null])).not.toBe(hashHex([undefined]));
    expect(hashHex({ cert: null })).not.toBe(hashHex({}));
    expect(hashHex({ cert: undefined })).toBe(hashHex({}));
  });

  it("values of different types that print alike differ", () => {
    expect(hashHex("1")).not.toBe(hashHex(1));
    expect(hashHex(true)).not.toBe(hashHex(1));
    expect(hashHex(false)).not.toBe(hashHex(0));
    expect(hashHex(false)).not.toBe(hashHex(null));
    expect(hashHex([])).not.toBe(hashHex({}));
    expect(hashHex([1, 2])).not.toBe(hashHex([2, 1]));
    expect(hashHex({ a: 1, b: 2 })).not.toBe(hashHex({ a: 2, b: 1 }));
  });

  it("key order does not matter, and remembered key hashes give the same answer every time", () => {
    const a = { money: 5, tick: 9, hosts: [{ id: 1, name: "web-01" }] };
    const b = { hosts: [{ name: "web-01", id: 1 }], tick: 9, money: 5 };
    expect(hashHex(a)).toBe(hashHex(b));
    expect(hashHex(a)).toBe(hashHex(JSON.parse(JSON.stringify(a))));
  });
});

import { MatchMakeError } from "colyseus.js";
import { describe, expect, it } from "vitest";
import { explainJoinError } from "../../client/net/roomLink.js";
import { readRoomMeta } from "../../client/net/roomMeta.js";
import { SeatMemory } from "../../client/net/seat.js";
import { MemoryStore } from "../../client/logic/storage.js";
import { codeFromInput } from "../../client/ui/coopEntry.js";
import { describeAction } from "../../client/logic/actionWords.js";
import { Game } from "../../shared/index.js";

describe("room metadata", () => {
  it("reads players and room fields from decoded state, with safe defaults for anything odd", () => {
    const players = new Map<string, unknown>([
      ["s1", { name: "alice", colour: "#4cc9f0", role: "network", connected: true, ready: false, isHost: true, cursor: { x: 10, y: -4 } }],
      ["s2", { name: "bob", colour: "#f72585", role: "admin", connected: false, ready: true, isHost: false, cursor: { x: 0, y: 0, visible: false } }],
    ]);
    const meta = readRoomMeta({ players, phase: "playing", scenario: "distributed", speed: 4, paused: true, tick: 120, hostOnlyPause: true, rolesEnabled: true, code: "K7QZP" });
    expect(meta).toMatchObject({ phase: "playing", speed: 4, paused: true, tick: 120, hostOnlyPause: true, rolesEnabled: true, code: "K7QZP" });
    expect(meta.players[0]).toEqual({ id: "s1", name: "alice", colour: "#4cc9f0", role: "network", connected: true, ready: false, isHost: true, cursor: { x: 10, y: -4 } });
    // An unknown role is no role; a hidden cursor is no cursor.
    expect(meta.players[1]).toMatchObject({ role: null, connected: false, cursor: null });
    expect(readRoomMeta({ phase: "weird", speed: 3 })).toMatchObject({ phase: "lobby", speed: 1, players: [] });
  });
});

describe("joining", () => {
  it("takes a code typed, spaced or pasted as a link", () => {
    expect(codeFromInput(" k7q-zp ")).toBe("k7q-zp");
    expect(codeFromInput("http://localhost:2567/?room=K7QZP")).toBe("K7QZP");
    expect(codeFromInput("<b>x</b>")).toBe("bxb");
  });

  it("says what to do when a room cannot be joined", () => {
    expect(explainJoinError(new MatchMakeError('room "NOPE" not found', 4212), "NOPE")).toMatch(/no room with the code NOPE/);
    expect(explainJoinError(new MatchMakeError("This room runs simulation version 2; your page runs version 1.", 4216))).toMatch(/Reload the page/);
    expect(explainJoinError(new TypeError("Failed to fetch"))).toMatch(/cannot be reached/);
    // The room's own words already say what to do: not twice.
    const own = "This page runs simulation version 2 but the room runs 1: reload the page.";
    expect(explainJoinError(new MatchMakeError(own, 4216))).toBe(own);
  });

  it("remembers the seat for this room only, and the name", () => {
    const tab = new MemoryStore();
    const browser = new MemoryStore();
    const seats = new SeatMemory(tab, browser);
    seats.remember({ code: "K7QZP", token: "room:abc" });
    seats.name = "alice";
    expect(seats.tokensFor("K7QZP")).toEqual(["room:abc"]);
    expect(seats.tokensFor("OTHER")).toEqual([]);
    // A reopened tab has no sessionStorage but finds the browser's copy.
    expect(new SeatMemory(new MemoryStore(), browser).tokensFor("K7QZP")).toEqual(["room:abc"]);
    expect(new SeatMemory(null, browser).name).toBe("alice");
    seats.forget();
    expect(seats.tokensFor("K7QZP")).toEqual([]);
  });
});

describe("action feed words", () => {
  it("names what a command did, with the new server's name", () => {
    const game = Game.create("distributed", 1);
    game.apply({ type: "buyHost", tier: "small", public: true });
    const newest = game.state.hosts.at(-1)!;
    expect(describeAction({ type: "buyHost", tier: "small", public: true }, game.state)).toBe(`bought ${newest.name}`);
    expect(describeAction({ type: "install", host: newest.id, service: "lb" }, game.state)).toBe(`installed HAProxy on ${newest.name}`);
  });
});

// Where a co-op seat is remembered, so a reload or a reopened tab gets back into the same room.
// The reconnection token lives in sessionStorage (this tab) and, as a fallback, in localStorage
// (a reopened tab). Reusing it is safe: the room accepts a token only while it holds that seat
// for a dropped player, so a second tab that tries it simply joins by code as a new player.
import type { KeyValueStore } from "../logic/storage.js";

export interface Seat {
  code: string;
  token: string;
}

const KEY = "nines.coop.seat";
const NAME_KEY = "nines.coop.name";

function read(store: KeyValueStore | null, code: string): Seat | null {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return null;
    const seat = JSON.parse(raw) as Partial<Seat>;
    return typeof seat.token === "string" && seat.code === code ? { code, token: seat.token } : null;
  } catch {
    return null;
  }
}

export class SeatMemory {
  constructor(private readonly tab: KeyValueStore | null, private readonly browser: KeyValueStore) {}

  /** Tokens worth trying for this room, this tab's first. */
  tokensFor(code: string): string[] {
    const tokens = [read(this.tab, code)?.token, read(this.browser, code)?.token].filter((t): t is string => !!t);
    return [...new Set(tokens)];
  }

  remember(seat: Seat): void {
    const raw = JSON.stringify(seat);
    this.tab?.setItem(KEY, raw);
    this.browser.setItem(KEY, raw);
  }

  forget(): void {
    this.tab?.removeItem(KEY);
    this.browser.removeItem(KEY);
  }

  get name(): string {
    return this.browser.getItem(NAME_KEY) ?? "";
  }

  set name(name: string) {
    this.browser.setItem(NAME_KEY, name);
  }
}

/** This tab's sessionStorage, or null where storage is refused. */
export function tabStore(): KeyValueStore | null {
  try {
    const s = globalThis.sessionStorage;
    s.setItem("nines.probe", "1");
    s.removeItem("nines.probe");
    return s;
  } catch {
    return null;
  }
}

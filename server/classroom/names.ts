// Display names in a challenge: trimmed, at most 24 characters, no control or invisible formatting
// characters (which could hide or reorder text on the projector), unique within the challenge
// whatever their case. Schools that forbid real names get generated ones: a colour and an animal.
import { randomInt } from "node:crypto";

export const MAX_NAME_LENGTH = 24;

export type CheckedName = { ok: true; name: string } | { ok: false; reason: string };

// Control characters, and format characters such as zero-width spaces and bidirectional overrides.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u;

/** The name as it will be shown, or why it cannot be used. `taken` holds the challenge's other names. */
export function checkDisplayName(raw: unknown, taken: Iterable<string> = []): CheckedName {
  if (typeof raw !== "string") return { ok: false, reason: "the name must be text" };
  if (FORBIDDEN.test(raw)) return { ok: false, reason: "the name contains control or invisible characters" };
  const name = raw.normalize("NFC").trim().replace(/\s+/gu, " ");
  if (name.length === 0) return { ok: false, reason: "the name is empty" };
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, reason: `the name is longer than ${MAX_NAME_LENGTH} characters` };
  const folded = name.toLocaleLowerCase("en");
  for (const other of taken) if (other.toLocaleLowerCase("en") === folded) return { ok: false, reason: `someone in this challenge is already called ${name}` };
  return { ok: true, name };
}

const COLOURS = ["Amber", "Azure", "Coral", "Crimson", "Cyan", "Golden", "Indigo", "Jade", "Lemon", "Lilac", "Mint", "Olive", "Orange", "Plum", "Rose", "Ruby", "Sage", "Scarlet", "Silver", "Teal", "Violet"];
const ANIMALS = ["Badger", "Beaver", "Bison", "Crane", "Dolphin", "Falcon", "Ferret", "Fox", "Gecko", "Heron", "Ibex", "Koala", "Lynx", "Marmot", "Moose", "Otter", "Owl", "Panda", "Puffin", "Raven", "Seal", "Tapir", "Walrus", "Wombat", "Yak"];

/** A colour and an animal nobody in the challenge has yet (numbered once all pairs are used). */
export function generatedName(taken: Iterable<string>, pick: (n: number) => number = randomInt): string {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase("en")));
  const free = COLOURS.flatMap((c) => ANIMALS.map((a) => `${c} ${a}`)).filter((n) => !used.has(n.toLocaleLowerCase("en")));
  if (free.length > 0) return free[pick(free.length)];
  for (let i = 2; ; i++) {
    const name = `${COLOURS[pick(COLOURS.length)]} ${ANIMALS[pick(ANIMALS.length)]} ${i}`;
    if (!used.has(name.toLocaleLowerCase("en"))) return name;
  }
}

// Join codes, teacher tokens and rejoin tokens. Codes are read off a projector and typed by
// students, so they use only letters nobody confuses (no I or O, no digits); tokens are 128-bit
// random secrets stored only as their SHA-256 (they are long and random, so a fast hash suffices).
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CODE_LENGTH = 6;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code as a student may type it: spaces and dashes ignored, any case. */
export function normaliseCode(text: string): string {
  return text.replace(/[\s-]/g, "").toUpperCase();
}

/** 128 random bits, URL-safe (22 characters). */
export function newToken(): string {
  return randomBytes(16).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function randomSeed(): number {
  return randomInt(0, 0x1_0000_0000 - 1);
}

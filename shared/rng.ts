// Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the game state, so a snapshot
// carries it and a replay draws the same numbers.
export interface HasRng { rng: number }

export function seedRng(seed: number): number {
  // Mix the seed so nearby seeds start far apart.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function nextU32(s: HasRng): number {
  s.rng = (s.rng + 0x6d2b79f5) >>> 0;
  let t = s.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** An integer in [0, n). */
export function nextInt(s: HasRng, n: number): number {
  return Math.floor((nextU32(s) / 4294967296) * n);
}

/** True with probability perMillion / 1,000,000. */
export function chance(s: HasRng, perMillion: number): boolean {
  if (perMillion <= 0) return false;
  return nextU32(s) % 1_000_000 < perMillion;
}

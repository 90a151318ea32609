// Canonical 32-bit hash of plain data (FNV-1a over a type-tagged walk). An object's hash combines
// the hashes of its (key, value) pairs by addition, which does not depend on key order: two states
// with the same content hash the same, and no key list is built or sorted on the way.
//
// Every value is told apart: each kind of value carries its own tag, whole numbers are hashed in
// full (sign, low and high 32 bits) and other numbers by their float64 bits, so money -1 and
// 4,294,967,295 differ, and null differs from undefined. A key whose value is undefined counts as
// absent (as in JSON). -0 hashes as 0, because JSON writes it as 0 and a snapshot must restore to
// the same hash.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TWO_32 = 4294967296;

const TAG_UNDEFINED = 0;
const TAG_BOOLEAN = 1;
const TAG_WHOLE = 2;
const TAG_FLOAT = 3;
const TAG_STRING = 4;
const TAG_ARRAY = 5;
const TAG_OBJECT = 6;
const TAG_NULL = 7;
const TAG_NEGATIVE_WHOLE = 8;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mixByte(h: number, b: number): number {
  return Math.imul(h ^ (b & 0xff), FNV_PRIME) >>> 0;
}
function mixU32(h: number, v: number): number {
  h = mixByte(h, v);
  h = mixByte(h, v >>> 8);
  h = mixByte(h, v >>> 16);
  return mixByte(h, v >>> 24);
}
function mixString(h: number, s: string): number {
  h = mixU32(h, s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = mixByte(h, c);
    h = mixByte(h, c >>> 8);
  }
  return h;
}

// The state has a few dozen distinct keys, hashed millions of times: remember each key's mix.
// Bounded, so hashing hostile data with endless distinct keys cannot grow it without limit.
const KEY_MEMO_LIMIT = 10_000;
const keyMemo = new Map<string, number>();
function keyHash(k: string): number {
  let h = keyMemo.get(k);
  if (h === undefined) {
    h = mixString(FNV_OFFSET, k);
    if (keyMemo.size < KEY_MEMO_LIMIT) keyMemo.set(k, h);
  }
  return h;
}

function mixNumber(h: number, v: number): number {
  if (Number.isSafeInteger(v)) {
    const magnitude = v < 0 ? -v : v;
    const low = magnitude % TWO_32;
    const high = (magnitude - low) / TWO_32;
    return mixU32(mixU32(mixByte(h, v < 0 ? TAG_NEGATIVE_WHOLE : TAG_WHOLE), low >>> 0), high >>> 0);
  }
  f64[0] = v;
  return mixU32(mixU32(mixByte(h, TAG_FLOAT), u32[0]), u32[1]);
}

function mixValue(h: number, v: unknown): number {
  if (v === undefined) return mixByte(h, TAG_UNDEFINED);
  if (v === null) return mixByte(h, TAG_NULL);
  switch (typeof v) {
    case "boolean":
      return mixByte(mixByte(h, TAG_BOOLEAN), v ? 1 : 0);
    case "number":
      return mixNumber(h, v);
    case "string":
      return mixString(mixByte(h, TAG_STRING), v);
    case "object": {
      if (Array.isArray(v)) {
        h = mixU32(mixByte(h, TAG_ARRAY), v.length);
        for (let i = 0; i < v.length; i++) h = mixValue(h, v[i]);
        return h;
      }
      const obj = v as Record<string, unknown>;
      let sum = 0;
      let count = 0;
      for (const k in obj) {
        const value = obj[k];
        if (value === undefined) continue;
        sum = (sum + mixValue(keyHash(k), value)) >>> 0;
        count++;
      }
      return mixU32(mixU32(mixByte(h, TAG_OBJECT), count), sum);
    }
    default:
      throw new Error(`cannot hash a ${typeof v}`);
  }
}

export function hashValue(v: unknown): number {
  return mixValue(FNV_OFFSET, v);
}

export function hashHex(v: unknown): string {
  return hashValue(v).toString(16).padStart(8, "0");
}

// Canonical 32-bit hash of plain data (FNV-1a over a type-tagged walk). An object's hash combines
// the hashes of its (key, value) pairs by addition, which does not depend on key order: two states
// with the same content hash the same, and no key list is built or sorted on the way.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

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

function mixValue(h: number, v: unknown): number {
  if (v === null || v === undefined) return mixByte(h, 0);
  switch (typeof v) {
    case "boolean":
      return mixByte(mixByte(h, 1), v ? 1 : 0);
    case "number":
      if (Number.isInteger(v) && v >= -2147483648 && v <= 4294967295) return mixU32(mixByte(h, 2), v >>> 0);
      f64[0] = v;
      return mixU32(mixU32(mixByte(h, 3), u32[0]), u32[1]);
    case "string":
      return mixString(mixByte(h, 4), v);
    case "object": {
      if (Array.isArray(v)) {
        h = mixU32(mixByte(h, 5), v.length);
        for (let i = 0; i < v.length; i++) h = mixValue(h, v[i]);
        return h;
      }
      const obj = v as Record<string, unknown>;
      let sum = 0;
      let count = 0;
      for (const k in obj) {
        const value = obj[k];
        if (value === undefined) continue;
        sum = (sum + mixValue(mixString(FNV_OFFSET, k), value)) >>> 0;
        count++;
      }
      return mixU32(mixU32(mixByte(h, 6), count), sum);
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

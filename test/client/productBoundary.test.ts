// The product cannot make an impossible state: no code the page ships reads `?bench=` or imports
// the benchmark's board (bench/benchBoard.ts writes money and growth straight into the state).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(f) ? [p] : [];
  });
}

describe("the product page", () => {
  it("has no bench shortcut: nothing in client/ imports the bench board or reads ?bench=", () => {
    const offenders = sources(join(ROOT, "client")).filter((p) => {
      const text = readFileSync(p, "utf8");
      return /from\s+["'][^"']*bench[^"']*["']/.test(text) || /["']bench["']\s*\)|\?bench=/.test(text) || /\.money\s*=[^=]|growthPermille\s*=[^=]/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it("starts from index.html alone, which loads client/main.ts", () => {
    const html = readFileSync(join(ROOT, "index.html"), "utf8");
    expect(html).toContain('src="/client/main.ts"');
    expect(readFileSync(join(ROOT, "client", "main.ts"), "utf8")).toMatch(/app\.start\(\)/);
  });
});

// shared/ is the deterministic simulation: no clocks, no randomness, no engine-approximated maths,
// no I/O, and no imports from the client, the server or their frameworks. (Its own tsconfig, with
// no DOM or Node types, is checked by `npm run typecheck`.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../shared");
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/Math\.random/, "Math.random"],
  [/Date\.now|new Date\(|performance\.now/, "a clock"],
  [/Math\.(sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|exp|expm1|log|log2|log10|log1p|pow|cbrt|hypot)\b/, "an engine-approximated Math function"],
  [/\*\*/, "the ** operator (Math.pow)"],
  [/toLocale\w*\(/, "locale-dependent formatting"],
  [/\b(setTimeout|setInterval|fetch|require|queueMicrotask)\(|\b(process|window|document|globalThis|navigator|localStorage)\./, "a host API"],
];

describe("shared/ purity", () => {
  const all = files(root);
  it("has files to check", () => expect(all.length).toBeGreaterThan(20));
  for (const file of all) {
    it(`${relative(root, file)} stays pure`, () => {
      const text = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
      for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${what} in ${relative(root, file)}`).toBe(false);
      for (const [, spec] of text.matchAll(/from\s+"([^"]+)"/g)) {
        expect(spec.startsWith(".") || spec === "zod", `import of ${spec}`).toBe(true);
        expect(/\.\.\/(\.\.\/)*(client|server)\//.test(spec), `import of ${spec}`).toBe(false);
      }
    });
  }
});

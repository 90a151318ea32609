// Numbers as the player reads them: always with units, never machine-dependent (no toLocaleString).
import { TICKS_PER_SECOND } from "../../shared/index.js";

// Money has one formatter, shared with the command messages and the exports (shared/money.ts).
export { money, moneyExact } from "../../shared/index.js";

/** 1/10000 → "99.95 %". */
export function permyriad(value: number, digits = 2): string {
  return `${(value / 100).toFixed(digits)} %`;
}

/** Ticks → game clock "m:ss" (or "h:mm:ss" past an hour). */
export function clock(ticks: number): string {
  const total = Math.max(0, Math.floor(ticks / TICKS_PER_SECOND));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = s.toString().padStart(2, "0");
  return h > 0 ? `${h}:${m.toString().padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** Ticks → "30 s", "5 min", "1 min 30 s": for TTLs, intervals and delays. */
export function duration(ticks: number): string {
  const secs = ticks / TICKS_PER_SECOND;
  if (secs < 60) return `${trim(secs)} s`;
  // Round the whole first: 299.6 s is "5 min", not "4 min 60 s".
  const whole = Math.round(secs);
  const m = Math.floor(whole / 60);
  const s = whole - m * 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? n.toString() : n.toFixed(1);
}

/** Requests per second, compact: "12 req/s", "3.4k req/s", "1.2M req/s". */
export function rate(perSecond: number): string {
  return `${compact(perSecond)} req/s`;
}

export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${trim1(n / 1e9)}G`;
  if (a >= 1e6) return `${trim1(n / 1e6)}M`;
  if (a >= 1e4) return `${Math.round(n / 1e3)}k`;
  if (a >= 1e3) return `${trim1(n / 1e3)}k`;
  if (a >= 10 || Number.isInteger(n)) return Math.round(n).toString();
  return n.toFixed(1);
}

function trim1(n: number): string {
  const s = n.toFixed(1);
  return s.endsWith(".0") ? s.slice(0, -2) : s;
}

export function ms(value: number): string {
  return value >= 1000 ? `${trim1(value / 1000)} s` : `${Math.round(value)} ms`;
}

/** Reputation 0..10000 → "87 %". */
export function reputation(value: number): string {
  return `${Math.round(value / 100)} %`;
}

/** "three nines" reads better than "3": 0 → "none". */
export function ninesLabel(n: number): string {
  const words = ["no nines", "one nine", "two nines", "three nines", "four nines", "five nines"];
  return words[Math.max(0, Math.min(5, n))];
}

/** Utilisation permille → "73 %" (overload shows above 100). */
export function utilisation(permille: number): string {
  return `${Math.round(permille / 10)} %`;
}

/** Replace `{host}` in reason texts. */
export function fillHost(text: string, hostName: string): string {
  return text.replaceAll("{host}", hostName);
}

export function capitalise(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}

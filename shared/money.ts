// The one way money is written, in the game, its messages and its exports: cents in, "$1,234" out.
// Written out by hand rather than with toLocaleString or Intl, whose output depends on the machine.

function grouped(whole: number): string {
  return Math.floor(whole).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Cents → whole dollars, rounded down: "$1,234" (or "-$12"). */
export function money(cents: number): string {
  return `${cents < 0 ? "-" : ""}$${grouped(Math.abs(cents) / 100)}`;
}

/** Cents → dollars and cents, for small amounts such as upkeep per second: "$12.50". */
export function moneyExact(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  return `${cents < 0 ? "-" : ""}$${grouped(abs / 100)}.${(abs % 100).toString().padStart(2, "0")}`;
}

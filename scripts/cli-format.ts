// Small text helpers for the command-line tools.
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% (${done}/${total} ticks)`;
}

export function dollarsText(cents: number): string {
  return `${cents < 0 ? "-" : ""}$${Math.floor(Math.abs(cents) / 100).toLocaleString("en-US")}`;
}

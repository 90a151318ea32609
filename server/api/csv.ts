// CSV as spreadsheets read it (RFC 4180): every text cell quoted, quotes doubled, CRLF line ends.
// A text cell that a spreadsheet would take for a formula (=, +, -, @, tab, return) is prefixed
// with an apostrophe, so a student named "=HYPERLINK(...)" stays a name on the teacher's screen.
export type Cell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

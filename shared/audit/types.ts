// What one audit check says about the design. A check about something the board does not have is
// left out entirely: no finding and no tick (a database check on a board without a database
// would be noise, and a green tick for it a lie).
import type { AuditCheckId } from "../content/scenario.js";

export type FindingKind = "spof" | "security" | "monitoring" | "capacity" | "data";
export type Severity = "critical" | "warning" | "info";

export type AuditId =
  | AuditCheckId
  | "site-reachable" | "health-checks" | "n-plus-one" | "one-primary" | "all-in-one" | "ssh-open" | "app-private"
  | "firewall-refuses" | "inside-open";

export interface AuditFinding {
  id: AuditId;
  /** True: the check applies and passes (a tick). False: a finding. */
  ok: boolean;
  kind: FindingKind;
  severity: Severity;
  /** The hosts (or "a → b" links) the finding is about; empty when it passes. */
  subjects: string[];
  /** Short name of the check, as a reviewer's heading. */
  title: string;
  /** What is wrong (or, when it passes, what is right), with this design's names and numbers. */
  message: string;
  /** What to do about it ("" when it passes). */
  advice: string;
  /** The same as `message`: the name the client has always read. */
  detail: string;
}

export function pass(id: AuditId, kind: FindingKind, title: string, message: string): AuditFinding {
  return { id, ok: true, kind, severity: "info", subjects: [], title, message, advice: "", detail: message };
}

export function fail(id: AuditId, kind: FindingKind, severity: Severity, title: string, subjects: string[], message: string, advice: string): AuditFinding {
  return { id, ok: false, kind, severity, subjects: [...new Set(subjects)], title, message, advice, detail: message };
}

/** "a", "a and b", "a, b and c"; long lists are cut with a count. */
export function names(list: readonly string[]): string {
  const u = [...new Set(list)];
  if (u.length > 6) return `${u.slice(0, 5).join(", ")} and ${u.length - 5} more`;
  if (u.length <= 1) return u.join("");
  return `${u.slice(0, -1).join(", ")} and ${u[u.length - 1]}`;
}

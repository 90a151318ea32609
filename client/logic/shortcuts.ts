// Keyboard shortcuts: one table, read by the key handler and by the help dialog.
export type ShortcutAction =
  | "pause" | "speed1" | "speed2" | "speed4" | "speed8" | "dashboard" | "buy" | "dns" | "connect" | "undo"
  | "save" | "fit" | "cancel" | "help" | "info" | "ping" | "prevHost" | "nextHost" | "copy";

export interface Shortcut { keys: string[]; action: ShortcutAction; what: string }

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["Space"], action: "pause", what: "Pause / resume" },
  { keys: ["1"], action: "speed1", what: "Speed 1×" },
  { keys: ["2"], action: "speed2", what: "Speed 2×" },
  { keys: ["3"], action: "speed4", what: "Speed 4×" },
  { keys: ["4"], action: "speed8", what: "Speed 8×" },
  { keys: ["B"], action: "buy", what: "Buy a server" },
  { keys: ["D"], action: "dns", what: "DNS records" },
  { keys: ["]"], action: "nextHost", what: "Select the next server" },
  { keys: ["["], action: "prevHost", what: "Select the previous server" },
  { keys: ["C"], action: "connect", what: "Connect the selected server to another" },
  { keys: ["N"], action: "copy", what: "New server set up like the selected one (copy its setup)" },
  { keys: ["M"], action: "dashboard", what: "Dashboard: revenue against costs, and monitoring" },
  { keys: ["F"], action: "fit", what: "Fit the board to the screen" },
  { keys: ["Ctrl+Z", "U"], action: "undo", what: "Undo the last build action" },
  { keys: ["Ctrl+S"], action: "save", what: "Save" },
  { keys: ["I"], action: "info", what: "Info cards" },
  { keys: ["P"], action: "ping", what: "Co-op: ping the selected server (or hold the mouse down on the board)" },
  { keys: ["Esc"], action: "cancel", what: "Cancel / deselect / close" },
  { keys: ["?"], action: "help", what: "This list" },
];

/** Input types that take no typing: a key pressed while one has focus is still a shortcut. */
const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color"]);

/**
 * Whether the focused element keeps this key for itself (then it is not a shortcut): text fields,
 * text areas and selects (whose letters pick an option) keep every key; a checkbox keeps only
 * Space, which ticks it. Any other key on a checkbox the player just ticked is still a shortcut:
 * the box keeps the focus, and used to swallow every shortcut after it.
 */
export function focusKeepsKey(el: { tagName: string; type?: string } | null, key: string): boolean {
  if (!el) return false;
  if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
  if (el.tagName !== "INPUT") return false;
  const type = (el.type ?? "text").toLowerCase();
  if (!NOT_TYPED.has(type)) return true;
  return (type === "checkbox" || type === "radio") && key === " ";
}

/** Maps a key event to an action; null if it is not ours (or the player is typing). */
export function shortcutFor(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; targetIsInput: boolean }): ShortcutAction | null {
  if (e.targetIsInput || e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod) return key === "z" ? "undo" : key === "s" ? "save" : null;
  switch (key) {
    case " ": return "pause";
    case "1": return "speed1";
    case "2": return "speed2";
    case "3": return "speed4";
    case "4": return "speed8";
    case "b": return "buy";
    case "d": return "dns";
    case "c": return "connect";
    case "n": return "copy";
    case "m": return "dashboard";
    case "f": return "fit";
    case "u": return "undo";
    case "i": return "info";
    case "p": return "ping";
    case "Escape": return "cancel";
    case "?": return "help";
    case "]": return "nextHost";
    case "[": return "prevHost";
    default: return null;
  }
}

/** The server `]` (step 1) or `[` (step -1) selects: the next in the list, wrapping; the first when none is. */
export function steppedHost(hostIds: readonly number[], selected: number | null, step: 1 | -1): number | null {
  if (hostIds.length === 0) return null;
  const at = selected === null ? -1 : hostIds.indexOf(selected);
  if (at < 0) return step === 1 ? hostIds[0] : hostIds[hostIds.length - 1];
  return hostIds[(at + step + hostIds.length) % hostIds.length];
}

// Board colours: Okabe-Ito (readable with the common colour-vision deficiencies), always paired
// with a shape: ● static, ■ read, ◆ write, ✸ attack, ✖ failed.
export const COLOURS = {
  background: 0x0f141b,
  grid: 0x18202a,
  gridMajor: 0x1d2631,
  card: 0x1b2430,
  cardTop: 0x232f3e,
  cardDown: 0x120d0d,
  border: 0x3a4759,
  text: "#e8edf3",
  muted: "#93a1b3",
  faint: "#5d6b7d",
  up: 0x009e73,
  starting: 0xf0e442,
  down: 0xd55e00,
  breached: 0xcc79a7,
  select: 0x56b4e9,
  connect: 0xf0e442,
  link: 0x3c4b60,
  linkBusy: 0x56b4e9,
  linkFailing: 0xd55e00,
  load: [0x009e73, 0x009e73, 0x56b4e9, 0xe69f00, 0xd55e00] as const,
} as const;

/** Per traffic class: static, read, write, attack. */
export const CLASS_COLOURS = [0x56b4e9, 0x009e73, 0xf0e442, 0xd55e00] as const;
export const DOT_TEXTURES = ["dot-static", "dot-read", "dot-write", "dot-attack"] as const;
export const FAIL_TEXTURE = "dot-fail";

export const STATUS_CSS: Record<string, string> = { up: "#2fbf8f", starting: "#f0e442", down: "#ff7a3d", breached: "#e29ac4" };

// In a co-op game: who is playing (colour, name, role, host, connection), what everyone did (the
// action feed: "alice bought web-02", "bob paused") and the banner over the board saying who
// paused. Every name goes in as text, never as HTML.
import { ROLE_LABELS, type Role } from "../../shared/index.js";
import { clock } from "../logic/format.js";
import type { PlayerMeta, RoomMeta } from "../net/roomMeta.js";
import { h, setText } from "./dom.js";

const FEED_MAX = 40;
const ROLE_SHORT: Record<Role, string> = { network: "Network", servers: "Servers", data: "Data", security: "Security" };

export function roleShort(role: Role | null): string {
  return role ? ROLE_SHORT[role] : "";
}

/** A player's mark: a square in their colour, then the name (the colour is never the only sign). */
export function playerTag(p: { name: string; colour: string } | null, fallback = "someone"): HTMLElement {
  return h("span", { class: "who" },
    h("span", { class: "swatch", style: `background:${p?.colour ?? "#888"}`, "aria-hidden": "true" }),
    h("b", null, p?.name ?? fallback));
}

export class CoopPanel {
  readonly el: HTMLElement;
  /** Floats over the board: pause and connection banners. */
  readonly overlay: HTMLElement;
  private readonly players = h("ul", { class: "players", "aria-label": "Players" });
  private readonly feed = h("ol", { class: "feed action-feed", "aria-live": "polite", "aria-label": "What everyone did" });
  private readonly pauseBanner = h("div", { class: "room-banner paused hidden", role: "status" });
  private lastPlayers = "\u0000";
  pausedBy: string | null = null;

  constructor(private readonly me: () => string) {
    this.el = h("section", { class: "card", "data-panel": "coop" },
      h("h3", null, "Players"), this.players,
      h("h3", { style: "margin-top: 10px" }, "Actions"), this.feed);
    this.overlay = h("div", { class: "room-banners" }, this.pauseBanner);
  }

  /** Redraws the player list when it changed. */
  refresh(meta: RoomMeta): void {
    const sig = JSON.stringify(meta.players.map((p) => [p.id, p.name, p.colour, p.role, p.connected, p.isHost])) + meta.rolesEnabled;
    if (sig !== this.lastPlayers) {
      this.lastPlayers = sig;
      this.players.replaceChildren(...meta.players.map((p) => this.playerRow(p, meta.rolesEnabled)));
    }
    const paused = meta.paused;
    this.pauseBanner.classList.toggle("hidden", !paused);
    if (paused) setText(this.pauseBanner, `❚❚ Paused${this.pausedBy ? ` by ${this.pausedBy}` : ""}${meta.hostOnlyPause ? " · only the host can resume" : " · Space resumes"}`);
  }

  private playerRow(p: PlayerMeta, roles: boolean): HTMLElement {
    const you = p.id === this.me();
    return h("li", { class: `player ${p.connected ? "" : "away"}`, "data-player": p.id },
      playerTag(p),
      you ? h("span", { class: "muted small" }, " (you)") : null,
      p.isHost ? h("span", { class: "tag host", title: "Host: picks the chapter and starts the game" }, "★ host") : null,
      roles && p.role ? h("span", { class: "tag role", title: ROLE_LABELS[p.role] }, roleShort(p.role)) : null,
      h("span", { class: `conn ${p.connected ? "on" : "off"}` }, p.connected ? "● online" : "◌ reconnecting…"));
  }

  /** One line in the action feed: who (if anyone) and what, at which game time. */
  add(tick: number | null, who: PlayerMeta | null, text: string, kind: "action" | "room" | "refused" = "action"): void {
    const li = h("li", { class: `feed-${kind}` },
      h("div", { class: "when" }, tick !== null ? clock(tick) : ""),
      who ? playerTag(who) : null, who ? " " : null, text);
    this.feed.prepend(li);
    while (this.feed.children.length > FEED_MAX) this.feed.lastChild!.remove();
  }
}

// Download the player's design: the whiteboard as SVG or PNG, and the write-up as Markdown.
import { exportDesign } from "../../shared/export/index.js";
import type { Game } from "../../shared/index.js";
import { h } from "./dom.js";
import { toast } from "./toast.js";

function save(blob: Blob, name: string): void {
  const a = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 2000);
}

const svgOf = (game: Game) => exportDesign(game.state, "svg", { title: `www.foobar.com — ${game.scenario.title}` })[0].content;

/** Draws the SVG on a canvas at twice its size (crisp on a slide) and saves it as PNG. */
function savePng(game: Game): void {
  const svg = svgOf(game);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  img.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext("2d");
    URL.revokeObjectURL(url);
    if (!ctx) return toast("This browser cannot draw the PNG; take the SVG instead", "alert");
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    canvas.toBlob((blob) => (blob ? save(blob, `nines-${game.scenario.id}-whiteboard.png`) : toast("Could not make the PNG; take the SVG instead", "alert")), "image/png");
  };
  img.onerror = () => {
    URL.revokeObjectURL(url);
    toast("Could not draw the whiteboard; take the SVG instead", "alert");
  };
  img.src = url;
}

export function designDownloadButtons(game: () => Game): HTMLElement[] {
  return [
    h("button", { class: "btn small", type: "button", "data-download": "svg", onclick: () => save(new Blob([svgOf(game())], { type: "image/svg+xml" }), `nines-${game().scenario.id}-whiteboard.svg`) }, "⬇ Whiteboard SVG"),
    h("button", { class: "btn small", type: "button", "data-download": "png", onclick: () => savePng(game()) }, "⬇ PNG"),
    h("button", { class: "btn small", type: "button", "data-download": "md", onclick: () => {
      const g = game();
      save(new Blob([exportDesign(g.state, "md", { scenario: g.scenario })[0].content], { type: "text/markdown" }), `nines-${g.scenario.id}-design.md`);
    } }, "⬇ Write-up"),
  ];
}

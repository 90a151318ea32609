// Every export of a design, by format, as files (path and text): what the CLI writes to a folder
// and what the browser offers for download.
import type { Scenario } from "../content/scenario.js";
import type { GameState } from "../model/types.js";
import type { ExportFile, ExportOptions } from "./common.js";
import { haproxyFiles } from "./haproxy.js";
import { keepalivedFiles } from "./keepalived.js";
import { mysqlFiles } from "./mysql.js";
import { nginxFiles } from "./nginx.js";
import { whiteboardSvg } from "./svg.js";
import { ufwFiles } from "./ufw.js";
import { writeup } from "./writeup.js";
import { zoneFiles } from "./zone.js";

export type { ExportFile, ExportOptions } from "./common.js";
export { whiteboardSvg, escapeXml } from "./svg.js";
export { writeup } from "./writeup.js";

export const EXPORT_FORMATS = ["haproxy", "nginx", "mysql", "ufw", "keepalived", "zone", "svg", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportDesign(state: GameState, format: ExportFormat | "all", options: ExportOptions & { scenario?: Scenario; title?: string } = {}): ExportFile[] {
  if (format === "all") return EXPORT_FORMATS.flatMap((f) => exportDesign(state, f, options));
  switch (format) {
    case "haproxy": return haproxyFiles(state, options);
    case "nginx": return nginxFiles(state, options);
    case "mysql": return mysqlFiles(state);
    case "ufw": return ufwFiles(state);
    case "keepalived": return keepalivedFiles(state);
    case "zone": return zoneFiles(state);
    case "svg": return [{ path: "whiteboard.svg", content: whiteboardSvg(state, options.title) }];
    case "md": return [{ path: "design.md", content: writeup(state, options.scenario) }];
  }
}

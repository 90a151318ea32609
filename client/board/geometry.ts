// Where a lane starts and ends on screen: from the right edge of the sender to the left edge of
// the receiver (or centre to centre when they overlap), so lines and dots agree.
import { HOST_W, INTERNET, type BoardLayout } from "../logic/boardLayout.js";

export interface Segment { x1: number; y1: number; x2: number; y2: number }

export function laneSegment(layout: BoardLayout, fromId: number, toId: number, out: Segment): Segment | null {
  const to = layout.hosts.get(toId);
  if (!to) return null;
  if (fromId === 0) {
    out.x1 = layout.internet.x + INTERNET.w / 2 - 8;
    out.y1 = layout.internet.y + 8;
    out.x2 = to.x - HOST_W / 2;
    out.y2 = to.y;
    return out;
  }
  const from = layout.hosts.get(fromId);
  if (!from) return null;
  const half = HOST_W / 2;
  if (to.x - from.x > HOST_W) {
    out.x1 = from.x + half; out.y1 = from.y; out.x2 = to.x - half; out.y2 = to.y;
  } else if (from.x - to.x > HOST_W) {
    out.x1 = from.x - half; out.y1 = from.y; out.x2 = to.x + half; out.y2 = to.y;
  } else {
    // Same column (a primary and its replica): go round the side.
    const dy = to.y > from.y ? 1 : -1;
    out.x1 = from.x + half - 24; out.y1 = from.y + dy * 56; out.x2 = to.x + half - 24; out.y2 = to.y - dy * 56;
  }
  return out;
}

/**
 * Reading order of one page's line fragments. A page whose fragments leave a vertical channel of
 * white space (a gutter) that few lines cross is read column by column: lines that cross the
 * gutter (titles, full-width boxes, footers) cut the page into bands, and within a band the left
 * column is read before the right one. Columns are looked at again for a gutter of their own
 * (three-column pages), to a small depth.
 */
import type { LayoutLine } from './types.js';

/** Lines top to bottom by row, left to right within a row. */
export function byRows(lines: readonly LayoutLine[]): LayoutLine[] {
  return [...lines].sort((a, b) => a.row - b.row || a.x0 - b.x0);
}

/** Fragments of one page in reading order. */
export function readingOrder(lines: readonly LayoutLine[], depth = 0): LayoutLine[] {
  const sorted = byRows(lines);
  if (depth > 2 || lines.length < 6) return sorted;
  const g = gutter(sorted);
  if (g === null) return sorted;
  const out: LayoutLine[] = [];
  let left: LayoutLine[] = [];
  let right: LayoutLine[] = [];
  const flush = (): void => {
    out.push(...readingOrder(left, depth + 1), ...readingOrder(right, depth + 1));
    left = [];
    right = [];
  };
  for (const l of sorted) {
    if (l.x0 < g && l.x1 > g) {
      flush();
      out.push(l);
    } else if (l.x1 <= g) left.push(l);
    else right.push(l);
  }
  flush();
  return out;
}

/**
 * The x of a gutter: a vertical channel few letters cross, with enough text on both sides that
 * also overlaps vertically (two columns side by side, not a block above another). Null if none.
 */
export function gutter(lines: readonly LayoutLine[]): number | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let total = 0;
  for (const l of lines) {
    minX = Math.min(minX, l.x0);
    maxX = Math.max(maxX, l.x1);
    total += l.text.length;
  }
  const width = maxX - minX;
  if (width < 100 || total < 200) return null;
  let best: { x: number; cross: number; run: number } | null = null;
  let runStart = -1;
  let prevCross = -1;
  const crossing = crossingAt(lines);
  for (let x = minX + 0.2 * width; x <= maxX - 0.2 * width; x += 2) {
    const cross = crossing(x);
    if (cross !== prevCross) runStart = x;
    prevCross = cross;
    // the middle of the widest channel of least crossing
    if (!best || cross < best.cross || (cross === best.cross && x - runStart > best.run)) best = { x: (runStart + x) / 2, cross, run: x - runStart };
  }
  if (!best) return null;
  const g = best.x;
  // few lines cross it: a title, a full-width box or footnotes may, most of the text may not
  const crossingLines = lines.filter((l) => l.x0 < g && l.x1 > g).length;
  if (best.cross > 0.3 * total || crossingLines > 0.25 * lines.length) return null;
  const left = lines.filter((l) => l.x1 <= g);
  const right = lines.filter((l) => l.x0 >= g);
  const chars = (ls: LayoutLine[]): number => ls.reduce((n, l) => n + l.text.length, 0);
  if (left.length < 3 || right.length < 3 || chars(left) < 0.15 * total || chars(right) < 0.15 * total) return null;
  // columns of prose, not a form of short labels beside their values
  if (chars(left) / left.length < 12 || chars(right) / right.length < 12) return null;
  // side by side: the two sides share a good part of their height
  const span = (ls: LayoutLine[]): [number, number] => [Math.min(...ls.map((l) => l.y)), Math.max(...ls.map((l) => l.y))];
  const [lb, lt] = span(left);
  const [rb, rt] = span(right);
  const overlap = Math.min(lt, rt) - Math.max(lb, rb);
  if (overlap < 0.3 * Math.min(lt - lb, rt - rb) || overlap <= 0) return null;
  return g;
}

/**
 * Letters of the lines that cross x (x0 < x < x1), for x asked in increasing order: a sweep over
 * the lines sorted by start and by end, where testing every line at every step cost steps × lines
 * on every page and every column looked at.
 */
export function crossingAt(lines: readonly LayoutLine[]): (x: number) => number {
  // a line with its ends swapped (or not numbers) would be counted wrong by the sweep: test each line then
  if (lines.some((l) => !(l.x1 >= l.x0))) return (x) => lines.reduce((n, l) => (l.x0 < x && l.x1 > x ? n + l.text.length : n), 0);
  // a line of no width crosses nothing; the others have ended at x only if they had started
  const wide = lines.filter((l) => l.x1 > l.x0);
  const starts = [...wide].sort((a, b) => a.x0 - b.x0);
  const ends = [...wide].sort((a, b) => a.x1 - b.x1);
  let i = 0;
  let j = 0;
  let started = 0;
  let ended = 0;
  return (x) => {
    for (; i < starts.length && starts[i].x0 < x; i++) started += starts[i].text.length;
    for (; j < ends.length && ends[j].x1 <= x; j++) ended += ends[j].text.length;
    return started - ended;
  };
}

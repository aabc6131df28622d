/**
 * Side boxes: call-outs, pull quotes and margin notes set beside the body text. Read by rows they
 * are spliced line by line into the paragraph next to them ("The publication offers concrete / on
 * generative AI / recommendations for …"). A side box is told by structure, not wording: a small
 * cluster of lines stacked on one another, set in other type than the text beside it, with no line
 * sharing a baseline row with that text (which would make it a table or a form of labels and
 * values) and no horizontal overlap with it. It is read whole, before the paragraph it stands beside.
 */
import { sizeClass } from './blocks.js';
import type { LayoutLine } from './types.js';

/** A page's lines split into the flowing text and the side boxes standing beside it. */
export interface SideSplit {
  body: LayoutLine[];
  boxes: LayoutLine[][];
}

/** Lines stacked closer than this many type sizes belong to one cluster. */
const STACK_GAP = 1.6;

/** Split one page's lines (any order) into body and side boxes. */
export function splitSideBoxes(lines: readonly LayoutLine[]): SideSplit {
  if (lines.length < 6) return { body: [...lines], boxes: [] };
  const total = chars(lines);
  const boxes: LayoutLine[][] = [];
  const taken = new Set<LayoutLine>();
  for (const c of clusters(lines)) {
    if (c.length < 2 || chars(c) > 0.35 * total) continue;
    if (isSideBox(c, lines)) {
      boxes.push(c);
      for (const l of c) taken.add(l);
    }
  }
  if (!boxes.length) return { body: [...lines], boxes };
  return { body: lines.filter((l) => !taken.has(l)), boxes };
}

/** Whether a cluster stands beside other text in type of its own, sharing no row and no column with it. */
function isSideBox(c: readonly LayoutLine[], page: readonly LayoutLine[]): boolean {
  const inC = new Set(c);
  const x0 = Math.min(...c.map((l) => l.x0));
  const x1 = Math.max(...c.map((l) => l.x1));
  const top = Math.max(...c.map((l) => l.y + l.size));
  const bottom = Math.min(...c.map((l) => l.y));
  const beside = page.filter((l) => !inC.has(l) && l.y <= top && l.y + l.size >= bottom);
  // text beside it, more of it than the box holds, none of it reaching into the box's width
  if (!beside.length || chars(beside) < chars(c)) return false;
  const margin = 0.5 * Math.min(...c.map((l) => l.size));
  if (beside.some((l) => l.x0 < x1 + margin && l.x1 > x0 - margin)) return false;
  // a row shared with the text beside it makes cells or labels, not a box
  const rows = new Set(beside.map((l) => l.row));
  if (c.filter((l) => rows.has(l.row)).length > 0.6 * c.length) return false;
  // set in other type: another font or a clearly other size than the text beside it
  const a = dominant(c);
  const b = dominant(beside);
  if (a.font === b.font && Math.abs(a.size - b.size) <= 0.15 * b.size) return false;
  // standing free in its own column: a heading with its column's text just below it is not a box
  // (full-width text above or below, or text wrapping round the box, reaches only partly into it)
  const clear = 3 * a.size;
  const sharesColumn = (l: LayoutLine): boolean => {
    const overlap = Math.min(l.x1, x1) - Math.max(l.x0, x0);
    return overlap > 0.5 * (l.x1 - l.x0);
  };
  return !page.some((l) => !inC.has(l) && l.y < top + clear && l.y + l.size > bottom - clear && sharesColumn(l));
}

/** Clusters of lines that stack: overlapping horizontally and close vertically (single linkage). */
function clusters(lines: readonly LayoutLine[]): LayoutLine[][] {
  const order = [...lines].sort((a, b) => b.y - a.y);
  const farthest = STACK_GAP * Math.max(4, ...lines.map((l) => l.size));
  const parent = order.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < order.length; i++) {
    const a = order[i];
    for (let j = i + 1; j < order.length; j++) {
      const b = order[j];
      const reach = STACK_GAP * Math.max(a.size, b.size, 4);
      if (a.y - b.y > farthest) break;
      if (a.y - b.y <= reach && a.x0 < b.x1 && b.x0 < a.x1) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, LayoutLine[]>();
  order.forEach((l, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(l);
    else groups.set(r, [l]);
  });
  return [...groups.values()];
}

/** The font and size most of a set of lines' letters are set in. */
function dominant(lines: readonly LayoutLine[]): { font: string; size: number } {
  const fonts = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const l of lines) {
    fonts.set(l.font, (fonts.get(l.font) ?? 0) + l.text.length);
    const s = sizeClass(l.size);
    sizes.set(s, (sizes.get(s) ?? 0) + l.text.length);
  }
  const top = <K>(m: Map<K, number>): K => [...m].sort((p, q) => q[1] - p[1])[0][0];
  return { font: top(fonts), size: top(sizes) };
}

function chars(lines: readonly LayoutLine[]): number {
  return lines.reduce((n, l) => n + l.text.length, 0);
}

/**
 * The layout step: pages of positioned text runs → one reading text with page starts and marked
 * regions. Runs become line fragments; furniture (running lines, page numbers, stamps, credits,
 * rotated text) is taken out and kept aside; each page is put in reading order and cut into
 * blocks with roles; the text layer's defects are repaired where certain and reported by page.
 */
import { pageBlocks, typeScale, isLabelOnly } from './blocks.js';
import { emit } from './emit.js';
import { markFurniture } from './furniture.js';
import { pageLines } from './lines.js';
import { byRows, readingOrder } from './order.js';
import { splitSideBoxes } from './side-boxes.js';
import { findTables } from './tables.js';
import { assessPages, repairLine } from './quality.js';
import type { Block, FurnitureLine, LayoutLine, LayoutResult, PdfPage } from './types.js';
import type { TypeScale } from './blocks.js';

export type { LayoutResult, PdfItem, PdfPage, QualityIssue, Region, FurnitureLine } from './types.js';
export { pageRanges } from './quality.js';

/** Lay out a document's pages (in order, 1-based numbers). */
export function layoutPages(pages: readonly PdfPage[]): LayoutResult {
  const furniture: FurnitureLine[] = [];
  const raw: { page: number; raw: string }[] = [];
  const lines = pages.map((p) => {
    const ls = joinLabels(pageLines(p.items, p.page));
    raw.push({ page: p.page, raw: ls.map((l) => l.text).join('\n') });
    for (const l of ls) l.text = repairLine(l.text).trim();
    const rotated = p.items.filter((i) => i.rotated && i.str.trim()).map((i) => i.str.trim()).join(' ');
    if (rotated) furniture.push({ page: p.page, text: rotated });
    return ls.filter((l) => l.text);
  });
  markFurniture(pages, lines);
  for (const ls of lines) for (const l of ls) if (l.furniture) furniture.push({ page: l.page, text: l.text });
  const kept = lines.map((ls) => ls.filter((l) => !l.furniture));
  const scale = typeScale(kept.flat());
  const blocks = pages.map((p, i) => ({ page: p.page, blocks: orderedBlocks(kept[i], scale) }));
  const { text, pageStarts, regions } = emit(blocks, pages.length ? pages[pages.length - 1].page : 0);
  return { text, pageStarts, regions, furniture, quality: assessPages(raw) };
}

/**
 * A page's lines in reading order, its tables (found by their column grid) kept whole: each stands
 * in the order as one full-width line where it starts, so the columns around it are read apart
 * and its cells are not read as two columns of prose; its lines follow row by row, cell by cell.
 */
function orderWithTables(lines: LayoutLine[]): LayoutLine[] {
  const tables = findTables(lines);
  if (!tables.length) return readingOrder(lines);
  const inTable = new Set(tables.flat());
  const marks = new Map<LayoutLine, LayoutLine[]>();
  for (const t of tables) {
    const first = t.reduce((a, b) => (b.row < a.row || (b.row === a.row && b.x0 < a.x0) ? b : a));
    const mark: LayoutLine = { ...first, text: '', x0: Math.min(...t.map((l) => l.x0)), x1: Math.max(...t.map((l) => l.x1)), cell: undefined };
    marks.set(mark, [...t].sort((a, b) => a.cell!.row - b.cell!.row || a.cell!.col - b.cell!.col || b.y - a.y));
  }
  const ordered = readingOrder([...lines.filter((l) => !inTable.has(l)), ...marks.keys()]);
  return ordered.flatMap((l) => marks.get(l) ?? [l]);
}

/**
 * One page's blocks in reading order: the flowing text column by column, and each side box whole,
 * before the block of text it stands beside (between paragraphs, so none is cut).
 */
function orderedBlocks(lines: readonly LayoutLine[], scale: TypeScale): Block[] {
  const { body, boxes } = splitSideBoxes(lines);
  const blocks = pageBlocks(orderWithTables(body), scale);
  const fromBoxes = new Set<Block>();
  for (const box of boxes) {
    const top = Math.max(...box.map((l) => l.y));
    const at = blocks.findIndex((b) => !fromBoxes.has(b) && b.lines.some((l) => l.y <= top + l.size));
    const own = boxBlocks(box, scale);
    for (const b of own) fromBoxes.add(b);
    blocks.splice(at < 0 ? blocks.length : at, 0, ...own);
  }
  return blocks;
}

/**
 * A side box's blocks. Large type in a call-out is emphasis, not a heading of the outline; a box
 * that is one short heading (a side heading set in the margin beside its text) stays a heading.
 */
function boxBlocks(box: readonly LayoutLine[], scale: TypeScale): Block[] {
  const blocks = pageBlocks(byRows(box), scale);
  if (blocks.length === 1 && blocks[0].role === 'heading' && box.length <= 3) return blocks;
  return blocks.map((b) => (b.role === 'heading' ? { page: b.page, role: 'body', lines: b.lines } : b));
}

/**
 * A bullet or item label set apart from its text on the same baseline is joined to it, and so is
 * a page number set far right of a contents entry ("Foreword ........ 2") when the row has no
 * other cells.
 */
function joinLabels(lines: LayoutLine[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  const cells = new Map<number, number>();
  for (const l of lines) cells.set(l.row, (cells.get(l.row) ?? 0) + 1);
  for (const l of lines) {
    const prev = out[out.length - 1];
    const label = prev && prev.row === l.row && isLabelOnly(prev.text) && l.x0 - prev.x1 < 4 * l.size;
    const pageRef = prev && prev.row === l.row && cells.get(l.row) === 2 && /^\d{1,4}$/.test(l.text) && /\p{L}/u.test(prev.text);
    if (label || pageRef) {
      out[out.length - 1] = { ...(label ? l : prev), text: `${prev.text} ${l.text}`, x0: prev.x0, x1: l.x1 };
      continue;
    }
    out.push(l);
  }
  return out;
}

/**
 * One page's lines, in reading order and without furniture → blocks with roles. Type size tells
 * headings (larger than the body) and footnotes (smaller, at the foot of a column, opening with a
 * note number); a leading bullet or number tells list items; rows of three or more cells tell
 * tables; "Figure 3:", "Source:" tell captions. Everything else is body text, cut into paragraphs
 * at wider gaps, indents and column changes.
 */
import type { Block, LayoutLine } from './types.js';

/** Type sizes of a document: the body size and the larger sizes used by headings, largest first. */
export interface TypeScale {
  body: number;
  headings: number[];
  /** Usual distance between baselines of body lines. */
  leading: number;
}

/** Bullet glyphs as fonts draw them (private-use Symbol/Wingdings code points included). */
const BULLET = /^(?:[•●▪■◆◇►▶➢➤→‣◦○∙·□❖✓✔➔➜⇒>\-–—*]|[\uf000-\uf0ff])(?=\s|$)/u;
/** A label of a numbered or lettered item: "1.", "12)", "(a)", "b.", "iv)", "R3". */
const NUMBER_LABEL = /^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,5}\)|[ivx]{1,5}\)|[A-Z]\d{1,2}[.:]?)(?=\s)/;
/** A parenthesised item label: "(2) ", "(b) ", "(iv) " (also read by the analysis of list items). */
export const INLINE_LABEL = /\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s/;
const NOTE_START = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*|\d{1,3}[.)]?\s+)\S/;
const CAPTION_STRICT = /^(?:(?:figure|fig\.|table|chart|graph|map|exhibit|infographic)\s*[\dIVX]+(?:\.\d+)?\s*[.:–—-]|sources?\s*:)/i;

/** Size class of a type size, so 9.96 and 10.02 compare equal. */
export const sizeClass = (s: number): number => Math.round(s * 2) / 2;

/** The document's type scale from all its (non-furniture) lines. */
export function typeScale(lines: readonly LayoutLine[]): TypeScale {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(sizeClass(l.size), (weight.get(sizeClass(l.size)) ?? 0) + l.text.length);
  let body = 10;
  let best = -1;
  for (const [s, w] of [...weight].sort((a, b) => a[0] - b[0])) if (w > best) { best = w; body = s; }
  const headings = [...new Set(lines.filter((l) => l.size >= body * 1.12 && l.text.split(/\s+/).length <= 20).map((l) => sizeClass(l.size)))].sort((a, b) => b - a);
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a.page === b.page && sizeClass(a.size) === body && sizeClass(b.size) === body && Math.abs(a.x0 - b.x0) < body * 3) {
      const g = a.y - b.y;
      if (g > 0 && g < body * 3) gaps.push(g);
    }
  }
  gaps.sort((a, b) => a - b);
  return { body, headings, leading: gaps.length ? gaps[Math.floor(gaps.length / 2)] : body * 1.2 };
}

/** Whether a line opens a list item (bullet or item label). */
export function opensListItem(text: string): boolean {
  return BULLET.test(text) || NUMBER_LABEL.test(text);
}

/** A bullet or label standing alone as a fragment, to be joined to the text beside it. */
export function isLabelOnly(text: string): boolean {
  return /^(?:[•●▪■◆◇►▶➢➤→‣◦○∙·□❖✓✔➔➜⇒\-–*]|[\uf000-\uf0ff]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,5}\)|[A-Z]\d{1,2}[.:]?)$/u.test(text.trim());
}

/** Lines of one page (reading order, no furniture) → blocks. */
export function pageBlocks(lines: readonly LayoutLine[], scale: TypeScale): Block[] {
  const notes = footnoteLines(lines, scale);
  const tableRows = tableLines(lines);
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let prev: LayoutLine | null = null;
  for (const l of lines) {
    // a bulleted line is an item of a list, whatever its type size
    const role: Block['role'] = l.cell || tableRows.has(l) ? 'table' : notes.has(l) ? 'footnote' : headingLevel(l, scale) && !BULLET.test(l.text) ? 'heading' : 'body';
    const level = role === 'heading' ? headingLevel(l, scale) : undefined;
    let start = !cur || !prev || cur.role !== role && !(cur.role === 'list-item' && role === 'body' || cur.role === 'caption' && role === 'body');
    if (!start && cur && prev) {
      const gap = prev.y - l.y;
      const columnJump = gap < -scale.leading * 0.5 || Math.abs(l.x0 - prev.x0) > Math.max(prev.x1 - prev.x0, 40) * 0.9 && gap <= 0;
      if (role === 'heading') start = level !== cur.level || gap > l.size * 1.8 || gap < 0;
      else if (role === 'footnote') start = NOTE_START.test(l.text) && l.x0 <= cur.lines[0].x0 + 2;
      else if (role === 'table') start = cur.lines[0].cell?.table !== l.cell?.table;
      else if (cur.role === 'caption') start = sizeClass(l.size) !== sizeClass(prev.size) || gap > prev.size * 1.6 || columnJump;
      else {
        const wideGap = gap > scale.leading * 1.45;
        const indent = cur.role === 'body' && l.x0 > prev.x0 + l.size * 0.8 && l.x0 - prev.x0 < l.size * 6 && /[.!?:"”]$/.test(prev.text);
        const hanging = cur.role === 'list-item' && l.x0 < cur.lines[0].x0 - 1;
        start = wideGap || gap < 0 || columnJump || indent || hanging || (opensListItem(l.text) && !continuesInlineList(prev, l, cur));
      }
    }
    if (start) {
      const r = role === 'body' && opensListItem(l.text) ? 'list-item' : role === 'body' && CAPTION_STRICT.test(l.text) ? 'caption' : role;
      cur = { page: l.page, role: r, lines: [l], ...(level ? { level } : {}) };
      blocks.push(cur);
    } else cur!.lines.push(l);
    prev = l;
  }
  // large type running on for many words is a lead paragraph or a pull quote, not a heading
  // and so is a finished sentence or a web address set large (notes set larger than the body)
  for (const b of blocks) if (b.role === 'heading' && (b.lines.length > 4 || isProseHeading(b.lines.map((l) => l.text).join(' ')))) { b.role = 'body'; delete b.level; }
  // one short line set smaller than the body, not a sentence, is a label (a figure's title above
  // its picture, a chart's legend), not a heading or a paragraph
  for (const b of blocks) if (b.role === 'body' && b.lines.length === 1 && isLabelLine(b.lines[0], scale)) b.role = 'caption';
  markFigureText(blocks);
  return blocks;
}

/** A figure's title ("Figure 1: …") and its source line ("Source: Author."). */
const FIGURE_TITLE = /^(?:figure|fig\.|chart|graph|map|exhibit|infographic|diagram)\s*[\dIVX]+(?:\.\d+)?\b/i;
const FIGURE_SOURCE = /^(?:sources?|notes?)\s*:/i;

/**
 * Between a figure's title and its source line on one page lies the figure: its labels and callouts
 * (set large or small, in short pieces) are captions, not headings or paragraphs. Only when every
 * piece between is short: a paragraph of prose between the two means the title was a reference.
 */
function markFigureText(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    if (!FIGURE_TITLE.test(blocks[i].lines[0]?.text ?? '')) continue;
    const j = blocks.findIndex((b, k) => k > i && FIGURE_SOURCE.test(b.lines[0]?.text ?? ''));
    if (j < 0 || j - i > 40) continue;
    const between = blocks.slice(i + 1, j);
    if (between.some((b) => b.role === 'table' || b.lines.reduce((n, l) => n + l.text.split(/\s+/).length, 0) > 40)) continue;
    for (const b of between) {
      b.role = 'caption';
      delete b.level;
    }
    i = j;
  }
}

/**
 * A label that wrapped to a line start inside a running sentence: "… taken by: (1) governmental
 * agencies, (2) providers …" cut before "(2)" is one paragraph, not a list item.
 */
function continuesInlineList(prev: LayoutLine, l: LayoutLine, cur: Block): boolean {
  return cur.role === 'body' && l.text.search(INLINE_LABEL) === 0 && INLINE_LABEL.test(prev.text) && !/[.!?:]$/.test(prev.text);
}

/** A line in smaller type than the body, of a few words in lower case, not ending as a sentence or clause does. */
function isLabelLine(l: LayoutLine, scale: TypeScale): boolean {
  const words = l.text.split(/\s+/).length;
  // capitals (a kicker, a running title in small caps) and imprint lines (©, addresses, numbers) are not labels
  return l.size < scale.body * 0.95 && words >= 2 && words <= 12 && /\p{Ll}$/u.test(l.text) && !/[\d©@:/]/u.test(l.text);
}

/** Text in heading type that reads as prose: over 30 words, a sentence of a dozen words or more, or a web address. */
function isProseHeading(t: string): boolean {
  const words = t.split(/\s+/).length;
  return words > 30 || (words >= 12 && /[.!]["”’)]?$/.test(t)) || /https?:\/\/|www\./.test(t);
}

/** Heading level of a line set larger than the body (1 = largest), or 0. */
function headingLevel(l: LayoutLine, scale: TypeScale): number {
  if (l.size < scale.body * 1.12 || !/\p{L}/u.test(l.text) || l.text.split(/\s+/).length > 20) return 0;
  const r = scale.headings.indexOf(sizeClass(l.size));
  return r < 0 ? 0 : Math.min(6, r + 1);
}

/**
 * Footnote lines: smaller than the body, below every body-size line of their column, from a line
 * that opens with a note number down to the foot of the page.
 */
function footnoteLines(lines: readonly LayoutLine[], scale: TypeScale): Set<LayoutLine> {
  const out = new Set<LayoutLine>();
  const small = (l: LayoutLine): boolean => l.size < scale.body * 0.93;
  // the note marks the page's text carries (raised digits): a small numbered line is a note
  // only when its number is marked in the text or it is itself led by a raised number
  const marks = new Set<string>();
  for (const l of lines) if (!small(l)) for (const m of l.text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) marks.add(fromSuperscript(m[0]));
  const marked = (t: string): boolean => /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(t) || marks.has(/^\d+/.exec(t)?.[0] ?? '');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!small(l) || !NOTE_START.test(l.text) || !marked(l.text) || out.has(l)) continue;
    const below = (m: LayoutLine): boolean => m.y < l.y && m.x1 > l.x0 && m.x0 < l.x1;
    if (lines.some((m) => !small(m) && below(m))) continue;
    out.add(l);
    for (let k = i + 1; k < lines.length && small(lines[k]) && lines[k].y < l.y + 1; k++) out.add(lines[k]);
  }
  return out;
}

/** Superscript digits as plain digits. */
function fromSuperscript(s: string): string {
  return [...s].map((c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))).join('');
}

/**
 * Table rows: runs of fragments on one baseline that stay together in reading order (a gutter
 * would have split a page's columns apart). Three or more cells make a row; two-cell rows count
 * when next to such a row.
 */
function tableLines(lines: readonly LayoutLine[]): Set<LayoutLine> {
  const groups: LayoutLine[][] = [];
  for (const l of lines) {
    const g = groups[groups.length - 1];
    if (g && g[0].row === l.row) g.push(l);
    else groups.push([l]);
  }
  const out = new Set<LayoutLine>();
  const cellsAt = (k: number): number => (k >= 0 && k < groups.length ? groups[k].length : 0);
  groups.forEach((g, i) => {
    // a row of three cells needs a neighbour row of cells; two-cell rows join a table beside them
    const table = g.length >= 3 ? cellsAt(i - 1) >= 2 || cellsAt(i + 1) >= 2 : g.length === 2 && (cellsAt(i - 1) >= 3 || cellsAt(i + 1) >= 3);
    if (table) for (const l of g) out.add(l);
  });
  return out;
}

/**
 * Positioned runs of one page → line fragments. Runs sharing a baseline form a row; a row is cut
 * into fragments at gaps wider than a word space (column gutters, table cells). Small raised runs
 * just above a row (footnote marks, "1st") join that row; raised digits become superscript
 * characters so later stages see "power.⁴", not "power.4".
 */
import type { LayoutLine, PdfItem } from './types.js';

const SUPER_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A gap wider than this many font sizes separates two fragments of a row. */
const FRAGMENT_GAP = 0.9;

interface Row {
  y: number;
  size: number;
  items: (PdfItem & { sup?: boolean })[];
}

/** Digits as superscript characters ("12" → "¹²"); other characters unchanged. */
export function toSuperscript(s: string): string {
  return s.replace(/[0-9]/g, (d) => SUPER_DIGITS[Number(d)]);
}

/** A gap wider than this many font sizes separates fragments whatever the rows around it show. */
const CLEAR_GAP = 3;

/**
 * Horizontal runs of a page → line fragments, top to bottom and left to right within a row. A row
 * is cut at a wide gap only where the white space runs on into the rows above or below (a column
 * gutter, a table's cell boundary, the space after a bullet), not at the wide word spaces of one
 * justified line.
 */
export function pageLines(items: readonly PdfItem[], page: number): LayoutLine[] {
  const rows = toRows(dedupe(items.filter((i) => !i.rotated && i.str.length > 0)));
  mergeRaised(rows);
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  const stop = tabStops(rows);
  const lines: LayoutLine[] = [];
  rows.forEach((row, r) => {
    let frag: (PdfItem & { sup?: boolean })[] = [];
    let end = -Infinity;
    // the font and type size of the fragment's last run with text
    let font = '';
    let lastSize = 0;
    // whether the fragment holds a word yet (not only a mark or a number)
    let words = false;
    const flush = (): void => {
      const line = fragmentLine(frag, page, r);
      if (line) lines.push(line);
      frag = [];
      words = false;
    };
    for (const it of row.items) {
      const blank = !it.str.trim();
      const wordy = /\p{L}{2}/u.test(it.str);
      // a raised mark belongs to the fragment it follows, however far the typesetter set it
      if (frag.length && !blank && !it.sup) {
        const gap = it.x - end;
        const size = Math.max(row.size, 4);
        // New fragments open: at a run starting at a left edge many rows share, past more than a
        // word space (a cell of a table set with narrow padding); at a run in another font past a
        // gap no justified line leaves (a heading beside the lead sentence of the column before);
        // at words in a much larger or smaller type past more than half a word space, after words
        // (a pull quote in the margin beside a body line; a note's number set small before its
        // text stays with it).
        const small = Math.min(it.size, lastSize);
        const otherType = wordy && words && Math.max(it.size, lastSize) >= 1.4 * small && gap > 0.5 * small;
        if (gap > CLEAR_GAP * size || (gap > FRAGMENT_GAP * size && channel(rows, r, (end + it.x) / 2)) || (gap > TAB_GAP * size && cellGap(frag, it) && stop(it.x, r)) || (gap > 1.5 * size && it.font !== font) || otherType) flush();
      }
      frag.push(it);
      if (!blank) {
        end = Math.max(end, it.x + it.w);
        font = it.font;
        if (!it.sup) lastSize = it.size;
        if (wordy) words = true;
      }
    }
    flush();
  });
  return lines;
}

/**
 * Whether a gap before `it` may be a cell gap: the run before it or `it` holds several words (runs
 * set word by word leave word spaces that are not cell gaps), and neither is a bare number (a
 * section number before its title, a page number after a contents entry).
 */
function cellGap(frag: readonly PdfItem[], it: PdfItem): boolean {
  const prev = [...frag].reverse().find((p) => p.str.trim())?.str.trim() ?? '';
  const cur = it.str.trim();
  if (/^[\d.]+$/.test(prev) || /^[\d.]+$/.test(cur)) return false;
  return /\S\s+\S/.test(cur) || /\S\s+\S/.test(prev);
}

/** A gap wider than this many font sizes before a tab stop separates fragments. */
const TAB_GAP = 0.3;
/** Rows that must start a run at one x for it to be a tab stop. */
const TAB_ROWS = 4;

/**
 * The page's tab stops: x positions where runs that follow other runs of their row start, row
 * after row (three within five rows), on several rows with texts of several widths — the left
 * edges of table columns, not word starts of justified lines that happen to meet. A test of an x
 * in a row against them.
 */
function tabStops(rows: readonly Row[]): (x: number, r: number) => boolean {
  const starts: { x: number; r: number; end: number }[] = [];
  rows.forEach((row, r) => {
    row.items.forEach((it, i) => {
      if (i > 0 && it.str.trim()) starts.push({ x: it.x, r, end: it.x + it.w });
    });
  });
  starts.sort((a, b) => a.x - b.x);
  return (x, r) => {
    const near: typeof starts = [];
    for (const s of starts) if (Math.abs(s.x - x) <= 0.6) near.push(s);
    const rowsAt = new Set(near.map((s) => s.r));
    const ends = new Set(near.map((s) => Math.round(s.end)));
    const chain = [r - 2, r - 1, r + 1, r + 2].filter((k) => rowsAt.has(k)).length;
    return rowsAt.size >= TAB_ROWS && ends.size >= TAB_ROWS - 1 && chain >= 2;
  };
}

/**
 * Whether the white space at `x` in row `r` runs on into the neighbouring rows: none of their
 * letters covers x, and x does not fall in one of their word spaces either.
 */
function channel(rows: readonly Row[], r: number, x: number): boolean {
  const row = rows[r];
  for (const k of [r - 2, r - 1, r + 1, r + 2]) {
    const n = rows[k];
    if (!n || Math.abs(n.y - row.y) > 3 * Math.max(row.size, n.size)) continue;
    let left = -Infinity;
    let right = Infinity;
    for (const it of n.items) {
      if (!it.str.trim()) continue;
      if (it.x < x + 1 && it.x + it.w > x - 1) return false;
      if (it.x + it.w <= x) left = Math.max(left, it.x + it.w);
      else right = Math.min(right, it.x);
    }
    if (right - left <= FRAGMENT_GAP * Math.max(n.size, 4)) return false;
  }
  // a row alone (a running line, a title) has no justified neighbours to mislead
  return true;
}

/** Runs drawn twice at the same place (overprinting for a bold effect, or layered copies) count once. */
function dedupe(items: readonly PdfItem[]): PdfItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    if (!i.str.trim()) return true;
    const key = `${i.str}@${Math.round(i.x)},${Math.round(i.y)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Group runs into rows by baseline (a small tolerance for jitter), top to bottom. */
function toRows(items: readonly PdfItem[]): Row[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  let cur: Row | null = null;
  for (const it of sorted) {
    const blank = !it.str.trim();
    if (cur && cur.y - it.y <= Math.max(1, 0.15 * Math.max(cur.size, it.size))) {
      cur.items.push(it);
      if (!blank) cur.size = Math.max(cur.size, it.size);
      continue;
    }
    cur = { y: it.y, size: blank ? 0 : it.size, items: [it] };
    rows.push(cur);
  }
  // rows made only of spaces carry nothing
  return rows.filter((r) => r.items.some((i) => i.str.trim()));
}

/**
 * A short row of small type sitting just above another row's baseline, within its width, is part
 * of it: footnote marks and ordinal suffixes set raised. Digits become superscripts.
 */
function mergeRaised(rows: Row[]): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i];
    const text = r.items.map((it) => it.str).join('').trim();
    if (text.length > 8 || !text) continue;
    for (let k = i + 1; k < rows.length && k <= i + 3; k++) {
      const s = rows[k];
      if (r.y - s.y > 0.75 * s.size) break;
      if (r.size > 0.85 * s.size || r.y <= s.y) continue;
      const x0 = Math.min(...s.items.map((it) => it.x));
      const x1 = Math.max(...s.items.map((it) => it.x + it.w));
      if (!r.items.every((it) => it.x >= x0 - s.size && it.x <= x1 + s.size)) continue;
      for (const it of r.items) s.items.push({ ...it, str: /^[\d,\s]+$/.test(text) ? toSuperscript(it.str.replace(/\s+/g, '')) : it.str, sup: true, size: s.size });
      r.items = [];
      break;
    }
  }
  for (let i = rows.length - 1; i >= 0; i--) if (!rows[i].items.length) rows.splice(i, 1);
}

/** A run of single letters with a space between each ("t h e"). */
const SPACED_RUN = /^\p{L}(?: \p{L})+$/u;

/**
 * Letter-spaced type ("S H O R T   S U M M A R Y"). Drawn letter by letter: four or more runs of
 * one letter each, set further apart than letters are (a fifth of the type size or more), become
 * one run of words, a word ending where the gap is well over the usual letter gap. Drawn word by
 * word, each word a run of spaced letters: the letters of each are joined.
 */
function joinSpacedLetters(runs: readonly (PdfItem & { sup?: boolean })[]): (PdfItem & { sup?: boolean })[] {
  // a reader that merged the letters of each word into one run ("C O N T E N T S", "t h e")
  // left the words apart as runs: squeeze the letters of each, when four letters or more are so set
  const spaced = runs.filter((r) => SPACED_RUN.test(r.str.trim()));
  const items = spaced.reduce((n, r) => n + r.str.replace(/\s/g, '').length, 0) >= 4 ? runs.map((r) => (spaced.includes(r) ? { ...r, str: r.str.replace(/(\p{L}) (?=\p{L})/gu, '$1') } : r)) : runs;
  const out: (PdfItem & { sup?: boolean })[] = [];
  let i = 0;
  while (i < items.length) {
    if (!items[i].str.trim()) {
      out.push(items[i++]);
      continue;
    }
    const letters: PdfItem[] = [];
    let j = i;
    for (; j < items.length; j++) {
      const t = items[j].str.trim();
      if (!t) continue;
      if (!/^\p{L}$/u.test(t) || items[j].sup) break;
      letters.push(items[j]);
    }
    const gaps = letters.slice(1).map((l, k) => l.x - (letters[k].x + letters[k].w));
    const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
    if (letters.length < 4 || usual < 0.2 * letters[0].size) {
      out.push(items[i]);
      i++;
      continue;
    }
    const text = letters.map((l, k) => (k && gaps[k - 1] > 1.6 * usual ? ' ' : '') + l.str.trim()).join('');
    const last = letters[letters.length - 1];
    out.push({ ...letters[0], str: text, w: last.x + last.w - letters[0].x });
    // the blanks after the last letter stay (a space before the next word)
    i = items.indexOf(last) + 1;
  }
  return out;
}

/** Runs of one fragment → its text (spaces where the runs leave a gap) and geometry. */
function fragmentLine(runs: readonly (PdfItem & { sup?: boolean })[], page: number, row: number): LayoutLine | null {
  const items = joinSpacedLetters(runs);
  let text = '';
  let end = -Infinity;
  let size = 0;
  const fontChars = new Map<string, number>();
  let x0 = Infinity;
  let x1 = -Infinity;
  let y = 0;
  for (const it of items) {
    const s = it.str;
    if (!s.trim()) {
      if (text && !/\s$/.test(text)) text += ' ';
      continue;
    }
    const gap = it.x - end;
    if (text && !/\s$/.test(text) && !/^\s/.test(s) && !it.sup && gap > 0.12 * it.size) text += ' ';
    text += s;
    end = it.x + it.w;
    x0 = Math.min(x0, it.x);
    x1 = Math.max(x1, end);
    if (!it.sup && it.size >= size) {
      size = it.size;
      y = it.y;
    }
    if (!it.sup) fontChars.set(it.font, (fontChars.get(it.font) ?? 0) + s.length);
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (!text || size === 0) return null;
  let font = '';
  let most = -1;
  for (const [f, n] of fontChars) if (n > most) { most = n; font = f; }
  return { page, text, x0, x1, y, size, font, row };
}

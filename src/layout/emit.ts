/**
 * Blocks → the one text later stages read, with where each page starts and which spans are not
 * body text. Headings are written `#`-style by level, list items keep their bullet ("•") or label,
 * table rows are written as pipe rows, footnotes as one line each led by a superscript number,
 * paragraphs as their lines; blocks are separated by a blank line.
 */
import { toSuperscript } from './lines.js';
import type { Block, Region } from './types.js';

const LEAD_BULLET = /^(?:[•●▪■◆◇►▶➢➤→‣◦○∙·□❖✓✔➔➜⇒*]|[\uf000-\uf0ff])\s*/u;

/** The text of one block as it is written. */
export function blockText(b: Block): string {
  const texts = b.lines.map((l) => l.text);
  switch (b.role) {
    case 'heading':
      return `${'#'.repeat(b.level ?? 1)} ${texts.join(' ')}`;
    case 'list-item':
      return [texts[0].replace(LEAD_BULLET, '• '), ...texts.slice(1)].join('\n');
    case 'footnote':
      return joinWrapped(texts).replace(/^(\d{1,3})[.)]?\s+/, (_m, d: string) => `${toSuperscript(d)} `);
    case 'caption':
      return joinWrapped(texts);
    case 'table': {
      if (b.lines.every((l) => l.cell)) return gridText(b);
      const rows: string[][] = [];
      let row = -1;
      for (const l of b.lines) {
        if (l.row !== row) rows.push([]);
        row = l.row;
        rows[rows.length - 1].push(l.text.replace(/\|/g, '/'));
      }
      return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
    }
    default:
      return texts.join('\n');
  }
}

/** A table found by its grid as pipe rows: each cell's lines joined, empty cells kept in place. */
function gridText(b: Block): string {
  const rows = new Map<number, string[][]>();
  let cols = 0;
  for (const l of b.lines) {
    const { row, col } = l.cell!;
    cols = Math.max(cols, col + 1);
    const r = rows.get(row) ?? [];
    (r[col] ??= []).push(l.text.replace(/\|/g, '/'));
    rows.set(row, r);
  }
  return [...rows.keys()].sort((a, b) => a - b).map((k) => {
    const r = rows.get(k)!;
    return `| ${Array.from({ length: cols }, (_, c) => joinWrapped(r[c] ?? [])).join(' | ')} |`;
  }).join('\n');
}

/** Lines of a wrapped note or caption as one line (a line-end hyphen before a lower-case word is a break). */
function joinWrapped(texts: readonly string[]): string {
  let out = '';
  for (const t of texts) out = !out ? t : /\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(t) ? out.slice(0, -1) + t : `${out} ${t}`;
  return out;
}

/** Pages of blocks (1-based page numbers, in order) → text, page starts and regions. */
export function emit(pages: readonly { page: number; blocks: Block[] }[], pageCount: number): { text: string; pageStarts: number[]; regions: Region[] } {
  const parts: string[] = [];
  let length = 0;
  const pageStarts: number[] = [];
  const regions: Region[] = [];
  const push = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  const byPage = new Map(pages.map((p) => [p.page, p.blocks]));
  for (let p = 1; p <= pageCount; p++) {
    if (length) push('\n\n');
    pageStarts.push(length);
    let first = true;
    for (const b of byPage.get(p) ?? []) {
      const t = blockText(b);
      if (!t.trim()) continue;
      if (!first) push('\n\n');
      first = false;
      const start = length;
      push(t);
      if (b.role !== 'body' && b.role !== 'furniture') regions.push({ start, end: length, role: b.role });
    }
  }
  return { text: parts.join(''), pageStarts, regions };
}

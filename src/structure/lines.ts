/**
 * The source as lines, each with its offsets and a role: the first pass of structure marks what is
 * not reading text (page numbers, running headers and footers, footnote bodies, YAML front matter).
 */
import { SUPERSCRIPT } from './clean.js';

/** What a line is, as far as the first pass can tell. */
export type LineRole = 'blank' | 'text' | 'yaml' | 'page-number' | 'running' | 'note' | 'note-continuation' | 'caption' | 'table';

/** One line of the source, trimmed; `start`/`end` are offsets of the trimmed content. */
export interface Line {
  index: number;
  start: number;
  end: number;
  /** Trimmed text of the line. */
  text: string;
  role: LineRole;
}

/** Split `text` into trimmed lines (linear). */
export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let a = pos;
    let b = nl;
    while (a < b && isBlankChar(text.charCodeAt(a))) a++;
    while (b > a && isBlankChar(text.charCodeAt(b - 1))) b--;
    lines.push({ index: lines.length, start: a, end: b, text: text.slice(a, b), role: a === b ? 'blank' : 'text' });
    if (nl >= n) break;
    pos = nl + 1;
  }
  return lines;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

/** Text of a line without Markdown heading/emphasis markup, for matching. */
export function plainOf(text: string): string {
  // most lines carry no markup at all
  if (!/[#*_\\]/.test(text.length > 2000 ? text.slice(0, 2000) : text)) return (text.length > 2000 ? text.slice(0, 2000) : text).trim();
  let t = text;
  if (t.length > 2000) t = t.slice(0, 2000);
  t = t.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
  t = t.replace(/\*\*|__/g, '').replace(/(^|\s)[*_]+|[*_]+(?=\s|$|[:.,;])/g, '$1');
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1');
  return t.trim();
}

/** Mark the YAML front matter (`---` … `---` at the very start). Returns the index after it, or 0. */
export function markYaml(lines: Line[]): { from: number; to: number } | null {
  let first = 0;
  while (first < lines.length && lines[first].role === 'blank') first++;
  if (first !== 0 || lines[0]?.text !== '---') return null;
  for (let i = 1; i < Math.min(lines.length, 400); i++) {
    if (lines[i].text === '---' || lines[i].text === '...') {
      for (let k = 0; k <= i; k++) lines[k].role = 'yaml';
      return { from: 0, to: i };
    }
  }
  return null;
}

/** Roles of lines inside regions the layout step marked (PDF sources): footnotes, captions and tables are not reading text. */
const REGION_ROLE: Partial<Record<string, LineRole>> = { footnote: 'note', caption: 'caption', table: 'table' };

/**
 * Mark the lines inside the regions a source's layout found (sorted by start): footnote bodies,
 * captions and table rows. Lines the regions do not name keep their role.
 */
export function markRegions(lines: Line[], regions: readonly { start: number; end: number; role: string }[] | undefined): void {
  if (!regions?.length) return;
  let r = 0;
  for (const l of lines) {
    if (l.role !== 'text') continue;
    while (r < regions.length && regions[r].end < l.start) r++;
    if (r >= regions.length) break;
    const region = regions[r];
    const role = REGION_ROLE[region.role];
    if (role && l.start >= region.start && l.end <= region.end) l.role = role;
  }
}

const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/** Normalised key for comparing repeated short lines (digits folded, so "Page 3" ≈ "Page 4"). */
function repeatKey(text: string): string {
  return plainOf(text).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Page numbers and running headers/footers: a bare number or "Page n of m" standing alone, and
 * short lines that repeat three or more times (folded for digits) — a reader skips both.
 */
export function markPageNoise(lines: Line[], pageStarts?: readonly number[]): void {
  if (pageStarts && pageStarts.length > 1) markPageEdges(lines, pageStarts);
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.role !== 'text' || l.text.length > 100) continue;
    const key = repeatKey(l.text);
    if (key.length < 4) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const firstText = lines.find((l) => l.role === 'text');
  for (const l of lines) {
    if (l.role !== 'text') continue;
    const prevBlank = l.index === 0 || lines[l.index - 1].role !== 'text';
    const nextBlank = l.index + 1 >= lines.length || lines[l.index + 1].role !== 'text';
    if (PAGE_NUMBER.test(l.text) && (prevBlank || nextBlank) && !/^[ivxlcdm]+$/i.test(l.text.replace(/^(page|p\.)\s*/i, '')) ) {
      l.role = 'page-number';
      continue;
    }
    if (l.text.length > 100) continue;
    const key = repeatKey(l.text);
    if (key.length < 4) continue;
    const words = key.split(' ').length;
    // lists and references repeat patterns legitimately; running headers are short and plain
    // the first line of a document is its title even when it also runs along the top of each page
    if (l !== firstText && (counts.get(key) ?? 0) >= 3 && words <= 14 && !/^[-*+•>]\s/.test(l.text) && !/[.:]\s*#$/.test(key) && !/^#+$/.test(key)) l.role = 'running';
  }
}

/**
 * Paginated sources: a short line at the top or bottom of a page that recurs (digits folded) at the
 * edge of at least half the pages is a running header or footer, however few the pages.
 */
function markPageEdges(lines: Line[], pageStarts: readonly number[]): void {
  const edges = new Map<string, Line[]>();
  let li = 0;
  for (let p = 0; p < pageStarts.length; p++) {
    const end = p + 1 < pageStarts.length ? pageStarts[p + 1] : Infinity;
    const onPage: Line[] = [];
    while (li < lines.length && lines[li].start < end) {
      if (lines[li].role === 'text' && lines[li].start >= pageStarts[p]) onPage.push(lines[li]);
      li++;
    }
    const picked = new Set([...onPage.slice(0, 2), ...onPage.slice(-2)]);
    for (const l of picked) {
      if (l.text.length > 100) continue;
      const key = repeatKey(l.text);
      if (key.length < 1) continue;
      const list = edges.get(key) ?? [];
      list.push(l);
      edges.set(key, list);
    }
  }
  const pages = pageStarts.length;
  for (const list of edges.values()) {
    const distinctPages = new Set(list.map((l) => pageOf(pageStarts, l.start))).size;
    if (distinctPages >= 2 && distinctPages >= pages * 0.5) for (const l of list) l.role = PAGE_NUMBER.test(l.text) ? 'page-number' : 'running';
  }
}

/** 0-based page of an offset (binary search over page starts). */
export function pageOf(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Numbered footnote body: "12. Author, "Title" …", "21 . Tellis.", or a superscript marker line. */
const NOTE_LINE = /^(\d{1,3})\s?\.\s+(\S.*)$/;
const SUP_NOTE_LINE = /^([\u00b9\u00b2\u00b3\u2070-\u2079\u2071]+)\s*(\S.*)$/;
const URL = /https?:\/\/|www\.|<https?:|doi\.org/i;
const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/;

/** A run of superscript marker characters: the superscript set without ⁺ ⁻ ⁿ (one regex scan, not a loop per character). */
const MARKER_RUN = new RegExp(`[${[...SUPERSCRIPT].filter((c) => c !== '\u207a' && c !== '\u207b' && c !== '\u207f').join('')}]+`, 'g');

/**
 * Footnote bodies that a PDF conversion left between paragraphs. A numbered line is a note when the
 * document prints that number as a superscript marker before it and the line reads like a note
 * (ends a sentence, or cites: a URL, a quoted title, a year), or when it is plainly a citation.
 * A following line that is only the rest of a URL belongs to the same note.
 */
export function markNotes(lines: Line[], text: string, skipBefore: number): void {
  // superscript markers as printed in the text, in order of first appearance
  const markers = new Map<number, number>();
  for (const found of text.matchAll(MARKER_RUN)) {
    const run = found[0];
    const runStart = found.index;
    const n = superscriptNumber(run);
    if (n !== null && !markers.has(n)) markers.set(n, runStart);
    // a run may glue two markers ("⁴¹"): record the parts too
    if (run.length > 1) for (const ch of run) { const m = superscriptNumber(ch); if (m !== null && !markers.has(m)) markers.set(m, runStart); }
  }
  let lastNote = -1;
  for (const l of lines) {
    if (l.role !== 'text' || l.start < skipBefore) {
      if (l.role !== 'blank') lastNote = l.role === 'note' || l.role === 'note-continuation' ? l.index : -1;
      continue;
    }
    // A Markdown footnote definition ("[^8]: Source, 2019.") is a note wherever it stands.
    if (/^\[\^[^\]\s]{1,20}\]:\s/.test(l.text)) {
      l.role = 'note';
      lastNote = l.index;
      continue;
    }
    const m = l.text.length > 3000 ? null : NOTE_LINE.exec(l.text) ?? SUP_NOTE_LINE.exec(l.text);
    if (m) {
      const num = /^\d/.test(m[1]) ? Number(m[1]) : superscriptNumber(m[1]);
      const body = m[2];
      const citeLike = URL.test(body) || (/["“][^"”]{8,}["”]/.test(body) && YEAR.test(body)) || /\b(Press|Publishing|Publications|University Press|Retrieved)\b/.test(body) && YEAR.test(body);
      const endsSentence = /[.!?)"”>]$/.test(body);
      const markerBefore = num !== null && (markers.get(num) ?? Infinity) < l.start;
      // "¹ Assistant Professor, Department of …, Email: …": an affiliation in the header, not a note
      const affiliation = /\b(?:department|university|institute|college|faculty|school|centre|center)\b/i.test(body) && (/@|e-?mail/i.test(body) || !endsSentence || /^(?:assistant|associate|visiting|lecturer|professor|ph\.?\s?d|m\.?\s?phil|research|senior|junior)/i.test(body));
      if (affiliation) { lastNote = -1; continue; }
      if (/^[\u00b9\u00b2\u00b3\u2070-\u2079]/.test(m[1]) ? markerBefore : (markerBefore && (endsSentence || citeLike) && body.split(/\s+/).length >= 3) || (citeLike && endsSentence && markers.size > 0)) {
        l.role = 'note';
        lastNote = l.index;
        continue;
      }
    }
    // A note's own next lines (no blank between) are the rest of it: a long note wraps as body text does.
    if (lastNote >= 0 && lastNote === l.index - 1 && !m) {
      l.role = 'note-continuation';
      lastNote = l.index;
      continue;
    }
    const urlOnly = !/\s/.test(l.text) && /^<?(?:https?:\/\/|www\.)\S+$/i.test(l.text);
    if ((lastNote >= 0 && !/\s/.test(l.text) && l.text.length >= 12 && (/[/_]/.test(l.text) || URL.test(l.text))) || (urlOnly && markers.size > 0)) {
      l.role = 'note-continuation';
      lastNote = l.index;
      continue;
    }
    lastNote = -1;
  }
}

/** Value of a run of superscript digits, or null. */
export function superscriptNumber(run: string): number | null {
  const digits: Record<string, string> = { '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4', '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9' };
  let s = '';
  for (const c of run) {
    const d = digits[c];
    if (d === undefined) return null;
    s += d;
  }
  return s ? Number(s) : null;
}

/** A row of a pipe table ("| Event | Date |", "|---|---|"), as Markdown writes one and as HTML and DOCX tables are read. */
const TABLE_ROW = /^\|(?:[^|\n]*\|){2,}$/;

/** Figure and table captions, chart source lines and the rows of tables: not reading text. */
export function markCaptions(lines: Line[]): void {
  for (const l of lines) {
    if (l.role !== 'text') continue;
    if (TABLE_ROW.test(l.text) && l.text.length > 2) {
      l.role = 'table';
      continue;
    }
    const t = plainOf(l.text);
    if (/^(figure|fig\.|table|chart|graph|source)\s*[\dIVX]*\s*[:.]/i.test(t) && t.split(/\s+/).length <= 30) l.role = 'caption';
    else if (/^!\[[^\]]*\]\([^)]*\)$/.test(t)) l.role = 'caption';
  }
}

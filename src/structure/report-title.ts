/**
 * A report's title from its cover and title page: the line set in the largest type on the first
 * pages that is not a label, a series banner, a date or a number; a title broken over several
 * lines of the same size is joined. The title is kept as printed ("Title: Subtitle" on one line stays
 * whole); a subtitle is a line of its own under it. A line repeated on many pages (a running header) is evidence
 * for a candidate, and stands in for the title when the cover has no text.
 */
import { nameOf, readAuthorLine } from './metadata.js';
import { isDateOrNumber, isLabelLine, wordKey, type PageLine } from './report-lines.js';

/** A title read from the layout, with where it was printed. */
export interface CoverTitle {
  title: string;
  subtitle: string | null;
  kind: 'cover' | 'running-header';
  start: number;
  end: number;
  page: number;
  /** Index into the lines of the title's last line (a byline may follow it). */
  lastLine: number;
}

/** Words that name a kind of publication: a line made of an institution and one of them is a series banner. */
const GENRE = /\b(?:brief|briefs|briefing|paper|papers|report|reports|document|assessment|note|notes|series|commentary|instruments?|bulletin|newsletter|update|edition|studies|working paper)\b/i;
const DANGLING = /\b(?:of|on|for|and|the|in|to|a|an|with|from|by|at|into|towards?)$/i;

/** Is the line a series banner ("TAKSHASHILA STRATEGIC ASSESSMENT", "Policy Brief No. 6 — February 2024", "OECD Legal Instruments")? */
export function isSeriesLine(t: string): boolean {
  const words = t.split(/\s+/);
  if (words.length > 10 || !GENRE.test(t)) return false;
  const caps = t === t.toUpperCase();
  return /\d/.test(t) || (caps && words.length <= 6) || words.length <= 3;
}

function candidate(l: PageLine): boolean {
  const words = l.text.split(/\s+/).length;
  return words >= 2 && words <= 30 && /\p{L}{2}/u.test(l.text) && !isLabelLine(l.text) && !isSeriesLine(l.text) && !isDateOrNumber(l.text) && !/^(?:by|authors?:|prepared by)\s/i.test(l.text) && !/[.;]$/.test(l.text);
}

/**
 * How many pages print the line (or the title part before its colon) on a line of their own,
 * beyond the first: a running header or footer that repeats the title.
 */
export function repeats(lines: readonly PageLine[], t: string, furniture: readonly string[] = []): number {
  const keys = new Set([wordKey(t), wordKey(t.split(/:\s/)[0])].filter((k) => k.split(' ').length >= 2));
  const index = pagesByKey(lines);
  const pages = new Set<number>();
  for (const k of keys) for (const p of index.get(k) ?? []) pages.add(p);
  return pages.size + furniture.filter((f) => keys.has(wordKey(f))).length;
}

/** The pages after the first on which each line key is printed, built once per list of lines. */
const pageIndexes = new WeakMap<readonly PageLine[], Map<string, Set<number>>>();

/**
 * Line key → pages (beyond the first) printing it. `repeats` is asked about every line of a
 * document when the publisher is looked for: without the index that is quadratic in its lines.
 */
function pagesByKey(lines: readonly PageLine[]): Map<string, Set<number>> {
  let index = pageIndexes.get(lines);
  if (!index) {
    index = new Map();
    for (const l of lines) {
      if (l.page <= 1) continue;
      const k = wordKey(l.text);
      let pages = index.get(k);
      if (!pages) index.set(k, (pages = new Set()));
      pages.add(l.page);
    }
    pageIndexes.set(lines, index);
  }
  return index;
}

/** The cover title of a paginated source, or null when the first pages set nothing in large type. */
export function readCoverTitle(lines: readonly PageLine[], furniture: readonly string[] = []): CoverTitle | null {
  const coverPages = 3;
  const pool = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.page <= coverPages && l.level > 0 && candidate(l));
  if (pool.length) {
    // the largest type on the earliest page that has a candidate; a candidate one size smaller that
    // the document repeats as a running header wins over one that it never repeats
    const firstPage = pool[0].l.page;
    const onPage = pool.filter(({ l }) => l.page <= firstPage + 1);
    const top = Math.min(...onPage.map(({ l }) => l.level));
    let pick = onPage.find(({ l }) => l.level === top)!;
    const repeated = onPage.find(({ l }) => l.level <= top + 1 && repeats(lines, l.text, furniture) >= 2);
    if (repeated && repeats(lines, pick.l.text, furniture) < 2) pick = repeated;
    // a title broken over lines of the same size, perhaps with other lines between ("Recommendation of
    // the Council on" / "OECD Legal Instruments" / "Artificial Intelligence")
    const parts = [pick];
    for (const next of pool) {
      const last = parts[parts.length - 1];
      if (next.i <= last.i || next.l.page !== pick.l.page || next.l.level !== pick.l.level) continue;
      if (DANGLING.test(last.l.text) || /^\p{Ll}/u.test(next.l.text)) parts.push(next);
      break;
    }
    const text = parts.map((p) => p.l.text).join(' ');
    const lastLine = parts[parts.length - 1].i;
    return { title: text, subtitle: subtitleAfter(lines, lastLine, pick.l.level), kind: 'cover', start: pick.l.start, end: parts[parts.length - 1].l.end, page: pick.l.page, lastLine };
  }
  // no large type on the cover: the line most often repeated at the head of pages
  const counts = new Map<string, { l: PageLine; i: number; pages: Set<number> }>();
  lines.forEach((l, i) => {
    if (!candidate(l) || l.text.split(/\s+/).length > 15) return;
    const k = wordKey(l.text);
    const e = counts.get(k) ?? { l, i, pages: new Set<number>() };
    e.pages.add(l.page);
    counts.set(k, e);
  });
  const pageCount = lines.length ? lines[lines.length - 1].page : 0;
  let best: { l: PageLine; i: number; pages: Set<number> } | null = null;
  for (const e of counts.values()) if (e.pages.size >= Math.max(3, pageCount * 0.3) && (!best || e.pages.size > best.pages.size)) best = e;
  if (!best) return null;
  return { title: best.l.text, subtitle: null, kind: 'running-header', start: best.l.start, end: best.l.end, page: best.l.page, lastLine: best.i };
}

/** A subtitle: the next line set large (but not larger than the title), when it is not a byline, label or date. */
function subtitleAfter(lines: readonly PageLine[], i: number, level: number): string | null {
  const next = lines[i + 1];
  if (!next || next.page !== lines[i].page || next.level === 0 || next.level < level || !candidate(next) || isByline(next.text)) return null;
  const parts = [next.text];
  for (let k = i + 2; k < lines.length && lines[k].level === next.level && lines[k].page === next.page && parts.length < 3; k++) parts.push(lines[k].text);
  return parts.join(' ');
}

/** A line that names people: "Nitin Pai", "By A and B", "A, B and C¹". */
export function isByline(t: string): boolean {
  const s = t.replace(/^(?:by|authors?:?|written by|prepared by)\s+/i, '').replace(/(\p{L})\d{1,2}$/u, '$1');
  return readAuthorLine(s) !== null || nameOf(s) !== null;
}

/**
 * The reference list split into entries (authors, year, title where recognisable) and inline
 * citations — "(Waltz, 1979)", "(Nisar, Amin, & Asghar, 2023)", "Barfield (2010)", "[4]" — linked to
 * the entries they point at.
 */
import type { InlineCitation, ReferenceEntry, Span } from '../model/document.js';
import type { Line } from './lines.js';

/** An entry before parsing: the lines it is made of. */
interface RawEntry {
  lines: Line[];
}

const LIST_MARK = /^(?:[-*+•▪]\s+)/;
const NUMBERED = /^(?:\[(\d{1,3})\]|(\d{1,3})\.\s)/;

/** Split the lines of a reference section into entries. */
export function splitEntries(lines: readonly Line[]): RawEntry[] {
  const entries: RawEntry[] = [];
  const numbered = lines.filter((l) => l.role === 'text').slice(0, 3).some((l) => NUMBERED.test(l.text.replace(LIST_MARK, '')));
  let current: RawEntry | null = null;
  let afterBlank = true;
  for (const l of lines) {
    if (l.role === 'blank') { afterBlank = true; continue; }
    if (l.role !== 'text') continue;
    const t = l.text;
    const prev = current ? current.lines[current.lines.length - 1].text.replace(/[*_\s]+$/, '') : '';
    const prevComplete = !current || /[.>)”"'?!]$/.test(prev) || /\d$/.test(prev);
    const startsLower = /^[\p{Ll}]/u.test(t) || /^<?https?:|^www\./i.test(t) || /^\d+\.\s+Retrieved/i.test(t);
    let start = false;
    if (LIST_MARK.test(t)) start = true;
    else if (numbered && NUMBERED.test(t)) start = true;
    else if (!startsLower && prevComplete && (afterBlank || /^\p{Lu}[\p{L}'’-]+,\s*\p{Lu}/u.test(t) || /^\p{Lu}[\p{L}'’ .-]*\.\s*\(?\d{4}/u.test(t))) start = true;
    if (start || !current) {
      current = { lines: [l] };
      entries.push(current);
    } else current.lines.push(l);
    afterBlank = false;
  }
  return entries;
}

/** Parse one entry's text (source offsets kept by the caller). */
export function parseEntry(text: string): { authors: string[]; year: number | null; title: string | null; label: string | null } {
  let t = text.slice(0, 2000).replace(LIST_MARK, '').replace(/[*_]/g, '').replace(/\\(.)/g, '$1').trim();
  let label: string | null = null;
  const num = NUMBERED.exec(t);
  if (num) {
    label = num[1] ?? num[2];
    t = t.slice(num[0].length).trim();
  }
  let year: number | null = null;
  let authorsPart = '';
  let title: string | null = null;
  const apa = /\((1[5-9]\d\d|20\d\d)[a-z]?(?:,[^)]{0,40})?\)\.?/.exec(t) ?? /\((n\.d\.)\)\.?/.exec(t);
  const quoted = /[“"]([^”"]{4,300})[”"]/.exec(t);
  // APA puts the year in brackets right after the authors; a quoted title before it means another style
  if (apa && apa.index < 400 && !(quoted && quoted.index < apa.index)) {
    year = /^\d/.test(apa[1]) ? Number(apa[1]) : null;
    authorsPart = t.slice(0, apa.index).trim();
    const rest = t.slice(apa.index + apa[0].length).trim();
    const tm = /^(.+?[.?!])(?:\s|$)/.exec(rest);
    title = (tm ? tm[1] : rest).replace(/[.\s]+$/, '').trim() || null;
  } else {
    const y = /\b(1[5-9]\d\d|20\d\d)\b/.exec(t.replace(/https?:\/\/\S+|<[^>]*>/g, ' '));
    year = y ? Number(y[1]) : null;
    if (quoted) {
      authorsPart = t.slice(0, quoted.index).trim();
      title = quoted[1].replace(/[.,\s]+$/, '').trim();
    } else {
      // "Surname, Initials. Title. Publisher, Year."
      const m = /^(.{2,120}?\.)\s+(\p{Lu}.+?[.?!])(?:\s|$)/u.exec(t);
      if (m) {
        authorsPart = m[1];
        title = m[2].replace(/[.\s]+$/, '');
      }
    }
  }
  return { authors: splitAuthors(authorsPart), year, title, label };
}

/** Does a line read like (the start of) a reference entry: a year, a number label, an "et al.", a DOI or a web address? */
export function looksLikeEntry(line: string): boolean {
  const e = parseEntry(line);
  return e.year !== null || e.label !== null || /\bet al\b|\bdoi\b|https?:\/\/|\bwww\./i.test(line);
}

/** "Akhtar, N., & Holland, K." → ["Akhtar, N.", "Holland, K."]; "UNHCR." → ["UNHCR"]. */
export function splitAuthors(part: string): string[] {
  const p = part.replace(/[.,;:\s]+$/, '').replace(/\(eds?\.?\)|\(ed\.\)/gi, '').trim();
  if (!p || p.length > 300) return [];
  const out: string[] = [];
  // surname, initials pairs
  const re = /(\p{Lu}[\p{L}'’\- ]*?),\s*((?:\p{Lu}[\p{Ll}]*\.?\s?-?\s?){1,4})(?=,|&|\band\b|$)/gu;
  let m: RegExpExecArray | null;
  let covered = 0;
  while ((m = re.exec(p))) {
    out.push(`${m[1].trim()}, ${m[2].trim()}`);
    covered += m[0].length;
  }
  if (out.length && covered >= p.replace(/[,&\s]|\band\b/g, '').length * 0.5) return out;
  // otherwise: split on "&", "and", ";" — names printed in full, or an organisation
  return p.split(/\s*(?:;|&|\band\b)\s*/).map((s) => s.replace(/^,|,$/g, '').trim()).filter((s) => s.length > 1);
}

/** The surname of a reference or citation author ("Akhtar, N." → "akhtar", "Madiha Afzal" → "afzal"). */
export function surnameOf(author: string): string {
  const a = author.trim();
  const comma = a.indexOf(',');
  const s = comma > 0 ? a.slice(0, comma) : (a.split(/\s+/).filter((w) => !/^\p{Lu}\.$/u.test(w)).pop() ?? a);
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}]/gu, '');
}

const MONTH_WORDS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|fall|autumn|winter|see|in|since|until|by|from|circa|c\.|ca\.|before|after|early|late|mid)$/i;

/** Inline citations in `text` between `start` and `end` (source offsets). */
export function findCitations(text: string, start: number, end: number): Omit<InlineCitation, 'reference'>[] {
  const out: Omit<InlineCitation, 'reference'>[] = [];
  const slice = text.slice(start, end);
  // parenthetical: (A, 2020; B & C, 2021)
  const paren = /\(([^()]{2,300}?)\)/g;
  for (let m = paren.exec(slice); m; m = paren.exec(slice)) {
    const inner = m[1];
    if (!/\b(1[6-9]\d\d|20\d\d)[a-z]?\b/.test(inner)) continue;
    for (const part of inner.split(/\s*;\s*/)) {
      const pm = /^(?:see\s+|e\.g\.,?\s+|cf\.\s+|also\s+)?(\p{Lu}[^()]*?),?\s+((?:1[6-9]|20)\d\d)[a-z]?(?:\s*,\s*(?:p|pp)\.?\s*[\d–-]+)?$/u.exec(part.trim());
      if (!pm) continue;
      const authors = citationAuthors(pm[1]);
      if (!authors.length) continue;
      out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0], authors, year: Number(pm[2]) });
    }
  }
  // narrative: Barfield (2010), Farhan et al, (2024), Akhtar & Holland (2023)
  const narrative = /(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]{1,40}(?:\s+(?:et\s+al\.?|(?:and|&)\s+\p{Lu}[\p{L}'’-]{1,40}))?),?\s*\(((?:1[6-9]|20)\d\d)[a-z]?\)/gu;
  for (let m = narrative.exec(slice); m; m = narrative.exec(slice)) {
    const authors = citationAuthors(m[1]);
    if (!authors.length) continue;
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0], authors, year: Number(m[2]) });
  }
  // numeric: [4], [4, 7], [3-5]
  const numeric = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,8})\]/g;
  for (let m = numeric.exec(slice); m; m = numeric.exec(slice)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0], authors: [], year: null, labels: m[1] } as Omit<InlineCitation, 'reference'> & { labels: string });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

function citationAuthors(part: string): string[] {
  const p = part.replace(/\bet\s+al\.?,?/g, '').replace(/,\s*$/, '').trim();
  if (!p || p.length > 120) return [];
  const names = p.split(/\s*(?:,|&|\band\b)\s*/).map((s) => s.trim()).filter(Boolean);
  if (!names.length || names.some((n) => !/^\p{Lu}/u.test(n) || n.split(/\s+/).length > 6)) return [];
  if (MONTH_WORDS.test(names[0].split(/\s+/)[0])) return [];
  return names;
}

/** Link citations to entries: first author's surname and year, or a numeric label. */
export function linkCitations(cites: (Omit<InlineCitation, 'reference'> & { labels?: string })[], refs: readonly (ReferenceEntry & { label?: string | null })[]): InlineCitation[] {
  const byKey = new Map<string, number>();
  const bySurname = new Map<string, number[]>();
  const byLabel = new Map<string, number>();
  refs.forEach((r, i) => {
    if (r.label) byLabel.set(r.label, i);
    const s = r.authors.length ? surnameOf(r.authors[0]) : '';
    if (!s) return;
    const key = `${s}|${r.year ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, i);
    const list = bySurname.get(s) ?? [];
    list.push(i);
    bySurname.set(s, list);
  });
  return cites.map((c) => {
    let reference = -1;
    if (c.labels) {
      const first = /\d+/.exec(c.labels)?.[0] ?? '';
      reference = byLabel.get(first) ?? -1;
    } else if (c.authors.length) {
      const s = surnameOf(c.authors[0]);
      reference = byKey.get(`${s}|${c.year ?? ''}`) ?? -1;
      if (reference < 0) {
        const list = bySurname.get(s);
        if (list && list.length === 1) reference = list[0];
      }
    }
    const { labels: _labels, ...rest } = c;
    void _labels;
    return { ...rest, reference };
  });
}

/** Span covering a list of lines. */
export function spanOfLines(lines: readonly Line[]): Span {
  return { start: lines[0].start, end: lines[lines.length - 1].end };
}

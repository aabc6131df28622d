/**
 * Timeline: dated events in the body of a source (a date counts only as the time of a happening:
 * see event-role.ts), with ISO dates ("August 15, 2021" → 2021-08-15,
 * "February 2020" → 2020-02, "9/11" → 2001-09-11, "the 1980s" → 1980s). Years inside citations
 * ("(Waltz, 1979)", "Raz (2023)"), the reference list and notes are not events. The event text is
 * the clause around the date when the sentence is long.
 */
import type { ExtractedEvent, Sentence, StructuredSource } from '../model/document.js';
import { bodySentences, maskCitations, textOf, wordCount } from './body-text.js';
import { eventAnchor, reportsCitedWork } from './event-role.js';

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthAbbr = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthRe = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const yearRe = '((?:1[6-9]|20)\\d\\d)';

const pad = (n: number) => String(n).padStart(2, '0');
function monthOf(name: string): number {
  const k = name.toLowerCase().replace(/\.$/, '');
  const i = months.indexOf(k);
  if (i >= 0) return i + 1;
  const j = monthAbbr.indexOf(k.slice(0, 3));
  return j + 1;
}

/** A date found in a text: where it is and its ISO form. */
export interface DateMention {
  start: number;
  end: number;
  date: string;
}

/** A date pattern: global, or sticky with a global `candidates` search for the places to try it. */
interface DatePattern {
  re: RegExp;
  candidates?: RegExp;
  iso: (m: RegExpExecArray) => string | null;
}

const patterns: DatePattern[] = [
  // August 15, 2021 / August 15 2021 / September 11 attacks of 2001
  { re: new RegExp(`\\b${monthRe}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)(?:[a-z]+\\s+){0,2}?(?:of\\s+)?${yearRe}\\b`, 'g'), iso: (m) => day(m[3], monthOf(m[1]), m[2]) },
  // 15 August 2021
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthRe}\\s*,?\\s+${yearRe}\\b`, 'g'), iso: (m) => day(m[3], monthOf(m[2]), m[1]) },
  // August 2021, mid-August 2021
  { re: new RegExp(`\\b${monthRe}\\s*,?\\s+(?:of\\s+)?${yearRe}\\b`, 'g'), iso: (m) => `${m[2]}-${pad(monthOf(m[1]))}` },
  // 9/11
  { re: /(?<![\d/])9\/11(?![\d/])/g, iso: () => '2001-09-11' },
  // the 1980s, mid-1970s, 1990's
  { re: /\b(?:mid-|early\s+|late\s+)?((?:1[6-9]|20)\d0)['’]?s\b/g, iso: (m) => `${m[1]}s` },
  // a year on its own: 2021, in 2018, since 2001 (ranges "2001-2021" give both years)
  // Only where a year is read as a time: after a preposition, an article or a name ("the 2011 raid",
  // "Doha 2020"), or opening the sentence; not "= 2000" or "2,000 troops".
  // The look-behind is costly to try at every character, so a plain search for the year finds the
  // places first (`candidates`) and the whole pattern is tried at those places only.
  {
    re: new RegExp(`(?<=(?:^|\\b(?:in|In|since|Since|by|until|till|from|to|during|after|After|before|Before|of|early|late|mid|around|circa|between|and|through|the|The|a|A|an|An|year|years|summer|winter|spring|autumn|fall)\\s+|\\bmid-|\\p{Lu}\\p{L}+\\s+))${yearRe}(?![\\d%]|[,.]\\d|['’]?s\\b)`, 'yu'),
    candidates: new RegExp(`${yearRe}(?![\\d%]|[,.]\\d|['’]?s\\b)`, 'gu'),
    iso: (m) => (isCount(m.input, m.index, m.index + m[0].length) ? null : m[1]),
  },
];

/**
 * Whether a number read as a year counts things: a number before a unit ("1600 hops/s"), or a round
 * hundred before a plural noun ("the 2000 models"). "The 2008 elections" stays a year, as does "in
 * 2000 floods".
 */
export function isCount(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (/^\s*[a-z]*\/[a-z]/i.test(after)) return true;
  if (Number(text.slice(end - 2, end)) !== 0) return false;
  if (/\b(?:in|since|by|until|till|from|during|after|before|around|circa|early|late|mid)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) return false;
  return /^\s+[a-z]+s\b/.test(after) && !/^\s+(?:is|was|has|does|as|its|this|saw|sees|marks|brings|becomes|remains|proves|gives|shows|means)\b/.test(after);
}

/** Any date the patterns read holds a year or "9/11": a sentence without either has none. */
const mayHoldDate = /(?:1[6-9]|20)\d\d|9\/11/;

/**
 * The next match of `p` at or after `from`: the pattern's own global search, or, for a pattern with
 * candidates, the first candidate place where the sticky pattern matches (the same match a global
 * search would find, since every match of the pattern is a candidate).
 */
function nextMatch(p: DatePattern, text: string, from: number): RegExpExecArray | null {
  if (!p.candidates) {
    p.re.lastIndex = from;
    return p.re.exec(text);
  }
  p.candidates.lastIndex = from;
  for (let c = p.candidates.exec(text); c; c = p.candidates.exec(text)) {
    p.re.lastIndex = c.index;
    const m = p.re.exec(text);
    if (m) return m;
    p.candidates.lastIndex = c.index + 1;
  }
  return null;
}

function day(year: string, month: number, d: string): string | null {
  const n = Number(d);
  if (!month || n < 1 || n > 31) return null;
  return `${year}-${pad(month)}-${pad(n)}`;
}

/** Dates in a (citation-masked) text, the most specific reading at each place. */
export function datesIn(masked: string): DateMention[] {
  const found: DateMention[] = [];
  // Characters already taken by a more specific reading (linear, however many dates a text holds).
  const taken = new Uint8Array(masked.length);
  if (!mayHoldDate.test(masked)) return found;
  for (const p of patterns) {
    for (let m = nextMatch(p, masked, 0); m; m = nextMatch(p, masked, m.index + Math.max(1, m[0].length))) {
      const iso = p.iso(m);
      if (!iso) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken.subarray(start, end).some((x) => x === 1)) continue;
      taken.fill(1, start, end);
      found.push({ start, end, date: iso });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Blank "Name (2023)" and "Name et al. (2023)": a citation written in running text, not a date. */
export function maskNarrativeCitations(text: string): string {
  return text
    .replace(/((?:\p{Lu}[\p{L}'’-]+|et al\.?)(?:\s*(?:&|and)\s*\p{Lu}[\p{L}'’-]+)?[,.]?\s*)\(((?:1[5-9]|20)\d\d[a-z]?(?:[,;]\s*(?:p\.\s*)?\d+)?)\)/gu, (all, name: string, inner: string) => name + ' ' + ' '.repeat(inner.length + 1))
    // A bare "(2025)" is a citation year too; events are not dated in parentheses alone.
    .replace(/\((?:1[5-9]|20)\d\d[a-z]?\)/g, (m) => ' '.repeat(m.length))
    // "Schaumburg, 2002" (a citation without parentheses), unless the word is a month.
    .replace(/(\p{Lu}[\p{L}'’-]+),\s*((?:1[5-9]|20)\d\d[a-z]?)\b/gu, (all, name: string, year: string) => (months.includes(name.toLowerCase()) ? all : all.slice(0, all.length - year.length) + ' '.repeat(year.length)))
    // The year of a publication ("a study from 2023 states …") dates the study, not an event.
    .replace(/\b((?:study|report|survey|paper|article|book|assessment|analysis)\s+(?:from|of|in|published\s+in|released\s+in)\s+)((?:1[5-9]|20)\d\d)\b/gi, (all, head: string, year: string) => head + ' '.repeat(year.length));
}

/** The clause around [start, end) in a sentence: between clause boundaries, when the sentence is long. */
function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  // An unsplit run of text (thousands of characters) is searched only near the date.
  if (text.length > 2000) {
    const from = Math.max(0, start - 200);
    const to = Math.min(text.length, end + 200);
    const inner = clauseAround(text.slice(from, to), start - from, end - from);
    return { start: from + inner.start, end: from + inner.end };
  }
  if (wordCount(text) <= 30) return { start: 0, end: text.length };
  const boundary = /;|:|\s[–—]\s|,\s+(?=(?:and|but|while|whereas|which|although|though|when|after|before|as|since|because|leading|resulting|prompting)\b)/g;
  let from = 0;
  let to = text.length;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  // Too short a clause loses the event: fall back to the sentence.
  if (wordCount(text.slice(from, to)) < 6) return { start: 0, end: text.length };
  return { start: from, end: to };
}

const metadataLine = /^\s*(?:©|\(c\)|(?:manuscript\s+)?received|revised|accepted|available\s+online|published|submitted|copyright|©|citation|doi|issn|vol\.?|volume)\b/i;

/**
 * The study's own making ("This paper uses a panel surveyed in 2019-20 and 2022-23", "This report
 * draws on interviews between September 2024 and February 2025"): dates of the research, not events
 * of its subject.
 */
const ownResearch = /\b(?:this|our|the\s+present)\s+(?:paper|study|report|article|analysis|brief|briefing|research|survey|working\s+paper|(?:\w+\s+)?edition)\s+(?:of\s+(?:the\s+)?(?:\p{Lu}\w*\s+){1,5})?(?:\w+\s+){0,3}?(?:uses?|used|draws?|drew|relies|relied|is\s+based|was\s+based|builds?|covers?|covered|tracks?|tracked|examines?|reviews?)\b|^(?:section|chapter|part)\s+\d+\s+(?:presents|describes|sets\s+out|reviews|examines|discusses|turns)\b|\b(?:we|the\s+authors?)\s+(?:\w+\s+)?(?:surveyed|interviewed|conducted|collected|fielded)\b|\b(?:were|was)\s+(?:surveyed|interviewed)\s+(?:in|between|from|during)\b/iu;

/**
 * Dated events of one source, in document order. `advice` holds the ends of the sentences that are
 * its explicit recommendations: a date there is a deadline the source sets ("Donors should … by
 * 2027"), not an event.
 */
export function findEvents(doc: StructuredSource, advice: ReadonlySet<number> = new Set()): ExtractedEvent[] {
  const text = doc.source.text;
  const out: ExtractedEvent[] = [];
  const firstSection = doc.sections.length ? doc.sections[0].start : 0;
  for (const s of bodySentences(doc)) {
    if (s.start < firstSection && wordCount(s.text) < 8) continue;
    if (metadataLine.test(s.text) || ownResearch.test(s.text) || advice.has(s.end)) continue;
    const paragraph = doc.paragraphs[s.paragraph];
    out.push(...eventsIn(paragraph ? textOf(doc, paragraph, s) : text.slice(s.start, s.end), s));
  }
  return out;
}

/**
 * A stretch of the source as the sentence's reading text has it: white space collapsed, no Markdown
 * bold markers, and a word hyphenated across a line break ("rice-" / "wheat", "agri-" / "cultural")
 * written as the reading text writes it.
 */
function asRead(raw: string, reading: string): string {
  return raw.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').replace(/(\p{L}+)- (\p{Ll}\p{L}*)/gu, (all, left: string, right: string) => (reading.includes(`${left}-${right}`) ? `${left}-${right}` : reading.includes(left + right) ? left + right : all));
}

/** Events in one sentence, given its source text (`raw`, from `s.start` on): one per date mention, each with the clause around it. */
export function eventsIn(raw: string, s: Sentence): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  // Masking only blanks characters out, so a sentence with no year in it has no date once masked.
  if (!mayHoldDate.test(raw)) return out;
  const masked = maskNarrativeCitations(maskCitations(raw));
  const citesWork = reportsCitedWork(raw);
  const seen = new Set<string>();
  for (const d of datesIn(masked)) {
    if (seen.has(d.date)) continue;
    // Only a date that is the time of a happening makes a timeline event.
    const anchor = eventAnchor(raw, masked, d, citesWork);
    if (!anchor) continue;
    seen.add(d.date);
    const c = clauseAround(raw, d.start, d.end);
    let a = c.start;
    let b = c.end;
    while (a < b && /[\s,;:–—-]/.test(raw[a])) a++;
    while (b > a && /[\s,;:]/.test(raw[b - 1])) b--;
    out.push({ date: d.date, text: asRead(raw.slice(a, b), s.text), start: s.start + a, end: s.start + b, kind: anchor.kind, word: anchor.word, verb: anchor.verb });
  }
  return out;
}

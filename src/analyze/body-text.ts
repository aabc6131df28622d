/**
 * Shared helpers of the extractors in this folder: which sentences belong to the body of a paper
 * (not its reference list or notes), what kind of section a sentence sits in, and masking of
 * inline citations so that cue rules do not fire on "(Waltz, 1979)".
 */
import type { Paragraph, Sentence, Span, StructuredSource } from '../model/document.js';
import type { SectionKind, ZoneKind } from '../model/schema.js';
import { zoneKindAt } from '../structure/zones.js';

const backMatterHeading = /^\s*(?:[#*\d.\s]*)(references?|bibliography|works cited|sources|notes|endnotes|footnotes|literature cited)\s*:?\s*\**\s*$/i;

/** Offset where the back matter (reference list, notes) starts, or the text length when none is found. */
export function backMatterStart(doc: StructuredSource): number {
  const text = doc.source.text;
  let best = text.length;
  for (const s of doc.sections) {
    if ((s.kind === 'references' || s.kind === 'notes' || backMatterHeading.test(s.heading)) && s.start > text.length * 0.3) best = Math.min(best, s.start);
  }
  if (doc.references.length) best = Math.min(best, doc.references[0].start);
  // Fallback for sources whose structure did not mark the list: a heading line of its own.
  const re = /^[ \t#*]*(?:\d+\.?\s+)?(References?|Bibliography|Works Cited|Endnotes|Notes)[ \t]*:?[ \t*]*$/gim;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > text.length * 0.3) {
      best = Math.min(best, m.index);
      break;
    }
  }
  return best;
}

/** Heading-based kind for sections the structure stage left as `other`. */
export function kindOfHeading(heading: string): SectionKind {
  const h = heading.toLowerCase().replace(/[^a-z ]+/g, ' ').trim();
  if (/^abstract\b|\bsummary\b/.test(h)) return 'abstract';
  if (/\brecommendations?\b|\bpolicy (options|implications)\b|\bway forward\b|\bpotential areas\b/.test(h)) return 'recommendations';
  if (/\bconclu|\bconcluding|\bfinal (remarks|thoughts)\b/.test(h)) return 'conclusion';
  if (/\bfindings?\b|\bresults?\b/.test(h)) return 'findings';
  if (/\bdiscussion\b|\banalysis\b/.test(h)) return 'discussion';
  if (/\bintroduction\b/.test(h)) return 'introduction';
  if (/\bliterature\b|\brelated work\b/.test(h)) return 'literature';
  if (/\bmethod|\bmethodology\b|\bresearch design\b|\bdata\b/.test(h)) return 'method';
  // a bare "framework" is as often a policy framework ("Towards a policy framework …") as a theoretical one
  if (/\btheor|\b(?:conceptual|analytical) framework\b|^(?:the )?framework$/.test(h)) return 'theory';
  if (/\bbackground\b|\bhistor|\boverview\b/.test(h)) return 'background';
  if (/^references?$|^bibliography$/.test(h)) return 'references';
  if (/^notes$|^endnotes$/.test(h)) return 'notes';
  return 'other';
}

/** Kind of the section a sentence lies in: the structure stage's kind, else one read from the heading. */
export function sectionKindOf(doc: StructuredSource, sectionIndex: number): SectionKind | 'front' {
  const s = doc.sections[sectionIndex];
  if (!s) return 'front';
  if (s.kind !== 'other') return s.kind;
  // A sub-section inherits from the nearest enclosing section with a telling heading.
  const own = kindOfHeading(s.heading);
  if (own !== 'other') return own;
  for (let i = sectionIndex - 1; i >= 0; i--) {
    const p = doc.sections[i];
    if (p.level < s.level && p.start <= s.start && s.end <= p.end) {
      const k = p.kind !== 'other' ? p.kind : kindOfHeading(p.heading);
      if (k !== 'other') return k;
    }
  }
  return 'other';
}

/**
 * Headings of parts that are about the document, not its subject: thanks, the authors' biographies,
 * disclaimers, licences, funding and interest statements. Their sentences are neither findings nor
 * advice ("The authors should be contacted at …"), and their names are not the subject's terms.
 */
const apartHeading =
  /^(?:acknowledge?ments?|about the authors?|about (?:this|the) (?:report|paper|publication|series|authors?)|(?:the )?authors?['’]? (?:biograph(?:y|ies)|information|contributions?|notes?)|notes? on (?:the )?contributors|contributors|disclaimers?|copyright(?: notice)?|copying(?: information| conditions| permissions)?|(?:gnu )?(?:free documentation |general public )?licen[cs]e|licen[cs]ing information|funding(?: information| statement| sources)?|financial support|conflicts? of interests?|competing interests?|declarations?(?: of (?:competing )?interests?)?|data availability(?: statement)?|ethics(?: statement| approval)?)$/i;

/** Indices of sections whose heading (or an enclosing section's) names such a part; its number and marks aside. */
function computeApartSections(doc: StructuredSource): Set<number> {
  const named = (h: string) => apartHeading.test(h.replace(/^[\s#*]*(?:(?:Appendix|APPENDIX)\s+[A-Z\d]+[.:]?\s+|\d+(?:\.\d+)*\.?\s+|[A-Z]\.(?:\d+\.?)*\s+)?/, '').replace(/[\s*:.]+$/, '').trim());
  const out = new Set<number>();
  // "About the OECD", "About CIGI" near the end: the publisher's notice, not the report's content.
  const publisherNote = (h: string, at: number) => at > doc.source.text.length * 0.5 && /^(?:about|à propos d[eu’']?)\s+(?:the\s+|l[ae’']\s*)?\p{Lu}[\p{L}&.’'-]*(?:\s+\p{Lu}[\p{L}&.’'-]*){0,3}$/u.test(h.replace(/^[\s#*\d.]+/, '').trim());
  doc.sections.forEach((s, i) => {
    if (named(s.heading) || publisherNote(s.heading, s.start)) out.add(i);
    // Sections come in document order: an enclosing one is earlier, and already decided.
    else for (const j of out) if (doc.sections[j].level < s.level && doc.sections[j].start <= s.start && s.end <= doc.sections[j].end) out.add(i);
  });
  return out;
}

/**
 * A notice printed on the document rather than a statement about its subject: copyright and
 * licence lines, permission to copy, disclaimers of the publisher's views. Only phrases that mean
 * nothing else ("the ministry's permission to export" is content).
 */
const boilerplate =
  /\bpermission (?:is (?:hereby )?granted|to (?:make digital|copy|reproduce|republish))\b|\ball rights reserved\b|©\s*(?:\d{4}|the authors?)\b|\bcopyright\s+(?:©\s*|\(c\)\s*)?\d{4}\b|\bviews (?:and opinions )?expressed (?:in|here)\w*\b.{0,80}\b(?:are|do not|does not)\b|\bviews (?:and opinions )?expressed (?:are|remain) (?:those|solely those|the responsibility) of\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b|\blicensed under (?:a |the )?(?:creative commons|cc[- ]by)\b/i;

/** Whether a sentence is such a notice. */
export function isBoilerplate(text: string): boolean {
  return boilerplate.test(text);
}

/**
 * Zones whose text is about the document or its makers, not its subject: contents, biographies,
 * thanks, reference lists and notes, the imprint and signatories. No extractor reads them. (The
 * cover may hold a report's opening text, and a glossary its acronyms: those stay.)
 */
const apartZones: ReadonlySet<ZoneKind> = new Set<ZoneKind>(['contents', 'bios', 'acknowledgements', 'references', 'notes', 'imprint', 'signatories']);

/** Whether an offset lies in such a zone. */
export function inApartZone(doc: StructuredSource, offset: number): boolean {
  return apartZones.has(zoneKindAt(doc, offset));
}

/** Memoised per structured source: every extractor asks for the same lists. */
export function perSource<T>(compute: (doc: StructuredSource) => T): (doc: StructuredSource) => T {
  const cache = new WeakMap<StructuredSource, T>();
  return (doc) => {
    if (!cache.has(doc)) cache.set(doc, compute(doc));
    return cache.get(doc)!;
  };
}

/** Body sentences: before the back matter, not repeats of an earlier sentence, not headings or captions. */
export const bodySentences: (doc: StructuredSource) => Sentence[] = perSource((doc) => computeBodySentences(doc));

/** Sections about the document rather than its subject (see `apartHeading`). */
export const apartSections: (doc: StructuredSource) => Set<number> = perSource(computeApartSections);

function computeBodySentences(doc: StructuredSource): Sentence[] {
  const limit = backMatterStart(doc);
  const apart = apartSections(doc);
  const notes = noteParagraphs(doc);
  return doc.sentences.filter((s) => {
    if (s.start >= limit || s.duplicateOf !== undefined || notes.has(s.paragraph)) return false;
    if (doc.notes.length && doc.notes.some((n) => n.start <= s.start && s.end <= n.end)) return false;
    const kind = sectionKindOf(doc, s.section);
    if (kind === 'references' || kind === 'notes' || apart.has(s.section) || isBoilerplate(s.text) || inApartZone(doc, s.start)) return false;
    return /[a-z]/.test(s.text);
  });
}

/**
 * Paragraphs that are footnotes or endnotes printed inside the body (PDF conversions put a page's
 * notes between its paragraphs): a number, then a source with a link, an italic title or a quoted
 * title; and the document's own "Suggested citation".
 */
export const noteParagraphs: (doc: StructuredSource) => Set<number> = perSource(computeNoteParagraphs);

function computeNoteParagraphs(doc: StructuredSource): Set<number> {
  const out = new Set<number>();
  doc.paragraphs.forEach((p, i) => {
    const t = p.text;
    if (/^\s*\d{1,3}\s?\.\s+\S/.test(t) && (/https?:\/\/|\bwww\./.test(t) || /\*[^*]{4,}\*/.test(t) || /[“"][^”"]{10,}[”"]/.test(t) || /\b(?:ibid|op\. cit)\b/i.test(t))) out.add(i);
    // How to cite the document itself: its title as a "sentence", its authors as a list.
    else if (/^\W{0,3}(?:suggested citation|recommended citation|cite (?:this|as)|how to cite|to cite this)\b/i.test(t)) out.add(i);
  });
  return out;
}

/**
 * The source text of `span` (within `paragraph`) with what lies between the paragraph's lines blanked
 * out: the page number and running header a paragraph re-joined across a page break steps over are
 * not its text ("… introduced in / 3 / Working Paper 2024/07 / 2020, …"). Offsets are unchanged.
 */
export function textOf(doc: StructuredSource, paragraph: Paragraph, span: Span = paragraph): string {
  const text = doc.source.text;
  const { pieces } = paragraph;
  let out = text.slice(span.start, span.end);
  for (let i = 0; i + 1 < pieces.length; i++) {
    const start = Math.max(pieces[i].end, span.start);
    const end = Math.min(pieces[i + 1].start, span.end);
    if (start < end && /\S/.test(text.slice(start, end))) out = out.slice(0, start - span.start) + ' '.repeat(end - start) + out.slice(end - span.start);
  }
  return out;
}

/** Body paragraphs: before the back matter and outside reference lists and notes. */
export const bodyParagraphs: (doc: StructuredSource) => Paragraph[] = perSource((doc) => computeBodyParagraphs(doc));

function computeBodyParagraphs(doc: StructuredSource): Paragraph[] {
  const limit = backMatterStart(doc);
  const apart = apartSections(doc);
  const notes = noteParagraphs(doc);
  return doc.paragraphs.filter((p, i) => {
    if (p.start >= limit || notes.has(i)) return false;
    if (doc.notes.some((n) => n.start <= p.start && p.end <= n.end)) return false;
    const kind = sectionKindOf(doc, p.section);
    return kind !== 'references' && kind !== 'notes' && !apart.has(p.section) && !inApartZone(doc, p.start);
  });
}

/**
 * The sentence text with inline citations ("(Waltz, 1979)", "(Raz 2023; Ali, 2020)"), bare years in
 * parentheses and footnote markers blanked out by spaces, so offsets stay aligned with `text`.
 */
export function maskCitations(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  // Each replacement runs only where what it needs stands (a parenthesis and a year, a bracket):
  // most sentences cite nothing, and the scans add up over every sentence of every extractor.
  let out = maskBibliographic(text);
  const year = yearLike.test(out);
  if (year && out.includes('(')) out = out.replace(/\((?:[^()]*?\b(?:1[5-9]|20)\d\d[a-z]?\b[^()]*?)\)/g, (m) => (/^\([^()]*[A-Za-z][^()]*\)$/.test(m) && !/^\((?:in|since|from|until|by|after|before) /i.test(m) ? blank(m) : m));
  // Halves of a citation cut by a sentence split: "… Action, 2022); …" and "… (Khan, 2021".
  if (year && out.includes(')')) out = out.replace(/^[^()]*?\b(?:1[5-9]|20)\d\d[a-z]?\)/, (m) => m.replace(/[^,;]*,\s*(?:1[5-9]|20)\d\d[a-z]?\)$/, (t) => ' '.repeat(t.length)));
  if (year && out.includes('(')) out = out.replace(/\([^()]*\b(?:1[5-9]|20)\d\d[a-z]?[^()]*$/, (m) => (/\p{Lu}/u.test(m) ? blank(m) : m));
  if (out.includes('[')) out = out.replace(/\[\d+(?:[,–-]\s*\d+)*\]/g, blank);
  // "[Sutherland 1996]", "[Chiang and Lu 2003]": author and year in brackets, as some fields cite.
  if (year && out.includes('[')) out = out.replace(/\[[^[\]\d]*\p{L}[^[\]\d]*\b(?:1[5-9]|20)\d\d[a-z]?\]/gu, blank);
  return out.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, blank);
}

/** A year as the citation patterns read one (a necessary part of each of them). */
const yearLike = /(?:1[5-9]|20)\d\d/;

/**
 * Blank bibliographic material that PDF conversion leaves inside running text: links, footnote
 * entries ("8. Kux, Dennis. “Title.” Publisher, 2001.") and "“Title.” Venue, Month D, YYYY."
 * tails. Offsets stay aligned (same length, spaces).
 */
export function maskBibliographic(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  let out = text;
  if (out.includes('http') || out.includes('www.')) out = out.replace(/<?https?:\/\/[^\s>]*>?|\bwww\.[^\s>]+/g, blank);
  // A footnote entry: its number, an author ("Surname, Name") or a quoted title, through the year that ends it.
  if (/\d\s?\./.test(out)) out = out.replace(/(?:^|(?<=\s))\d{1,3}\s?\.\s+(?:(?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+,\s+[\p{Lu}“"]|[“"])[^]*?(?:\b(?:1[5-9]|20)\d\d[a-z]?\)?[.,]|$)/gu, blank);
  if (!yearLike.test(out)) return out;
  // "“Title.” Venue, Month D, YYYY." or "*Venue*, YYYY."
  if (/[”"]/.test(out)) out = out.replace(/[”"][.,]?\s*\*?\p{Lu}[^.;:“”"]{0,60}?\*?,\s*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\/\w+)?\s+(?:\d{1,2},\s*)?)?(?:1[5-9]|20)\d\d\b/gu, blank);
  if (out.includes('*')) out = out.replace(/\*[^*\n]{2,80}\*,\s*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\/\w+)?\s+(?:\d{1,2},\s*)?)?(?:1[5-9]|20)\d\d\b/g, blank);
  return out;
}

/** Whether a text holds a mark without which no token is code (a quick test before reading every token). */
const mayHoldCode = (t: string): boolean =>
  t.includes('_') || t.includes('->') || t.includes('::') || t.includes('==') || t.includes('()') || t.includes('[') || t.includes(' * ') || /[a-z][A-Z]/.test(t);
const codeToken = /[A-Za-z0-9]_[A-Za-z0-9]|->|::|==|\w\(\)|\w\[\d*\]|^\*$|^[a-z]+[A-Z][a-z]+[A-Z]?\w*$/;

/**
 * Whether a sentence reads as prose: mostly letters, not markup, code or a run of symbols that
 * PDF conversion made of a table or listing ("(</TITLE>, </HEAD>, <BODY>), …").
 */
export function isProse(text: string): boolean {
  if (/<\/?[A-Za-z][\w-]*>|&lt;\/?[A-Za-z]/.test(text)) return false;
  const tokens = text.split(/\s+/).filter(Boolean);
  // Code: two tokens such as `asn1_get_length`, `der[0]`, `->`, `::`, `f()`, a lone `*`, `elementName`.
  if (mayHoldCode(text) && tokens.filter((t) => codeToken.test(t)).length >= 2) return false;
  // Mostly words ("236 out of the 289 papers (81.66%)" is prose; "0 5 10 15 Day of crawl" is an axis).
  const words = tokens.filter((t) => /\p{L}.*\p{L}/u.test(t)).length;
  return words >= 0.6 * tokens.length;
}

/** Whether a sentence ends by opening a list, a formula or a quotation ("… the following steps:"). */
export function isLeadIn(text: string): boolean {
  return /:\s*["”’)]*\s*$/.test(text);
}

/** Word count of a string. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A sentence span trimmed of leading list markers and surrounding whitespace within the source. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /[\s\-–•*]/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/**
 * structure: SourceText → StructuredSource, read the way a careful reader does. Lines are marked
 * (page numbers, running headers, footnote bodies), grouped into units (headings and text), text
 * re-joined across page breaks, the front matter read for metadata, sections nested and given a
 * kind, the reference list split off, and clean paragraphs and sentences kept with spans into the
 * source. Every pass is linear in the size of the text.
 */
import { parse as parseYaml } from 'yaml';
import type { DocumentMetadata, InlineCitation, Note, Paragraph, ReferenceEntry, Sentence, SourceText, Span, StructuredSection, StructuredSource } from '../model/document.js';
import type { SectionKind } from '../model/schema.js';
import type { StageContext } from '../model/context.js';
import { cleanPieces, trimSpan, type MappedText } from './clean.js';
import { headingCandidate, isTitleLine, kindOf, UNSURE_REFERENCES, type HeadingCandidate } from './headings.js';
import { markCaptions, markNotes, markPageNoise, markYaml, plainOf, toLines, type Line } from './lines.js';
import { affiliationsOf, CLASSIFICATION_LABEL, fieldOf, FRONT_LABELS, imprintOf, institutionOf, isoDate, isSeries, KEYWORD_LABEL, readAuthorLine, splitKeywords, type Imprint } from './metadata.js';
import { findCitations, linkCitations, looksLikeEntry, parseEntry, splitEntries } from './references.js';
import { splitSentences } from './sentences.js';

export { splitSentences } from './sentences.js';

/** A heading or a run of text lines, in reading order. */
interface Unit {
  type: 'heading' | 'text';
  lines: Line[];
  /** Lines of other text units merged into this one across a page break. */
  heading?: HeadingCandidate;
  /** Weak headings wait for context before they are believed. */
  tentative?: boolean;
  /** Set when the unit was consumed by the front matter (title, authors, fields). */
  front?: boolean;
  abstract?: boolean;
  /** The heading right after this one, when no text stands between them. */
  nextHeading?: Unit;
}

const TERMINAL = /[.!?:;)\]”"'’>…]$/;
/** Words a sentence does not end on: articles, prepositions, conjunctions ("… introduced in"). */
const danglingWord = /(?:^|\s)(?:a|an|the|of|in|on|at|to|for|from|by|with|into|and|or|but|nor|that|which|whose|than|as|under|over|between|among|per)$/i;

/** Options of {@link structure}. */
export interface StructureOptions {
  /** Words of a short paragraph that must start lower-case to be read as a page-break continuation. */
  minWordsForOpenEnd: number;
}

export const defaultStructureOptions: Readonly<StructureOptions> = { minWordsForOpenEnd: 15 };

/** Structure one source. Pure; problems go to `ctx.report` as warnings with positions. */
export function structure(source: SourceText, ctx: StageContext, options: Readonly<StructureOptions> = defaultStructureOptions): StructuredSource {
  const text = source.text;
  const lines = toLines(text);
  const yamlSpan = markYaml(lines);
  const declared = { ...(source.declared ?? {}), ...(yamlSpan ? readYaml(text, lines, yamlSpan, source, ctx) : {}) };
  markPageNoise(lines, source.pageStarts);
  markNotes(lines, text, 0);
  markCaptions(lines);

  const nonBlank = lines.filter((l) => l.role !== 'blank').length;
  const blank = lines.length - nonBlank;
  /** Hard-wrapped text without blank lines between paragraphs (PDF-to-text of papers). */
  const wrapped = nonBlank > 30 && blank < nonBlank * 0.05;

  let units = toUnits(lines, wrapped);
  units = decideTentative(units);
  units = checkUnsureReferences(units);
  units = flattenReferenceLists(units);
  units = keepNumberSequence(units);
  units = joinAcrossBreaks(units, options);

  // Read only when some line ends in a hyphen before a lower-case word (not every source has one).
  let hyphenated: Set<string> | null = null;
  const joinHyphen = (left: string, right: string): boolean => !(hyphenated ??= hyphenatedWords(text)).has(`${left}-${right}`.toLowerCase());

  // ── front matter ──
  const front = readFront(units, text, declared, source, ctx);

  // ── sections ──
  const sections: StructuredSection[] = [];
  const sectionOfUnit = new Map<Unit, number>();
  const headingUnits = units.filter((u) => u.type === 'heading' && !u.front);
  assignLevels(headingUnits);
  for (const u of headingUnits) {
    const h = u.heading!;
    const first = u.lines[0];
    const last = u.lines[u.lines.length - 1];
    sections.push({
      heading: stripInline(h.title),
      number: h.number,
      level: (u as Unit & { level?: number }).level ?? 1,
      kind: kindOf(h),
      start: first.start,
      end: text.length,
      headingStart: first.start,
      headingEnd: last.end,
    });
    sectionOfUnit.set(u, sections.length - 1);
  }
  // one pass with a stack of open sections: a section ends where the next one of its level or
  // higher begins, and a sub-section takes its parent's kind ("6.1.1 …" under "6.1 Recommendations")
  const open: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    while (open.length && sections[open[open.length - 1]].level >= sections[i].level) sections[open.pop()!].end = sections[i].start;
    const parent = open.length ? sections[open[open.length - 1]] : null;
    if (sections[i].kind === 'other' && parent && parent.kind !== 'abstract') sections[i].kind = parent.kind;
    open.push(i);
  }

  // ── paragraphs, references, notes ──
  const paragraphs: Paragraph[] = [];
  const mapped: MappedText[] = [];
  const refLines: { section: number; lines: Line[] }[] = [];
  let current = -1;
  for (const u of units) {
    if (u.type === 'heading') {
      if (sectionOfUnit.has(u)) current = sectionOfUnit.get(u)!;
      continue;
    }
    if (u.front && !u.abstract) continue;
    const kind: SectionKind | null = current >= 0 ? sections[current].kind : null;
    if (kind === 'references' || (kind === 'notes' && u.lines.length)) {
      refLines.push({ section: current, lines: u.lines });
      continue;
    }
    const pieces = u.lines.map((l) => ({ start: l.start, end: l.end }));
    const m = cleanPieces(text, pieces, { joinHyphen });
    if (!m.text || !/[\p{L}\p{N}]/u.test(m.text)) continue;
    paragraphs.push({ start: pieces[0].start, end: pieces[pieces.length - 1].end, text: m.text, section: u.abstract && current < 0 ? -1 : current, pieces });
    mapped.push(m);
  }

  // ── sentences ──
  const sentences: Sentence[] = [];
  const seen = new Map<string, number>();
  paragraphs.forEach((p, pi) => {
    const m = mapped[pi];
    for (const s of splitSentences(m.text)) {
      const t = m.text.slice(s.start, s.end);
      if (!/[\p{L}]/u.test(t)) continue;
      const span = trimSpan(text, m.map[s.start], m.map[s.end - 1] + 1);
      const sentence: Sentence = { start: span.start, end: Math.max(span.end, span.start), text: t, paragraph: pi, section: p.section };
      const key = t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (key.length >= 25) {
        const prior = seen.get(key);
        if (prior !== undefined) sentence.duplicateOf = prior;
        else seen.set(key, sentences.length);
      }
      sentences.push(sentence);
    }
  });

  // ── references and notes ──
  const references: (ReferenceEntry & { label?: string | null })[] = [];
  const notes: Note[] = [];
  const refSectionLines = collectSectionLines(lines, sections, refLines);
  for (const group of refSectionLines) {
    const isNotes = sections[group.section]?.kind === 'notes';
    for (const e of splitEntries(group.lines)) {
      const pieces = e.lines.map((l) => ({ start: l.start, end: l.end }));
      const clean = cleanPieces(text, pieces, { joinHyphen: () => false }).text;
      if (!clean) continue;
      const span = { start: pieces[0].start, end: pieces[pieces.length - 1].end };
      if (isNotes) {
        const mk = /^(\d{1,3})\s?\.?\s+/.exec(clean);
        notes.push({ ...span, marker: mk ? mk[1] : String(notes.length + 1), text: mk ? clean.slice(mk[0].length) : clean });
        continue;
      }
      const parsed = parseEntry(text.slice(span.start, span.end));
      references.push({ ...span, text: clean, authors: parsed.authors, year: parsed.year, title: parsed.title ? stripInline(parsed.title) : null, label: parsed.label });
    }
  }
  // footnote bodies found between paragraphs
  let lastNote: Note | null = null;
  for (const l of lines) {
    if (l.role === 'note') {
      const mk = /^(?:(\d{1,3})\s?\.\s+|([\u00b9\u00b2\u00b3\u2070-\u2079\u2071]+)\s*)/.exec(l.text);
      const marker = mk ? (mk[1] ?? superToDigits(mk[2])) : '';
      lastNote = { start: l.start, end: l.end, marker, text: cleanPieces(text, [{ start: l.start + (mk ? mk[0].length : 0), end: l.end }], { joinHyphen: () => false }).text };
      notes.push(lastNote);
    } else if (l.role === 'note-continuation' && lastNote) {
      lastNote.end = l.end;
      lastNote.text = `${lastNote.text}${l.text.replace(/^<|>\.?$/g, '')}`;
    }
  }
  notes.sort((a, b) => a.start - b.start);
  // an author's note in the header ("Dr. X holds a PhD … from Y University") names the affiliation
  const bodyStart = sections.find((s) => s.kind !== 'abstract')?.start ?? text.length;
  const surnames = front.metadata.authors.map((a) => a.split(/\s+/).pop()!.toLowerCase());
  for (const n of notes) {
    if (n.start >= bodyStart || !surnames.some((sn) => n.text.toLowerCase().includes(sn))) continue;
    const inst = institutionOf(n.text);
    if (inst && !front.metadata.affiliations.some((a) => a.includes(inst))) front.metadata.affiliations.push(inst);
  }

  // ── inline citations ──
  const cites = paragraphs.flatMap((p) => p.pieces.flatMap((piece) => findCitations(text, piece.start, piece.end)));
  const inlineCitations: InlineCitation[] = linkCitations(cites, references);
  const refs: ReferenceEntry[] = references.map(({ label: _l, ...r }) => { void _l; return r; });

  // ── diagnostics ──
  if (!sections.length) ctx.report.warn(source.path, 0, 'Unexpected source without headings, expected numbered, Markdown or title-line headings', 'no-headings');
  if (!front.metadata.title) {
    ctx.report.warn(source.path, 0, 'Unexpected source without a title, expected a first line naming it', 'no-title');
    front.metadata.title = source.id;
  }

  return { source, metadata: front.metadata, sections, paragraphs, sentences, references: refs, notes, inlineCitations };
}

function superToDigits(s: string): string {
  const map: Record<string, string> = { '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4', '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9' };
  return [...s].map((c) => map[c] ?? '').join('') || s;
}

/** Text of a heading or title without Markdown emphasis and markers. */
function stripInline(t: string): string {
  return cleanPieces(t, [{ start: 0, end: t.length }], { joinHyphen: () => false }).text.replace(/\s*:$/, '').trim();
}

/** Words printed with a hyphen somewhere inside a line ("post-withdrawal"): keep their hyphen at line ends too. */
export function hyphenatedWords(text: string): Set<string> {
  // The matches of /(?<!\p{L})(\p{L}{1,40})-(\p{Ll}{1,40})/gu, found from the hyphens instead of
  // trying the look-behind at every character: a match starts where the run of letters before its
  // hyphen starts (at most 40 of them), so the sticky pattern is tried there only, and a match
  // overlapping the previous one is skipped as the global search would.
  const out = new Set<string>();
  const re = /(?<!\p{L})(\p{L}{1,40})-(\p{Ll}{1,40})/uy;
  let resume = 0;
  for (let h = text.indexOf('-'); h >= 0; h = text.indexOf('-', h + 1)) {
    let start = h;
    let letters = 0;
    while (start > 0 && letters <= 40) {
      const c = text.charCodeAt(start - 1);
      let size = 1;
      if (c >= 0xdc00 && c <= 0xdfff && start >= 2) {
        const hi = text.charCodeAt(start - 2);
        if (hi >= 0xd800 && hi <= 0xdbff) size = 2;
      }
      const letter = c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isLetterPoint.test(text.slice(start - size, start));
      if (!letter) break;
      start -= size;
      letters++;
    }
    if (letters === 0 || letters > 40 || start < resume) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m) continue;
    out.add(m[0].toLowerCase());
    resume = start + m[0].length;
  }
  return out;
}

const isLetterPoint = /^\p{L}$/u;

function readYaml(text: string, lines: Line[], span: { from: number; to: number }, source: SourceText, ctx: StageContext): Record<string, unknown> {
  const body = text.slice(lines[span.from].end + 1, lines[span.to].start);
  try {
    const data = parseYaml(body, { maxAliasCount: 50 }) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const d = data as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : null);
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => !!x) : typeof v === 'string' ? splitKeywords(v) : []);
    if (str(d.title)) out.title = str(d.title);
    if (str(d.subtitle)) out.subtitle = str(d.subtitle);
    const authors = d.authors ?? d.author;
    if (authors !== undefined) out.authors = list(authors).length ? list(authors) : str(authors) ? [str(authors)!] : [];
    if (str(d.date)) out.date = str(d.date);
    const kw = d.keywords ?? d.tags;
    if (kw !== undefined) out.keywords = list(kw);
    return out;
  } catch (e) {
    ctx.report.warn(source.path, lines[span.from].start, `Unexpected YAML front matter that does not parse (${(e as Error).message.split('\n')[0]}), expected key: value lines`, 'bad-front-matter');
    return {};
  }
}

/** Group text lines into units: headings and runs of text. */
function toUnits(lines: Line[], wrapped: boolean): Unit[] {
  const units: Unit[] = [];
  let block: Line[] = [];
  const flush = (): void => {
    if (!block.length) return;
    splitBlock(block, wrapped, units);
    block = [];
  };
  for (const l of lines) {
    if (l.role === 'text') block.push(l);
    else flush();
  }
  flush();
  return units;
}

/**
 * The lines of a title at the head of a text block: the first, and those after it that continue it
 * ("Development through communicative action and information system" / "design: a case study from
 * South Africa"), starting in lower case after a line that does not end a sentence.
 */
function titleLinesOf(lines: readonly Line[]): Line[] {
  let n = 1;
  let length = lines[0].text.length;
  while (n < lines.length && /^\p{Ll}/u.test(lines[n].text) && !TERMINAL.test(lines[n - 1].text) && length + lines[n].text.length <= 250) length += lines[n++].text.length;
  return lines.slice(0, n);
}

/** Does a line open a field that classifies a paper ("General Terms: Design, Theory", "Keywords: …")? */
function opensClassification(line: string): boolean {
  const label = fieldOf(plainOf(line))?.label;
  return !!label && CLASSIFICATION_LABEL.test(label);
}

const LIST_ITEM = /^(?:[-*+•▪·]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+|>\s*)/;

function splitBlock(block: Line[], wrapped: boolean, units: Unit[]): void {
  if (block.length === 1) {
    const h = headingCandidate(block[0].text);
    if (h) units.push({ type: 'heading', lines: block, heading: h, tentative: h.strength === 'plain' || h.strength === 'caps' });
    else units.push({ type: 'text', lines: block });
    return;
  }
  // a bold or Markdown title broken over several lines
  const first = block[0].text;
  const last = block[block.length - 1].text;
  if (block.length <= 4 && /^\*\*[^*]/.test(first) && /[^*]\*\*$/.test(last) && !block.slice(0, -1).some((l) => /\*\*$/.test(l.text)) && block.every((l) => l.text.length < 150)) {
    const title = block.map((l) => plainOf(l.text)).join(' ');
    if (!/[.;]$/.test(title)) {
      units.push({ type: 'heading', lines: block, heading: { title, number: null, level: null, strength: 'bold' } });
      return;
    }
  }
  // multi-line block: strong headings on their own line split it; the rest is text
  const lengths = block.map((l) => l.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  // a long run of short lines is hard-wrapped prose, whatever the rest of the document does
  wrapped = wrapped || (block.length >= 6 && median < 110 && !block.every((l) => LIST_ITEM.test(l.text)));
  let text: Line[] = [];
  const push = (): void => {
    if (text.length) units.push({ type: 'text', lines: text });
    text = [];
  };
  for (let i = 0; i < block.length; i++) {
    const l = block[i];
    const split = splitHeadingAt(block, i);
    if (split) {
      push();
      units.push({ type: 'heading', lines: block.slice(i, i + split.lines), heading: split.heading });
      i += split.lines - 1;
      continue;
    }
    const h = headingCandidate(l.text);
    const strongHere = h && (h.strength === 'markdown' || h.strength === 'named' || h.strength === 'caps' ||
      (h.strength === 'numbered' && h.title.split(/\s+/).length <= 10 && isTitleLine(h.title) && (wrapped || !LIST_ITEM.test(l.text) || !!h.number?.includes('.'))));
    // A section name in lower case after an unfinished line is the end of that line, wrapped
    // ("…, critical social" / "theory"), or a cell of a table ("number of" / "results").
    const wrappedWord = h !== null && h.strength === 'named' && /^\p{Ll}/u.test(h.title);
    const prevEnds = i === 0 || TERMINAL.test(block[i - 1].text) || (!wrappedWord && (wrapped || (h !== null && h.strength !== 'numbered')));
    if (h && strongHere && prevEnds && !(wrapped && i > 0 && /[-,]$/.test(block[i - 1].text))) {
      push();
      units.push({ type: 'heading', lines: [l], heading: h });
      continue;
    }
    // list items start their own unit, and so do the classification fields of a paper's front
    // matter, which often follow the abstract without a blank line
    if (text.length && (wrapped ? /^[-*+•▪·]\s/.test(l.text) : LIST_ITEM.test(l.text))) push();
    else if (text.length && opensClassification(l.text)) push();
    text.push(l);
    // hard-wrapped paragraphs end on a short line that ends a sentence
    if (wrapped && /[.!?:]["”’)]?$/.test(l.text) && l.text.length < median * 0.75) push();
  }
  push();
}

/** A section number on a line of its own ("4.2"), as PDF conversion leaves it: "1.0" is a value. */
const OWN_LINE_NUMBER = /^((?:[1-9]\d?)(?:\.[1-9]\d?){1,3})\.?$/;

/**
 * A numbered heading whose number stands on its own line, its title on the next ("4.2" /
 * "Document Fingerprint"), the title's last word perhaps wrapped to a third ("… from independent"
 * / "sources"). Only after a finished sentence, and only where the title reads as one.
 */
function splitHeadingAt(block: Line[], i: number): { heading: HeadingCandidate; lines: number } | null {
  const num = OWN_LINE_NUMBER.exec(block[i].text.trim());
  if (!num || i + 1 >= block.length) return null;
  if (i > 0 && !TERMINAL.test(block[i - 1].text)) return null;
  let title = block[i + 1].text.trim();
  let lines = 2;
  const third = block[i + 2]?.text.trim();
  const fourth = block[i + 3]?.text.trim();
  if (third && /^\p{Ll}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,2}$/u.test(third) && (!fourth || /^[\p{Lu}\p{N}]/u.test(fourth))) {
    title = `${title} ${third}`;
    lines = 3;
  }
  const h = headingCandidate(`${num[1]} ${title}`);
  if (!h || h.strength !== 'numbered' || h.title.split(/\s+/).length > 10 || !isTitleLine(h.title)) return null;
  // A value over a one-word label in a table ("6.3" / "BPM") is not a section.
  if (!/\s/.test(h.title) && !/\p{Ll}/u.test(h.title)) return null;
  return { heading: h, lines };
}

/** Weak (plain title-line) headings are believed only where a heading can stand. */
function decideTentative(units: Unit[]): Unit[] {
  // from the end, so that what follows a candidate is already decided
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i];
    if (u.type !== 'heading' || !u.tentative) continue;
    const prev = units[i - 1];
    const next = units[i + 1];
    const prevText = prev?.type === 'text' ? prev.lines[prev.lines.length - 1].text : null;
    const prevOpen = prevText !== null && !TERMINAL.test(prevText.replace(/[*_]+$/, '')) && prevText.split(/\s+/).length >= 8;
    const nextText = next?.type === 'text' ? next.lines[0].text : null;
    const nextLower = nextText !== null && /^[\p{Ll}]/u.test(plainOf(nextText));
    const nextIsFragment = nextText !== null && next.lines.length === 1 && nextText.split(/\s+/).length < 4 && /^\(/.test(nextText);
    // a section starts with prose: a short line followed by more short lines is figure or table residue
    const wordsOf = (x: Unit | undefined): number => (x ? x.lines.reduce((w, l) => w + l.text.split(/\s+/).length, 0) : 0);
    const nextShort = (next?.type === 'text' && wordsOf(next) < 12) ||
      // a title line over another plain title line: believed only when prose follows the pair
      (next?.type === 'heading' && (next.heading!.strength === 'plain' || next.heading!.strength === 'caps') && !(units[i + 2]?.type === 'text' && wordsOf(units[i + 2]) >= 12));
    if (prevOpen || nextLower || nextIsFragment || nextShort || !next) {
      u.type = 'text';
      delete u.heading;
    }
    u.tentative = false;
  }
  return units;
}

/**
 * Inside a reference list, lines that look like headings are entries ("Afridi, M. personal talks,
 * November 2022"); only a Markdown heading or a named section (Notes, Appendix) ends the list.
 */
function flattenReferenceLists(units: Unit[]): Unit[] {
  let inRefs = false;
  for (const u of units) {
    if (u.type !== 'heading') continue;
    const h = u.heading!;
    const kind = kindOf(h);
    if (inRefs && !(h.strength === 'markdown' || h.strength === 'named' || (h.number && /^\d+$/.test(h.number) && kind !== 'other'))) {
      u.type = 'text';
      delete u.heading;
      continue;
    }
    inRefs = kind === 'references' || kind === 'notes';
  }
  return units;
}

/**
 * "Sources" opens a reference list only when reference entries follow it: under "3.1 Sources" (of
 * data) or a table's SOURCES column, the first lines are prose or figures, and the section is read
 * as ordinary text instead of swallowing the rest of the paper as references.
 */
function checkUnsureReferences(units: Unit[]): Unit[] {
  units.forEach((u, i) => {
    if (u.type !== 'heading' || !UNSURE_REFERENCES.test(u.heading!.title)) return;
    const next: string[] = [];
    for (let k = i + 1; k < units.length && units[k].type === 'text' && next.length < 3; k++) for (const l of units[k].lines) if (next.length < 3 && l.text) next.push(l.text);
    if (!next.some(looksLikeEntry)) u.heading!.kind = 'other';
  });
  return units;
}

/**
 * Section numbers run in order: "11 Mbit/s" after section 4 is a table cell, not section 11. A
 * numbered heading is kept when its first number is the current top-level number or the next one.
 */
function keepNumberSequence(units: Unit[]): Unit[] {
  // A paper has a dozen sections at most; "80.0" is a value in a table.
  const maxSectionNumber = 12;
  let top = 0;
  // Whether a top-level number was printed: PDF conversion often drops them ("EXPERIMENTAL
  // RESULTS" over "5.1" / "Data"), and then sub-sections may start at any number.
  let topPrinted = false;
  for (const u of units) {
    if (u.type !== 'heading' || u.heading!.strength !== 'numbered' || !u.heading!.number || !/^\d/.test(u.heading!.number)) continue;
    const parts = u.heading!.number.split('.');
    const first = Number(parts[0]);
    // sub-section numbers ("3.1") are strong evidence even when the parent was unnumbered
    const ok = parts.length > 1 ? first >= top && (first <= top + 3 || (!topPrinted && first <= maxSectionNumber)) : (first > top && first <= top + 2) || first === top || (top === 0 && first <= 3);
    if (ok) {
      top = first;
      topPrinted ||= parts.length === 1;
      continue;
    }
    // Out of sequence, its number is doubtful; a title that is a heading on its own stays one.
    const alone = headingCandidate(u.heading!.title);
    if (alone && (alone.strength === 'named' || alone.strength === 'caps')) {
      u.heading = alone;
      continue;
    }
    u.type = 'text';
    delete u.heading;
  }
  return units;
}

/** Re-join text split by a page break (and noise between): open end, lower-case start, or a stray citation. */
function joinAcrossBreaks(units: Unit[], options: Readonly<StructureOptions>): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    if (u.type === 'text' && prev?.type === 'text') {
      const a = prev.lines[prev.lines.length - 1].text.replace(/[*_]+$/, '');
      const b = plainOf(u.lines[0].text);
      const aWords = a.split(/\s+/).length;
      const bList = /^(?:[-*+•▪·]\s|\d{1,3}[.)]\s)/.test(u.lines[0].text);
      const aField = fieldOf(prev.lines[0].text) !== null && prev.lines.length === 1 && aWords < 12;
      const bField = fieldOf(u.lines[0].text) !== null && b.split(/\s+/).length < 12;
      // Open: no closing mark, and the line was cut by the wrap (long, or as long as the block's
      // other lines) or stops on a word no sentence ends with ("… scheme introduced in").
      // (The wrap width from the block's last lines: a block that keeps growing is not re-read.)
      let widest = 0;
      for (let k = Math.max(0, prev.lines.length - 8); k < prev.lines.length; k++) widest = Math.max(widest, prev.lines[k].text.length);
      const wrapped = prev.lines.length > 1 && a.length >= 0.85 * widest;
      const open = !TERMINAL.test(a) && (aWords >= options.minWordsForOpenEnd || wrapped || danglingWord.test(a));
      const lower = /^[\p{Ll}]/u.test(b);
      const strayCitation = /^\([^()]{2,200}\)[.;,]?$/.test(b) && /\b(1[6-9]|20)\d\d\b/.test(b);
      if (!bList && !aField && !bField && (open || (lower && !/^[-*+•]\s/.test(u.lines[0].text)) || strayCitation)) {
        for (const l of u.lines) prev.lines.push(l);
        continue;
      }
    }
    out.push(u);
  }
  return out;
}

/** Levels: Markdown depth, number depth, or nesting under a heading with no text of its own. */
function assignLevels(headings: Unit[]): void {
  type H = Unit & { level?: number };
  const hs = headings as H[];
  const mdLevels = hs.filter((h) => h.heading!.strength === 'markdown').map((h) => h.heading!.level!);
  const mdBase = mdLevels.length ? mdLevels.reduce((a, b) => Math.min(a, b), 6) - 1 : 0;
  const anyNumbered = hs.some((h) => h.heading!.strength === 'numbered');
  let nestUnder = 0;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i].heading!;
    if (h.strength === 'markdown') { hs[i].level = Math.max(1, Math.min(6, h.level! - mdBase)); nestUnder = 0; continue; }
    if (h.number && /\d/.test(h.number)) { hs[i].level = Math.min(6, h.level ?? 1); nestUnder = 0; continue; }
    const kind = kindOf(h);
    if (['conclusion', 'references', 'notes', 'abstract', 'introduction'].includes(kind) || /^appendix/i.test(h.title)) nestUnder = 0;
    hs[i].level = nestUnder ? nestUnder + 1 : 1;
    // a heading followed directly by another (no text of its own) introduces sub-sections
    const next = hs[i + 1];
    if (!anyNumbered && next && directlyFollows(hs[i], next) && !(next.heading!.number && /\d/.test(next.heading!.number)) && next.heading!.strength !== 'markdown' && !nestUnder && kindOf(next.heading!) !== 'abstract') nestUnder = hs[i].level!;
  }
}

function directlyFollows(a: Unit, b: Unit): boolean {
  return a.nextHeading === b;
}

/** Record which heading comes right after which (no text between) for {@link assignLevels}. */
function recordFollows(units: Unit[]): void {
  for (let i = 0; i + 1 < units.length; i++) {
    if (units[i].type === 'heading' && units[i + 1].type === 'heading') units[i].nextHeading = units[i + 1];
  }
}

/** All lines of reference/notes sections (including those that were not text units, e.g. after blanks). */
function collectSectionLines(lines: Line[], sections: StructuredSection[], groups: { section: number; lines: Line[] }[]): { section: number; lines: Line[] }[] {
  const out: { section: number; lines: Line[] }[] = [];
  const bySection = new Map<number, Line[]>();
  for (const g of groups) {
    const list = bySection.get(g.section) ?? [];
    list.push(...g.lines);
    bySection.set(g.section, list);
  }
  for (const [section, ls] of [...bySection.entries()].sort((a, b) => a[0] - b[0])) {
    const first = ls[0].index;
    const last = ls[ls.length - 1].index;
    out.push({ section, lines: lines.slice(first, last + 1).filter((l) => l.role === 'text' || l.role === 'blank') });
  }
  void sections;
  return out;
}

interface FrontResult {
  metadata: DocumentMetadata;
}

/** Read the front matter: title, authors, affiliations, fields, keywords, abstract. */
function readFront(units: Unit[], text: string, declared: Record<string, unknown>, source: SourceText, ctx: StageContext): FrontResult {
  recordFollows(units);
  const metadata: DocumentMetadata = {
    title: '', titleSpan: null, subtitle: null, authors: [], affiliations: [], keywords: [], abstract: null, abstractSpan: null,
    dates: [], doi: null, venue: null, year: null,
  };
  // the front: units before the first body heading (one that is not the abstract or a front field)
  let bodyStart = units.length;
  let sawTitle = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.type !== 'heading') { sawTitle = true; continue; }
    const kind = kindOf(u.heading!);
    const frontName = /^(keywords|key words|index terms|categories and subject descriptors|general terms|article info|article history|acknowledge?ments?)$/i.test(u.heading!.title);
    if (!sawTitle) { sawTitle = true; continue; } // the first line of a paper is its title, whatever its form
    if (kind === 'abstract' || frontName) continue;
    // A heading with the author line still to come is part of the title block (a report's cover:
    // series, then title, set large, then the authors), not the start of the body.
    if (kind === 'other' && authorsFollow(units, i)) continue;
    // a weak heading opens the body only when a paragraph follows it (keyword lists and labels do not)
    if (u.heading!.strength === 'plain' || u.heading!.strength === 'caps' || u.heading!.strength === 'bold') {
      const next = units[i + 1];
      if (readAuthorLine(u.lines.map((l) => l.text).join(' '))) continue;
      if (!next || next.type !== 'text' || next.lines.map((l) => l.text).join(' ').split(/\s+/).length < 25) continue;
    }
    bodyStart = i;
    break;
  }
  const noBodyHeading = bodyStart === units.length;
  if (noBodyHeading) {
    // no body heading: only the first few units can be front matter
    bodyStart = Math.min(units.length, 3);
    for (let i = 0; i < units.length; i++) if (units[i].type === 'heading' && kindOf(units[i].heading!) === 'abstract') bodyStart = Math.max(bodyStart, i + 2);
  }
  const front = units.slice(0, bodyStart);
  // weak headings in the front matter are field values and labels, not sections
  front.forEach((u, i) => {
    if (i > 0 && u.type === 'heading' && (u.heading!.strength === 'plain' || u.heading!.strength === 'caps') && kindOf(u.heading!) !== 'abstract') {
      u.type = 'text';
      delete u.heading;
    }
  });

  // ── title and authors ──
  let authorUnit = -1;
  let authorLine: ReturnType<typeof readAuthorLine> = null;
  let titleFromRunOn: { title: string; span: Span; rest: number } | null = null;
  for (let i = 0; i < Math.min(front.length, 14); i++) {
    const u = front[i];
    const t = u.lines[0].text;
    // authors come before the abstract and the first named section
    if (i > 0 && u.type === 'heading' && (u.heading!.strength === 'named' || kindOf(u.heading!) !== 'other')) break;
    // run-on header: "**Title**Authors¹, …"
    const runOn = /^\*\*([^*]{10,300})\*\*(?=\S)(.+)$/.exec(t.slice(0, 4000));
    if (runOn && i < 4) {
      const rest = runOn[2];
      const al = readAuthorLine(rest);
      if (al) {
        titleFromRunOn = { title: runOn[1].trim(), span: { start: u.lines[0].start + 2, end: u.lines[0].start + 2 + runOn[1].length }, rest: u.lines[0].start + t.length - rest.length };
        authorUnit = i;
        authorLine = al;
        break;
      }
    }
    // A block of more lines may open with its author line, the affiliation and date under it
    // ("Losana Vakaloloma, Daniel Okonkwo-Hart and Priya Naidu" / "Observatory, Suva" / "Published …").
    const al = u.lines.length > 2 ? (i > 0 && u.type !== 'heading' && u.lines.length <= 5 ? readAuthorLine(u.lines[0].text) : null) : readAuthorLine(u.lines.map((l) => l.text).join(' '));
    if (al && i > 0) { authorUnit = i; authorLine = al; break; }
  }
  if (titleFromRunOn) {
    metadata.title = titleFromRunOn.title;
    metadata.titleSpan = titleFromRunOn.span;
    front[authorUnit].front = true;
  } else {
    // the title: the unit right before the author line, or the first unit that is not a running head, ISSN, URL…
    let ti = -1;
    // A page's own h1 is its title when the unit above its byline is not a heading (a standfirst).
    const h1 = authorUnit > 0 && front[authorUnit - 1].type !== 'heading' ? front.slice(0, authorUnit).findIndex((u) => u.type === 'heading' && u.heading!.strength === 'markdown' && u.heading!.level === 1) : -1;
    if (h1 >= 0) ti = h1;
    else if (authorUnit > 0) {
      for (let k = authorUnit - 1; k >= 0; k--) {
        if (isPreTitleNoise(front[k])) continue;
        ti = k;
        // a title printed twice (styled, then plain): take the first
        while (ti > 0 && sameText(front[ti - 1], front[ti])) ti--;
        break;
      }
    } else {
      for (let k = 0; k < front.length; k++) {
        if (isPreTitleNoise(front[k])) continue;
        ti = k;
        break;
      }
    }
    // a "title" longer than a paragraph is not one: the source starts with prose
    if (ti >= 0 && front[ti].lines.slice(0, 3).reduce((n, l) => n + l.text.length, 0) > 400 && front[ti].type !== 'heading') ti = -1;
    if (ti >= 0) {
      const u = front[ti];
      const titleLines = u.type === 'heading' || authorUnit > 0 ? u.lines : titleLinesOf(u.lines);
      metadata.title = stripInline(titleLines.map((l) => plainOf(l.text)).join(' '));
      metadata.titleSpan = { start: titleLines[0].start, end: titleLines[titleLines.length - 1].end };
      if (titleLines.length === u.lines.length) u.front = true;
      else {
        u.lines = u.lines.slice(titleLines.length);
        // The authors printed on the line under the title, with no blank line between.
        const al = authorUnit < 0 && !authorLine ? readAuthorLine(plainOf(u.lines[0].text)) : null;
        if (al) {
          authorLine = al;
          u.lines = u.lines.slice(1);
          if (!u.lines.length) u.front = true;
        }
      }
      // journal/venue lines before the title
      for (let k = 0; k < ti; k++) {
        front[k].front = true;
        const v = plainOf(front[k].lines[0].text);
        if (!metadata.venue && ((/\b(journal|review|archives|proceedings|transactions|bulletin|quarterly|magazine|annals|studies|letters|conference)\b/i.test(v) && !/https?:|www\./.test(v) && v.length < 150) || isSeries(v))) metadata.venue = v;
      }
      for (let k = ti + 1; k < authorUnit; k++) if (sameText(front[k], u) || isPreTitleNoise(front[k])) front[k].front = true;
    }
    if (authorUnit >= 0) front[authorUnit].front = true;
  }
  if (authorLine) metadata.authors = authorLine.authors;

  // ── fields, affiliations, keywords, abstract ──
  const frontText: string[] = [];
  let abstractLabel = -1;
  let inlineAbstractLabel = -1;
  for (let i = 0; i < front.length; i++) {
    const u = front[i];
    if (u.type === 'heading' && kindOf(u.heading!) === 'abstract' && abstractLabel < 0) { abstractLabel = i; continue; }
    if (abstractLabel < 0 && inlineAbstractLabel < 0 && u.lines.some((l) => /(?:^|\*\*|[^\p{L}])ABSTRACT(?:\*\*|[^\p{L}]|$)/u.test(l.text.slice(0, 5000)))) inlineAbstractLabel = i;
  }
  let pendingLabel: string | null = null;
  const abstractUnits: Unit[] = [];
  const abstractStart = abstractLabel >= 0 ? abstractLabel + 1 : inlineAbstractLabel >= 0 ? inlineAbstractLabel + 1 : -1;
  let abstractDone = false;
  for (let i = 0; i < front.length; i++) {
    const u = front[i];
    if (u.type === 'heading') {
      const kind = kindOf(u.heading!);
      if (i === abstractLabel) { pendingLabel = null; if (abstractUnits.length) abstractDone = true; continue; }
      if (KEYWORD_LABEL.test(u.heading!.title)) { pendingLabel = 'keywords'; u.front = true; if (abstractUnits.length) abstractDone = true; continue; }
      if (kind !== 'abstract') {
        u.front = true;
        // a label standing alone ("Categories and Subject Descriptors"): the next lines are its value
        pendingLabel = /^(categories and subject descriptors|general terms|funding|article history|article info|acm classification|jel classification)$/i.test(u.heading!.title) ? u.heading!.title.toLowerCase() : null;
        if (abstractUnits.length) abstractDone = true;
      }
      continue;
    }
    if (u.front) {
      // the author line: affiliations may follow the names in a run-on header
      for (const l of u.lines) frontText.push(l.text);
      if (i === authorUnit && authorLine) {
        const line = titleFromRunOn ? text.slice(titleFromRunOn.rest, u.lines[u.lines.length - 1].end) : u.lines.map((l) => l.text).join(' ');
        const rest = titleFromRunOn ? line.slice(readAuthorLine(line)?.restAt ?? line.length) : line.slice(authorLine.restAt);
        metadata.affiliations.push(...affiliationsOf(rest, metadata.authors));
      }
      continue;
    }
    const first = u.lines[0].text;
    const joined = u.lines.map((l) => l.text).join(' ');
    const words = joined.split(/\s+/).length;
    const field = fieldOf(plainOf(first));
    if (field && FRONT_LABELS.test(field.label)) {
      u.front = true;
      frontText.push(joined);
      // Fields printed one under another in one block ("Categories and Subject Descriptors: …",
      // "General Terms: …", "Additional Key Words and Phrases: …, critical social" / "theory"):
      // each labelled line opens a field, and unlabelled lines continue the one above.
      const fields: { label: string; lines: string[] }[] = [];
      for (const l of u.lines) {
        const f = fieldOf(plainOf(l.text));
        if (f && FRONT_LABELS.test(f.label)) fields.push({ label: f.label, lines: [l.text] });
        else fields[fields.length - 1].lines.push(l.text);
      }
      for (const f of fields) readField(f.label, fieldOf(plainOf(f.lines.join(' ')))!.value, metadata);
      pendingLabel = field.value ? null : field.label.toLowerCase();
      if (abstractUnits.length && !/^(doi)$/i.test(field.label)) abstractDone = true;
      continue;
    }
    if (pendingLabel && KEYWORD_LABEL.test(pendingLabel) && (words <= 8 || /[,;]/.test(joined)) && !TERMINAL.test(joined.replace(/\.$/, ''))) {
      // keyword values on their own lines
      u.front = true;
      metadata.keywords.push(...splitKeywords(plainOf(joined)));
      if (words > 8) pendingLabel = null;
      continue;
    }
    if (pendingLabel && !/^(keywords|key ?words|index terms)$/.test(pendingLabel) && abstractStart >= 0 && i >= abstractStart && words < 40 && !abstractUnits.length) {
      // the value of a field whose label stood alone ("Funding:" → its sentence)
      u.front = true;
      pendingLabel = null;
      continue;
    }
    pendingLabel = null;
    if (/^©|^\(c\)\s|copyright\b|creative commons|open access article|all rights reserved|permission to make digital/i.test(plainOf(first))) {
      u.front = true;
      const y = /(?:©|copyright)\s*(?:\(c\)\s*)?(\d{4})/i.exec(joined);
      if (y && !metadata.year) metadata.year = Number(y[1]);
      if (abstractUnits.length) abstractDone = true;
      continue;
    }
    const affs = u.lines.flatMap((l) => affiliationsOf(l.text, metadata.authors));
    const looksAffiliation = affs.length > 0 && (words < 40 || /@/.test(joined)) && !(abstractUnits.length && !abstractDone && words > 25);
    if (looksAffiliation) {
      u.front = true;
      metadata.affiliations.push(...affs);
      // Line by line: an imprint line printed under the affiliation is read on its own.
      for (const l of u.lines) frontText.push(l.text);
      if (abstractUnits.length) abstractDone = true;
      continue;
    }
    if (abstractStart >= 0 && i >= abstractStart && !abstractDone) {
      if (!abstractUnits.length && words < 20 && !/[.!?]$/.test(joined)) { u.front = true; continue; }
      abstractUnits.push(u);
      u.front = true;
      u.abstract = true;
      continue;
    }
    if (abstractStart < 0 && !abstractDone && words >= 40 && metadata.title && i > 0) {
      // an abstract printed without a label: the long text between the authors and the first section
      abstractUnits.push(u);
      u.front = true;
      u.abstract = true;
      continue;
    }
    if (abstractUnits.length && !abstractDone && abstractStart < 0) abstractDone = true;
    // left-over short lines of a header (a date line, a banner) are not reading text; without any
    // section heading the text after the title is the body itself
    if (!noBodyHeading && (words < 40 || i < 2)) { u.front = true; frontText.push(joined); }
  }
  if (abstractUnits.length) {
    const a = abstractUnits[0].lines[0].start;
    const lastU = abstractUnits[abstractUnits.length - 1];
    const b = lastU.lines[lastU.lines.length - 1].end;
    metadata.abstractSpan = { start: a, end: b };
    metadata.abstract = abstractUnits.map((u) => cleanPieces(text, u.lines.map((l) => ({ start: l.start, end: l.end })), { joinHyphen: () => true }).text).join('\n\n');
  }

  // DOI and year from the front text
  const ft = frontText.join('\n');
  const doi = /\b(10\.\d{4,9}\/[^\s<>"'\]]+)/.exec(ft);
  if (doi) metadata.doi = doi[1].replace(/[.,;)>]+$/, '');
  // A date line of a report's cover: "Published 20 October 2025", "Released: March 2024".
  if (!metadata.dates.length) {
    for (const line of ft.split('\n')) {
      const m = /^(published|released|issued)\b:?\s+(?:on\s+)?(.{6,40})$/i.exec(plainOf(line).trim());
      const date = m ? isoDate(m[2]) : null;
      if (date) {
        metadata.dates.push({ label: m![1].toLowerCase(), date });
        break;
      }
    }
  }
  // A report's imprint lines (a kicker, a byline): its series, publisher and date, the first of
  // each, are what a reference cites it by.
  const imprint: Imprint = { series: null, publisher: null, date: null };
  for (const line of ft.split('\n')) {
    const found = imprintOf(plainOf(line));
    if (!found) continue;
    imprint.series ??= found.series;
    imprint.publisher ??= found.publisher;
    imprint.date ??= found.date;
  }
  if (imprint.date && !metadata.dates.some((d) => d.label === 'date')) metadata.dates.push({ label: 'date', date: imprint.date });
  if (!metadata.venue && (imprint.series || imprint.publisher)) metadata.venue = [imprint.series, imprint.publisher].filter(Boolean).join(', ');
  const dated = metadata.dates.find((d) => /publish|online|available/i.test(d.label)) ?? metadata.dates[metadata.dates.length - 1];
  if (dated && !metadata.year) metadata.year = Number(dated.date.slice(0, 4));

  // declared metadata (YAML front matter, PDF/HTML info) wins over what was inferred
  if (typeof declared.title === 'string' && declared.title) {
    metadata.title = declared.title;
    const at = metadata.titleSpan ? null : text.indexOf(declared.title);
    if (at !== null && at >= 0) metadata.titleSpan = { start: at, end: at + declared.title.length };
    // a Markdown "# Title" repeating the declared title is the title, not a section
    const first = units.find((u) => u.type === 'heading' && !u.front);
    if (first && stripInline(first.heading!.title).toLowerCase() === declared.title.toLowerCase()) first.front = true;
  }
  if (typeof declared.subtitle === 'string') metadata.subtitle = declared.subtitle;
  if (Array.isArray(declared.authors) && declared.authors.length) metadata.authors = declared.authors as string[];
  if (Array.isArray(declared.keywords) && declared.keywords.length) metadata.keywords = declared.keywords as string[];
  if (typeof declared.date === 'string') {
    const d = isoDate(declared.date) ?? (/^\d{4}(-\d{2}){0,2}$/.test(declared.date) ? declared.date : null);
    if (d) {
      metadata.dates = [{ label: 'date', date: d }, ...metadata.dates.filter((x) => x.label !== 'date')];
      metadata.year = Number(d.slice(0, 4));
    }
  }
  metadata.affiliations = dedupe(metadata.affiliations);
  metadata.keywords = dedupe(metadata.keywords);
  if (!metadata.abstract) ctx.report.info(source.path, metadata.titleSpan?.end ?? 0, 'Unexpected front matter without an abstract, expected a paragraph after "Abstract"', 'no-abstract');
  return { metadata };
}

function readField(label: string, value: string, metadata: DocumentMetadata): void {
  const l = label.toLowerCase();
  if (KEYWORD_LABEL.test(l)) { metadata.keywords.push(...splitKeywords(value)); return; }
  if (/^doi$/.test(l)) { const d = /10\.\d{4,9}\/[^\s<>"'\]]+/.exec(value); if (d) metadata.doi = d[0].replace(/[.,;)>]+$/, ''); return; }
  const date = isoDate(value);
  if (date && /^(received|revised|accepted|available online|published|published online|online|date|dated)$/.test(l)) metadata.dates.push({ label: l, date });
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sameText(a: Unit, b: Unit): boolean {
  const norm = (u: Unit): string => u.lines.map((l) => plainOf(l.text)).join(' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}

/**
 * Does the author line come after unit `i`: as the next unit but headings, or, marked "By …", a few
 * units on (a web page's kicker and standfirst stand between its title and its byline)?
 */
function authorsFollow(units: readonly Unit[], i: number): boolean {
  let prose = 0;
  for (let k = i + 1; k < Math.min(units.length, i + 4); k++) {
    const v = units[k];
    if (v.type === 'heading') continue;
    const first = v.lines[0].text;
    if (v.lines.length <= 5 && (prose === 0 || /^by\s/i.test(first)) && readAuthorLine(first) !== null) return true;
    prose++;
  }
  return false;
}

/** Lines before a title that are not it: ISSN, URLs, DOIs, page numbers, journal banners. */
function isPreTitleNoise(u: Unit): boolean {
  const t = plainOf(u.lines[0].text);
  if (u.lines.length > 3) return false;
  return /^(?:e-?issn|issn|isbn|vol\.?|volume|issue|doi|https?:|<https?:|www\.|page\s|pp\.|received|published|citation|©)/i.test(t) ||
    /^<?https?:\/\/\S+>?$/.test(t) || /^\d+$/.test(t) ||
    (t === t.toUpperCase() && /\b(JOURNAL|REVIEW|ARCHIVES|PROCEEDINGS|TRANSACTIONS|BULLETIN|QUARTERLY|MAGAZINE|ANNALS)\b/.test(t));
}

/**
 * The reading text of a structured source: clean paragraphs (with the pieces of source they come
 * from), their sentences (repeats marked), and the reference entries and notes of the reference and
 * notes sections and of footnote lines.
 */
import type { Note, Paragraph, ReferenceEntry, Sentence, StructuredSection } from '../model/document.js';
import type { SectionKind } from '../model/schema.js';
import { cleanPieces, trimSpan, type MappedText } from './clean.js';
import { stripInline } from './inline.js';
import type { Line } from './lines.js';
import { parseEntry, splitEntries } from './references.js';
import { collectSectionLines } from './sections.js';
import { splitSentences } from './sentences.js';
import type { Unit } from './units.js';

/** Paragraphs with their cleaned text, and the lines of reference and notes sections set aside. */
export interface ParagraphsRead {
  paragraphs: Paragraph[];
  mapped: MappedText[];
  refLines: { section: number; lines: Line[] }[];
}

/** Clean paragraphs of the text units that are not front matter (the abstract is kept), in reading order. */
export function buildParagraphs(units: readonly Unit[], text: string, sections: readonly StructuredSection[], sectionOfUnit: ReadonlyMap<Unit, number>, joinHyphen: (left: string, right: string) => boolean): ParagraphsRead {
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
  return { paragraphs, mapped, refLines };
}

/** Sentences of the paragraphs with spans into the source; a long sentence printed again points to its first print. */
export function buildSentences(paragraphs: readonly Paragraph[], mapped: readonly MappedText[], text: string): Sentence[] {
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
  return sentences;
}

/** A reference entry with the label it is cited by ("[12]"), when it has one. */
export type LabelledReference = ReferenceEntry & { label?: string | null };

/** Reference entries and notes: the entries of reference and notes sections, and footnote lines. */
export function buildReferencesAndNotes(lines: Line[], text: string, sections: StructuredSection[], refLines: { section: number; lines: Line[] }[]): { references: LabelledReference[]; notes: Note[] } {
  const references: LabelledReference[] = [];
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
  return { references, notes };
}

/** Superscript digits ("¹²") as plain digits. */
function superToDigits(s: string): string {
  const map: Record<string, string> = { '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4', '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9' };
  return [...s].map((c) => map[c] ?? '').join('') || s;
}

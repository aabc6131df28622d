/**
 * structure: SourceText → StructuredSource, read the way a careful reader does. Lines are marked
 * (page numbers, running headers, footnote bodies), grouped into units (headings and text, see
 * units.ts), text re-joined across page breaks, the front matter read for metadata (front.ts),
 * sections nested and given a kind (sections.ts), the reference list split off, and clean
 * paragraphs and sentences kept with spans into the source (body.ts). Every pass is linear in the
 * size of the text.
 */
import type { InlineCitation, ReferenceEntry, SourceText, StructuredSource } from '../model/document.js';
import type { StageContext } from '../model/context.js';
import { buildParagraphs, buildReferencesAndNotes, buildSentences } from './body.js';
import { readFront } from './front.js';
import { hyphenatedWords } from './hyphens.js';
import { markCaptions, markNotes, markPageNoise, markRegions, markYaml, toLines } from './lines.js';
import { institutionOf } from './metadata.js';
import { findCitations, linkCitations } from './references.js';
import { buildSections } from './sections.js';
import { checkUnsureReferences, decideTentative, flattenReferenceLists, flattenTermLists, joinAcrossBreaks, keepNumberSequence, toUnits } from './units.js';
import { markTitleHeadings } from './title-headings.js';
import { readYaml } from './yaml.js';
import { contentsLineRuns, isContentsLine, zonesOf } from './zones.js';

export { splitSentences } from './sentences.js';
export { hyphenatedWords } from './hyphens.js';

/** Options of {@link structure}. */
export interface StructureOptions {
  /** Words of a short paragraph that must start lower-case to be read as a page-break continuation. */
  minWordsForOpenEnd: number;
}

/** The options {@link structure} runs with unless told otherwise. */
export const defaultStructureOptions: Readonly<StructureOptions> = { minWordsForOpenEnd: 15 };

/** Structure one source. Pure; problems go to `ctx.report` as warnings with positions. */
export function structure(source: SourceText, ctx: StageContext, options: Readonly<StructureOptions> = defaultStructureOptions): StructuredSource {
  const text = source.text;
  const lines = toLines(text);
  const yamlSpan = markYaml(lines);
  const declared = { ...(source.declared ?? {}), ...(yamlSpan ? readYaml(text, lines, yamlSpan, source, ctx) : {}) };
  markRegions(lines, source.regions);
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
  units = flattenTermLists(units);
  units = keepNumberSequence(units);
  units = joinAcrossBreaks(units, options);

  // Read only when some line ends in a hyphen before a lower-case word (not every source has one).
  let hyphenated: Set<string> | null = null;
  const joinHyphen = (left: string, right: string): boolean => !(hyphenated ??= hyphenatedWords(text)).has(`${left}-${right}`.toLowerCase());

  const front = readFront(units, text, declared, source, ctx);
  // an entry of the contents list set in heading type ("1. What is … 8") is no section of its own
  const contents = contentsLineRuns(text, source.pageStarts);
  for (const u of units) {
    if (u.type !== 'heading' || u.front || !u.lines.length) continue;
    const at = u.lines[0].start;
    if (contents.some((r) => r.start <= at && at <= r.end) && isContentsLine(u.lines[u.lines.length - 1].text)) u.front = true;
  }
  // the title repeated as a heading on the first pages is no section
  markTitleHeadings(units, front.metadata, source.pageStarts && source.pageStarts.length > 3 ? source.pageStarts[3] : text.length * 0.15);
  const { sections, sectionOfUnit } = buildSections(units, text);
  const { paragraphs, mapped, refLines } = buildParagraphs(units, text, sections, sectionOfUnit, joinHyphen);
  const sentences = buildSentences(paragraphs, mapped, text);
  const { references, notes } = buildReferencesAndNotes(lines, text, sections, refLines);

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

  const doc = { source, metadata: front.metadata, sections, paragraphs, sentences, references: refs, notes, inlineCitations };
  return { ...doc, zones: zonesOf(doc) };
}

/**
 * The passage a citation points to, as the HTML reader shows it: the paragraph(s) of the source
 * around the cited span, the span itself (to be marked), its page and section. A citation whose
 * quote cannot be marked in its source's text carries the reason instead.
 */
import type { Brief, Citation, SourceEntry } from '../model/schema.js';

/** A source's text as read, for the reader (offsets are those of the model's citations). */
export interface SourceText {
  text: string;
  /** For paginated sources: offset at which each page starts. */
  pageStarts?: readonly number[];
}

/** One cited passage, ready to print. Text fields are plain (unescaped) source text. */
export interface CitedPassage {
  /** 1-based number of the source in `brief.sources`. */
  n: number;
  start: number;
  end: number;
  /** Text before the quote, from the start of its paragraph (or a little before, cut at a word). */
  before: string;
  /** The cited text: exactly `text.slice(start, end)` when `marked`. */
  quote: string;
  after: string;
  page: number | null;
  section: string | null;
  /** Whether the quote is the source text at its span, so it can be marked in place. */
  marked: boolean;
  /** Why the quote is not marked (when `marked` is false). */
  reason?: string;
}

/** How far a passage reaches beyond its quote on each side, in characters, at most. */
const reach = 600;
/** A paragraph shorter than this (a heading, a one-line caption) brings its neighbour along. */
const shortParagraph = 240;

const paragraphBreak = /\n[ \t]*\n/;

/** How far back or ahead a paragraph break is looked for; a longer paragraph is cut to `reach` anyway. */
const window = 4000;

/** Start of the paragraph containing `offset`: just after the last blank line before it. */
function paragraphStart(text: string, offset: number): number {
  const from = Math.max(0, offset - window);
  let at = from;
  const re = new RegExp(paragraphBreak.source, 'g');
  const head = text.slice(from, offset);
  for (let m = re.exec(head); m; m = re.exec(head)) at = from + m.index + m[0].length;
  return at;
}

/** End of the paragraph containing `offset`: the next blank line at or after it. */
function paragraphEnd(text: string, offset: number): number {
  const m = new RegExp(paragraphBreak.source).exec(text.slice(offset, offset + window));
  return m ? offset + m.index : Math.min(text.length, offset + window);
}

/**
 * The context of `[start, end)` in `text`: its paragraph, with the neighbouring paragraph when it
 * is short, cut to `reach` characters on each side at a word boundary (an ellipsis marks a cut).
 */
export function contextOf(text: string, start: number, end: number): { before: string; after: string } {
  let from = paragraphStart(text, start);
  let to = paragraphEnd(text, Math.max(start, end - 1));
  if (to - from < shortParagraph) {
    if (from > 0) from = paragraphStart(text, Math.max(0, from - 2));
    if (to - from < shortParagraph && to < text.length) to = paragraphEnd(text, Math.min(text.length, to + 2) + 1);
  }
  let before = text.slice(from, start);
  let after = text.slice(end, to);
  if (before.length > reach) before = '… ' + before.slice(before.length - reach).replace(/^\S*\s+/, '');
  if (after.length > reach) after = after.slice(0, reach).replace(/\s+\S*$/, '') + ' …';
  return { before, after };
}

/** 1-based page of `offset` in a paginated source, else null. */
function pageOf(source: SourceText | undefined, offset: number): number | null {
  const starts = source?.pageStarts;
  if (!starts?.length) return null;
  let page = 1;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) page = i + 1;
  return page;
}

/** The innermost section of a source containing `offset`, by number or heading. */
function sectionOf(entry: SourceEntry, offset: number): string | null {
  let best: SourceEntry['sections'][number] | null = null;
  for (const s of entry.sections) if (s.start <= offset && offset < s.end && (!best || s.level >= best.level)) best = s;
  return best ? (best.number ? `${best.number} ${best.heading}` : best.heading) : null;
}

/** Every citation of the brief by source and span, so a passage can be checked against the quote the model stored. */
function citationsBySpan(brief: Brief): Map<string, Citation> {
  const all = new Map<string, Citation>();
  const items: { citations: readonly Citation[] }[] = [...brief.findings, ...brief.recommendations, ...brief.glossary, ...brief.timeline, ...(brief.quotes ?? [])];
  for (const item of items) for (const c of item.citations) all.set(`${c.sourceId}\u0000${c.start}\u0000${c.end}`, c);
  return all;
}

/**
 * The passage of each cited span (source number and offsets, as the reader's links name them).
 * The quote is marked when the source text is at hand and its slice is the quote the model holds.
 */
export function citedPassages(brief: Brief, spans: readonly { n: number; start: number; end: number }[], texts: ReadonlyMap<string, SourceText>): CitedPassage[] {
  const stored = citationsBySpan(brief);
  const out: CitedPassage[] = [];
  for (const { n, start, end } of spans) {
    const entry = brief.sources[n - 1];
    if (!entry) continue;
    const source = texts.get(entry.id);
    const model = stored.get(`${entry.id}\u0000${start}\u0000${end}`);
    const summary = entry.summary.find((x) => x.start === start && x.end === end);
    const expected = model?.quote ?? summary?.text ?? null;
    const page = model?.page ?? pageOf(source, start);
    const section = sectionOf(entry, start) ?? model?.section ?? null;
    const base = { n, start, end, page, section };
    if (!source) {
      out.push({ ...base, before: '', quote: expected ?? '', after: '', marked: false, reason: 'the source text is not at hand (the brief was rendered from model.json alone)' });
      continue;
    }
    const slice = source.text.slice(start, end);
    // A summary sentence is stored tidied (spaces folded), a citation's quote exactly.
    const same = expected === null || slice === expected || slice.replace(/\s+/g, ' ').trim() === expected.replace(/\s+/g, ' ').trim();
    if (end > source.text.length || !slice.trim() || !same) {
      const reason = end > source.text.length ? 'its span lies past the end of the source text' : !slice.trim() ? 'its span is empty' : 'the source text at its span is not the quote (the source changed since it was read)';
      out.push({ ...base, before: '', quote: expected ?? slice, after: '', marked: false, reason });
      continue;
    }
    out.push({ ...base, ...contextOf(source.text, start, end), quote: slice, marked: true });
  }
  return out;
}

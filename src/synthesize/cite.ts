/** Citations: a span of a source, with its exact quote and the section (and page) it lies in. */
import type { Span, StructuredSource } from '../model/document.js';
import type { Citation } from '../model/schema.js';

/** The label of the innermost section containing `offset` ("3.1" or its heading), or null. */
export function sectionLabelAt(doc: StructuredSource, offset: number): string | null {
  let best: StructuredSource['sections'][number] | null = null;
  for (const s of doc.sections) {
    if (s.start <= offset && offset < s.end && (!best || s.level >= best.level)) best = s;
  }
  return best ? best.number ?? best.heading : null;
}

/** 1-based page of `offset` in a paginated source, else null. */
export function pageAt(doc: StructuredSource, offset: number): number | null {
  const starts = doc.source.pageStarts;
  if (!starts?.length) return null;
  let page = 1;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= offset) page = i + 1;
  return page;
}

/** A citation whose quote is exactly the cited slice of the source text. */
export function citationOf(doc: StructuredSource, span: Span): Citation {
  const { text, id } = doc.source;
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  return { sourceId: id, start, end, quote: text.slice(start, end), section: sectionLabelAt(doc, start), page: pageAt(doc, start) };
}

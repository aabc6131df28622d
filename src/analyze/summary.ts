/** Extractive summary (foundation version: lead sentences up to the word budget). */
import type { SpanText, StructuredSource } from '../model/document.js';
import type { AnalyzeOptions } from '../model/context.js';

export function summarize(doc: StructuredSource, options: Pick<AnalyzeOptions, 'summaryWords'>): SpanText[] {
  const out: SpanText[] = [];
  let words = 0;
  for (const s of doc.sentences) {
    if (words >= options.summaryWords) break;
    out.push({ start: s.start, end: s.end, text: s.text });
    words += s.text.split(/\s+/).length;
  }
  return out;
}

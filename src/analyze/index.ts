/**
 * analyze: StructuredSource → SourceAnalysis. Pure and per source, so it can be cached and run in
 * worker threads; corpus-level ranking (IDF) happens in synthesize.
 */
import type { SourceAnalysis, StructuredSource } from '../model/document.js';
import type { AnalyzeOptions, StageContext } from '../model/context.js';
import { collectCandidates } from './keyphrases.js';
import { summarize } from './summary.js';
import { findFindings } from './findings.js';
import { findRecommendations } from './recommendations.js';
import { findTerms } from './glossary.js';
import { findEvents } from './timeline.js';
import { findQuotes } from './quotes.js';

/**
 * The summary compares every sentence with every other (a dense matrix), so it reads at most this
 * many: papers have a few hundred; a 1 MB single paragraph has 14,000 (1.5 GB of similarities).
 */
const maxSummarySentences = 3000;

/** The document with only its first `n` sentences (spans and indices unchanged). */
function firstSentences(doc: StructuredSource, n: number): StructuredSource {
  return doc.sentences.length <= n ? doc : { ...doc, sentences: doc.sentences.slice(0, n) };
}

/** Ends of the sentences a recommendation covers: an item of several sentences covers them all. */
function prescribing(doc: StructuredSource, recommendations: readonly { start: number; end: number }[]): Set<number> {
  const ends = new Set(recommendations.map((r) => r.end));
  const spans = [...recommendations].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const s of doc.sentences) {
    while (k < spans.length && spans[k].end <= s.start) k++;
    // Spans may nest or overlap, so look a little ahead of the first that has not ended.
    for (let j = k; j < spans.length && spans[j].start < s.end; j++) if (spans[j].end > s.start) { ends.add(s.end); break; }
  }
  return ends;
}

/** Stage entry: everything extracted from one source, each item with the span it came from. */
export function analyze(doc: StructuredSource, ctx: StageContext, options: AnalyzeOptions): SourceAnalysis {
  const candidates = collectCandidates(doc);
  const recommendations = findRecommendations(doc, options);
  // A sentence that prescribes is a recommendation, not also a finding.
  const findings = findFindings(doc, prescribing(doc, recommendations));
  // Dates in explicit advice are deadlines it sets, not events (a possibility may still tell one).
  const advice = new Set(recommendations.filter((r) => r.strength === 'explicit').map((r) => r.end));
  void ctx;
  return {
    doc,
    candidates,
    keyphrases: [],
    summary: summarize(firstSentences(doc, maxSummarySentences), options),
    findings,
    recommendations,
    terms: findTerms(doc),
    events: findEvents(doc, advice),
    quotes: findQuotes(doc),
  };
}

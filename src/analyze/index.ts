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

export function analyze(doc: StructuredSource, ctx: StageContext, options: AnalyzeOptions): SourceAnalysis {
  const candidates = collectCandidates(doc);
  return {
    doc,
    candidates,
    keyphrases: [],
    summary: summarize(doc, options),
    findings: findFindings(doc),
    recommendations: findRecommendations(doc, options),
    terms: findTerms(doc),
    events: findEvents(doc),
    quotes: findQuotes(doc),
  };
}

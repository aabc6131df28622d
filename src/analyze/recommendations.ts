/** Recommendations (foundation version: sentences with duty words). */
import type { ExtractedRecommendation, StructuredSource } from '../model/document.js';
import type { AnalyzeOptions } from '../model/context.js';

const duty = /\b(should|must|needs? to|ought to|it is (imperative|essential|necessary))\b/i;

export function findRecommendations(doc: StructuredSource, _options: Pick<AnalyzeOptions, 'actorAliases'>): ExtractedRecommendation[] {
  return doc.sentences
    .filter((s) => duty.test(s.text))
    .map((s) => ({ start: s.start, end: s.end, text: s.text, actor: null, action: null, strength: 'explicit' as const, section: s.section }));
}

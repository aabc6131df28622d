/** Findings (foundation version: sentences with assessment cues). */
import type { ExtractedFinding, StructuredSource } from '../model/document.js';

const cue = /\b(shows?|found|finds|concludes?|argues?|suggests?|indicates?|reveals?|demonstrates?|highlights?)\b/i;

export function findFindings(doc: StructuredSource): ExtractedFinding[] {
  return doc.sentences
    .filter((s) => cue.test(s.text) && s.text.split(/\s+/).length >= 8)
    .map((s) => ({ start: s.start, end: s.end, text: s.text, score: 1, section: s.section }));
}

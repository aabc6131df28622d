/** The tagged tokens of every sentence of a structured source (read by the keyphrase extractor). */
import type { StructuredSource } from '../../model/document.js';
import { tagText, type TaggedToken } from './nlp.js';

/** Tokens of each sentence, offsets relative to `sentence.text`. */
export type SentenceTokens = TaggedToken[][];

const separator = '\n\n';

/** Tags all sentences in one pass (one wink-nlp document), then hands each sentence its tokens. */
export function sentenceTokens(doc: StructuredSource): SentenceTokens {
  const starts: number[] = [];
  let joined = '';
  for (const s of doc.sentences) {
    if (joined) joined += separator;
    starts.push(joined.length);
    joined += s.text;
  }
  const out: SentenceTokens = doc.sentences.map(() => []);
  let i = 0;
  for (const t of tagText(joined)) {
    while (i + 1 < starts.length && t.start >= starts[i + 1]) i++;
    const base = starts[i];
    const end = Math.min(t.end, base + doc.sentences[i].text.length);
    if (end <= t.start) continue;
    // The tokens are fresh objects of this call: rebased in place rather than copied.
    t.start -= base;
    t.end = end - base;
    out[i].push(t);
  }
  return out;
}

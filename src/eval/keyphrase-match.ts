/**
 * Keyphrase scoring under the customary protocol (SemEval-2010 Task 5): predictions and gold
 * phrases are lower-cased and Porter-stemmed word by word; a prediction counts when its stemmed
 * form equals a gold one. Precision divides by the number of predictions considered (at most k),
 * recall by the number of distinct gold phrases, present in the text or not.
 */
import { stemPhrase } from '../analyze/text/stem.js';
import type { Prf } from './rouge.js';

/** Distinct stemmed forms, in first-seen order (empty forms dropped). */
export function stemmedSet(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of phrases) {
    const s = stemPhrase(p);
    if (s && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

/** Precision, recall and F1 of the top k predictions against the gold list. */
export function matchAtK(predicted: readonly string[], gold: readonly string[], k: number): Prf {
  const top = stemmedSet(predicted).slice(0, k);
  const g = new Set(stemmedSet(gold));
  const hits = top.filter((p) => g.has(p)).length;
  const p = top.length ? hits / top.length : 0;
  const r = g.size ? hits / g.size : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

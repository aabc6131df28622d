/** Sparse term vectors of sentences (stemmed content words) and their cosine similarity. */
import { stemWord, wordsOf } from './stem.js';
import { isStopWord } from './stopwords.js';

/** A sparse vector: term → weight. */
export type TermVector = Map<string, number>;

/** Is a word (from `wordsOf`) a content word: not a stop word, a single character or a number? */
export function isContentWord(w: string): boolean {
  if (w.length < 2 || isStopWord(w)) return false;
  // Numbers are no terms (only a word starting with a digit can be one).
  const c = w.charCodeAt(0);
  return !(c >= 48 && c <= 57 && /^\d+$/.test(w));
}

/** Stemmed content words of a text (stop words, one-letter tokens and numbers dropped). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of wordsOf(text)) if (isContentWord(w)) out.push(stemWord(w));
  return out;
}

const termsBySentence = new WeakMap<object, readonly string[]>();

/**
 * `contentTerms` of a sentence, computed once per sentence object and shared by every extractor
 * that reads it (summary, findings, themes): the list must not be modified.
 */
export function sentenceTerms(sentence: { readonly text: string }): readonly string[] {
  let terms = termsBySentence.get(sentence);
  if (!terms) termsBySentence.set(sentence, (terms = contentTerms(sentence.text)));
  return terms;
}

/** Term frequencies of a list of terms. */
export function countTerms(terms: readonly string[]): TermVector {
  const v: TermVector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

/** Inverse "document" frequencies over a set of term lists (each list one unit, e.g. a sentence). */
export function inverseFrequencies(units: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const u of units) for (const t of new Set(u)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = units.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  return idf;
}

/** TF-IDF weighted vector. */
export function weigh(tf: TermVector, idf: ReadonlyMap<string, number>): TermVector {
  const v: TermVector = new Map();
  for (const [t, f] of tf) v.set(t, f * (idf.get(t) ?? 0));
  return v;
}

/** Euclidean norm. */
export function norm(v: TermVector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** Cosine similarity (0 when either vector is empty). */
export function cosine(a: TermVector, b: TermVector, na = norm(a), nb = norm(b)): number {
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) dot += x * y;
  }
  return dot / (na * nb);
}

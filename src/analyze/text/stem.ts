/** Porter stemming of words and phrases (the `stemmer` package), memoised per word. */
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Lower-cases and Porter-stems one word. */
export function stemWord(word: string): string {
  const w = word.toLowerCase();
  let s = cache.get(w);
  if (s === undefined) {
    s = stemmer(w);
    if (cache.size > 200_000) cache.clear();
    cache.set(w, s);
  }
  return s;
}

/** Splits a phrase into lower-case words (letters and digits; hyphens split words). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The stemmed form of a phrase: its words stemmed and joined by single spaces. */
export function stemPhrase(text: string): string {
  return wordsOf(text).map(stemWord).join(' ');
}

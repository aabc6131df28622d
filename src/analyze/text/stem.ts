/** Porter stemming of words and phrases (the `stemmer` package), memoised per word. */
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Lower-cases and Porter-stems one word. */
export function stemWord(word: string): string {
  // Keyed by the word as given, so a hit costs no lower-casing (slow on strings cut from text
  // outside Latin-1, which most papers are).
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmer(word.toLowerCase());
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/** The lower-cased text when it is one run of ASCII letters and digits, else null. */
function asciiWord(text: string): string | null {
  if (text.length === 0 || text.length > 64) return null;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return null;
  }
  return upper ? text.toLowerCase() : text;
}

/** Splits a phrase into lower-case words (letters and digits; hyphens split words). */
export function wordsOf(text: string): string[] {
  // Most calls pass one plain word (a token): no regex needed for it.
  const word = asciiWord(text);
  if (word !== null) return [word];
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The stemmed form of a phrase: its words stemmed and joined by single spaces. */
export function stemPhrase(text: string): string {
  return wordsOf(text).map(stemWord).join(' ');
}

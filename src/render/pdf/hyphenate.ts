/**
 * English (US) hyphenation points by Frank Liang's method over the TeX patterns that the `hyphen`
 * package ships, read straight from its data: the package's own text scanner works through
 * closures at every character, which made hyphenation a large part of a cold render. Same
 * points as `hyphen`'s `hyphenateSync` for any word of letters (checked in the tests).
 */
import { createRequire } from 'node:module';

type Trie = { [letter: string]: Trie | number | [Trie, number] };

// Required, not imported: importing a 100 KB CommonJS file from an ES module first scans it for
// export names, which cost ~45 ms more in a cold process than loading it.
const [levelsTable, trie, exceptions] = createRequire(import.meta.url)('hyphen/patterns/en-us.js') as [number[][], Trie, Record<string, number[]>];

/** Hyphenation points of a lower-case word: offsets where a hyphen may go. */
function markers(lower: string): number[] {
  const known = exceptions[lower];
  if (known) return known;
  const text = `.${lower}.`;
  // Indexed past the word's end when a pattern reaches beyond it, as in `hyphen`.
  const levels: number[] = new Array<number>(lower.length + 1).fill(0);
  for (let p = 0; p + 3 <= text.length; p++) {
    const at = p === 0 ? 0 : p - 1;
    let node: Trie | undefined = trie;
    for (let i = p; i < text.length && node; i++) {
      const entry: Trie[string] | undefined = node[text[i]!];
      if (entry === undefined) break;
      let index = -1;
      if (Array.isArray(entry)) {
        node = entry[0];
        index = entry[1];
      } else if (typeof entry === 'number') {
        node = undefined;
        index = entry;
      } else node = entry;
      if (index < 0) continue;
      const pattern = levelsTable[index]!;
      for (let k = 0; k < pattern.length; k++) levels[at + k] = Math.max(pattern[k]!, levels[at + k]!);
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) out.push(i);
  return out;
}

/** Splits a word of letters into its syllables (one part if it has no hyphenation point). */
export function syllablesOf(word: string): string[] {
  if (word.length < 5) return [word];
  const at = markers(word.toLocaleLowerCase());
  if (at.length === 0) return [word];
  const parts: string[] = [];
  let from = 0;
  for (const m of at) {
    parts.push(word.slice(from, m));
    from = m;
  }
  parts.push(word.slice(from));
  return parts;
}

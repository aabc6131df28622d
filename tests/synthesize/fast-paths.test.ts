/**
 * Synthesis reads the corpus through an index and compares items through shortcuts (postings of
 * stems, copies of one text merged at once, dense dot products, word runs instead of a regular
 * expression). Each shortcut is checked here against the plain definition it replaced, on random
 * inputs: the same answers, to the last bit where the answer is a number.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexSentences, sentencesWith } from '../../src/synthesize/corpus-index.js';
import { countWritten, wordRunsOf } from '../../src/synthesize/themes.js';
import { nearDuplicateGroups, similarPairs } from '../../src/synthesize/merge.js';
import { similarEnough } from '../../src/synthesize/collect.js';
import { stemWord, wordsOf } from '../../src/analyze/text/stem.js';
import { contentTerms, cosine, countTerms, inverseFrequencies, norm, weigh, type TermVector } from '../../src/analyze/text/vectors.js';

// A small vocabulary, so random sentences share words, stems ("border", "borders") and phrases.
const vocabulary = ['border', 'borders', 'security', 'secure', 'trade', 'Trade', 'the', 'of', 'Pakistan', 'Kabul', 'cross', 'talks', 'peace', '2021', 'a', 'Asia', 'South', 'regional', 'naïve', 'Ürümqi', 'connectivity'];
const separators = [' ', ' ', ' ', '-', ', ', '. ', ' – ', '\u00a0', '  ', "'s "];
const sentence = fc
  .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { minLength: 0, maxLength: 14 })
  .map((parts) => parts.map(([w, s]) => w + s).join('').trim());

/**
 * The definition nearDuplicateGroups must agree with, comparing every pair: copies of a text (with
 * the same identity) are one item; then pairs of first copies in index order, a similar pair joining
 * two groups only when the groups' first items are similar too.
 */
function allPairGroups<T extends { text: string }>(items: readonly T[], threshold: number, compatible: (a: T, b: T) => boolean, identity: (item: T) => string = () => ''): number[][] {
  const terms = items.map((i) => contentTerms(i.text));
  const idf = inverseFrequencies(terms);
  const vectors = terms.map((t) => weigh(countTerms(t), idf));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => (parent[Math.max(a, b)] = Math.min(a, b));
  const similar = (i: number, j: number) => compatible(items[i], items[j]) && cosine(vectors[i], vectors[j]) >= threshold;
  const first = new Map<string, number>();
  const firsts: number[] = [];
  items.forEach((item, i) => {
    if (norm(vectors[i]) === 0) return;
    const key = `${identity(item)}\u0000${item.text}`;
    if (first.has(key)) union(first.get(key)!, i);
    else {
      first.set(key, i);
      firsts.push(i);
    }
  });
  for (let x = 0; x < firsts.length; x++) {
    for (let y = x + 1; y < firsts.length; y++) {
      const [i, j] = [firsts[x], firsts[y]];
      if (!similar(i, j)) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b && similar(a, b)) union(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(i));
  return [...groups.values()].sort((a, b) => a[0] - b[0]);
}

describe('corpus index', () => {
  it('finds exactly the sentences whose stems contain a key, as a scan of every sentence did', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 25 }), fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }), (texts, keyWords) => {
        const index = indexSentences(texts.map((text, i) => ({ source: i % 3, text })));
        const key = keyWords.flatMap((w) => wordsOf(w)).map(stemWord).join(' ');
        const scanned = texts.map((t, i) => [` ${wordsOf(t).map(stemWord).join(' ')} `, i] as const).filter(([stems]) => stems.includes(` ${key} `)).map(([, i]) => i);
        expect(sentencesWith(index, key)).toEqual(scanned);
        // With a limit, the first sentences found, one more than the limit when there are more.
        for (const limit of [0, 1, 3]) expect(sentencesWith(index, key, limit)).toEqual(scanned.slice(0, limit + 1));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('weighs content terms by IDF over the sentences, as inverseFrequencies does', () => {
    const texts = ['Border security improved along the border.', 'Trade across the border fell in 2021.', 'The talks in Kabul stalled.', ''];
    const index = indexSentences(texts.map((text) => ({ source: 0, text })));
    const idf = inverseFrequencies(texts.map((t) => contentTerms(t)));
    expect([...index.idf.entries()]).toEqual([...idf.entries()]);
    expect(sentencesWith(index, 'border secur')).toEqual([0]);
    expect(sentencesWith(index, 'border')).toEqual([0, 1]);
    expect(sentencesWith(index, 'kabul talk')).toEqual([]);
    expect(sentencesWith(index, 'unknown')).toEqual([]);
  });
});

describe('theme shortcuts', () => {
  it('counts written forms of a phrase as the case-insensitive regular expression matched them', () => {
    fc.assert(
      fc.property(sentence, fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 2 }), (text, phraseWords) => {
        const words = phraseWords.flatMap((w) => wordsOf(w));
        fc.pre(words.length > 0);
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'giu');
        const expected = new Map<string, number>();
        for (const m of text.matchAll(re)) expected.set(m[0], (expected.get(m[0]) ?? 0) + 1);
        const got = new Map<string, number>();
        countWritten(text, wordRunsOf(text), words, got);
        expect([...got.entries()]).toEqual([...expected.entries()]);
      }),
      { numRuns: 500, seed: 5 },
    );
    const got = new Map<string, number>();
    const text = 'South Asia, south-Asia and SOUTH  ASIA; southasia, South. Asia';
    countWritten(text, wordRunsOf(text), ['south', 'asia'], got);
    expect([...got.entries()]).toEqual([['South Asia', 1], ['south-Asia', 1], ['SOUTH  ASIA', 1]]);
  });
});

describe('merging shortcuts', () => {
  const item = fc.record({ text: fc.oneof(sentence, fc.constantFrom('Border security improved.', 'Border security improved.', 'The the of a.')), actors: fc.constantFrom([], ['Pakistan'], ['Pakistan', 'Afghanistan'], ['India']), date: fc.constantFrom('2021', '2021-08', '2021-08-15') });
  const items = fc.array(item, { minLength: 0, maxLength: 30 }).map((xs) => xs.map((x, i) => ({ ...x, source: i % 4, start: i })));

  it('groups near-duplicates as comparing every pair would, copies of a text taken once', () => {
    fc.assert(
      fc.property(items, fc.constantFrom(0.15, 0.5, 0.8), (list, threshold) => {
        expect(nearDuplicateGroups(list, threshold)).toEqual(allPairGroups(list, threshold, () => true));
        const sameActors = (a: { actors: string[] }, b: { actors: string[] }) => !a.actors.length || !b.actors.length || a.actors.join('|') === b.actors.join('|');
        const actorsKey = (r: { actors: string[] }) => `${r.actors.length}:${r.actors.join('|')}`;
        expect(nearDuplicateGroups(list, threshold, sameActors, [], undefined, actorsKey)).toEqual(allPairGroups(list, threshold, sameActors, actorsKey));
        const sameDate = (a: { date: string; text: string }, b: { date: string; text: string }) => a.date === b.date && (a.date.length === 10 || similarEnough(a.text, b.text, 0.4));
        expect(nearDuplicateGroups(list, threshold, sameDate, [], (e) => e.date, () => '')).toEqual(allPairGroups(list, threshold, sameDate, (e) => e.date));
      }),
      { numRuns: 200, seed: 9 },
    );
  });

  it('does not chain two unlike points through a sentence that straddles both', () => {
    const at = (text: string, i: number) => ({ text, source: i, start: 0 });
    const a = 'Border trade between Pakistan and Afghanistan collapsed after the closures of Torkham.';
    const bridge = 'Border trade collapsed after the closures of Torkham, and militant attacks on police stations in Khyber rose sharply.';
    const c = 'Militant attacks on police stations in Khyber rose sharply during the winter months.';
    const other = 'Pakistan reopened the Torkham crossing for trucks in the spring.';
    const list = [at(a, 0), at(bridge, 1), at(c, 2), at(other, 3)];
    // The bridge is like both (0.44 and 0.57), the two points share no word: single linkage at 0.4 chained them.
    expect(allPairGroups(list, 0.4, () => true)).toEqual([[0, 1], [2], [3]]);
    expect(nearDuplicateGroups(list, 0.4)).toEqual([[0, 1], [2], [3]]);
  });

  it('lists every pair whose cosine reaches the threshold, through the index of rare terms', () => {
    const vector = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.double({ min: 0.01, max: 9, noNaN: true })), { selector: ([id]) => id, minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(vector, { minLength: 0, maxLength: 40 }), fc.constantFrom(0.15, 0.5, 0.9), (entries, threshold) => {
        const maps: TermVector[] = entries.map((e) => new Map(e.map(([id, x]) => [`t${id}`, x])));
        const norms = maps.map((m) => norm(m));
        const listed = new Set(similarPairs(maps, norms, threshold).map(([i, j]) => `${i}:${j}`));
        for (let i = 0; i < maps.length; i++) {
          for (let j = i + 1; j < maps.length; j++) if (cosine(maps[i], maps[j], norms[i], norms[j]) >= threshold) expect(listed.has(`${i}:${j}`)).toBe(true);
        }
      }),
      { numRuns: 400, seed: 17 },
    );
    // Two vectors sharing only a common light term are not a candidate pair.
    const v = (e: [string, number][]) => new Map(e);
    const maps = [v([['rare1', 5], ['common', 0.1]]), v([['rare2', 5], ['common', 0.1]]), v([['rare1', 4], ['common', 0.1]]), v([['common', 1]])];
    expect(similarPairs(maps, maps.map((m) => norm(m)), 0.5)).toEqual([[0, 2]]);
  });

  it('compares two texts as vectors weighted over the pair alone, as before', () => {
    fc.assert(
      fc.property(sentence, sentence, fc.constantFrom(0.25, 0.4), (a, b, threshold) => {
        const terms = [contentTerms(a), contentTerms(b)];
        const idf = inverseFrequencies(terms);
        const [va, vb] = terms.map((t) => weigh(countTerms(t), idf));
        expect(similarEnough(a, b, threshold)).toBe(cosine(va, vb, norm(va), norm(vb)) >= threshold);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

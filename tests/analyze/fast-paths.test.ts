/**
 * The faster forms of the analyzers' inner steps give exactly what the plain forms gave: each is
 * checked against a straightforward reference implementation on generated input (fast-check,
 * fixed seed) and on the bundled papers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lastWordOf } from '../../src/analyze/glossary.js';
import { maskBibliographic, maskCitations } from '../../src/analyze/body-text.js';
import { endsWithReporting } from '../../src/analyze/recommendations.js';
import { datesIn, isCount } from '../../src/analyze/timeline.js';
import { similarityMatrix } from '../../src/analyze/summary.js';
import { contentTerms, countTerms, inverseFrequencies, weigh, type TermVector } from '../../src/analyze/text/vectors.js';
import { stemWord, wordsOf } from '../../src/analyze/text/stem.js';
import { stemmer } from 'stemmer';
import { repoRoot } from '../helpers.js';

const seed = 20251125;
const bundled = readdirSync(join(repoRoot, 'sources')).filter((n) => n.endsWith('.txt')).sort().map((n) => readFileSync(join(repoRoot, 'sources', n), 'utf8'));

/** Text drawn from characters that matter to these steps: letters (also outside the BMP), digits, dots, spaces, dashes, surrogate halves. */
const oddText = fc
  .array(fc.constantFrom('a', 'Z', 'é', 'Ω', '𝐀', '\ud835', '\udc00', '1', '9', '0', '2', '6', '.', '&', '-', ' ', '\n', '\u00a0', '\u3000', '(', ',', "'", '’', 's', '%', '/', 'in ', 'In ', 'the ', 'Doha ', 'mid-', 'August ', '2021', '1990', '9/11', '20', '19'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('lastWordOf', () => {
  const reference = (text: string) => {
    const m = /([\p{L}\p{N}][\p{L}\p{N}.&-]*)\s*$/u.exec(text);
    return m ? { word: m[1], index: m.index } : null;
  };
  it('matches the anchored regex it replaces', () => {
    fc.assert(
      fc.property(oddText, (t) => {
        expect(lastWordOf(t)).toEqual(reference(t));
      }),
      { seed, numRuns: 3000 },
    );
    for (const t of ['the World Health Organization ', 'U.S. ', 'R&D\n', '', '   ', 'x --', 'ab.-cd  ']) expect(lastWordOf(t)).toEqual(reference(t));
  });
});

describe('datesIn', () => {
  // The year pattern as it was: one global regex with its look-behind tried at every character.
  const yearRe = '((?:1[6-9]|20)\\d\\d)';
  const plainYear = new RegExp(`(?<=(?:^|\\b(?:in|In|since|Since|by|until|till|from|to|during|after|After|before|Before|of|early|late|mid|around|circa|between|and|through|the|The|a|A|an|An|year|years|summer|winter|spring|autumn|fall)\\s+|\\bmid-|\\p{Lu}\\p{L}+\\s+))${yearRe}(?![\\d%]|[,.]\\d|['’]?s\\b)`, 'gu');
  // Amounts ("the 2000 models") are left out by the same rule on both sides.
  const yearsOf = (text: string) => [...text.matchAll(plainYear)].filter((m) => !isCount(text, m.index!, m.index! + 4)).map((m) => `${m.index}:${m[1]}`);

  it('finds every year the plain look-behind pattern finds (and only those), alone and beside other dates', () => {
    fc.assert(
      fc.property(oddText, (t) => {
        const found = datesIn(t);
        // Every plain-pattern year is found, unless a more specific date already covers it.
        for (const y of yearsOf(t)) {
          const [at, year] = y.split(':');
          const start = Number(at);
          const hit = found.find((d) => d.start <= start && start < d.end);
          expect(hit, `${JSON.stringify(t)} ${y}`).toBeDefined();
          if (hit!.start === start && hit!.end === start + 4) expect(hit!.date).toBe(year);
        }
        // A bare-year reading is always one the plain pattern gives.
        const plain = new Set(yearsOf(t));
        for (const d of found) if (/^\d{4}$/.test(d.date) && d.end - d.start === 4) expect(plain.has(`${d.start}:${d.date}`)).toBe(true);
      }),
      { seed, numRuns: 3000 },
    );
  });

  it('reads the years of the bundled papers as the plain pattern does', () => {
    let total = 0;
    for (const text of bundled) {
      const bare = datesIn(text).filter((d) => /^\d{4}$/.test(d.date) && d.end - d.start === 4).map((d) => `${d.start}:${d.date}`);
      const plain = yearsOf(text);
      total += bare.length;
      // Same years, except where a month or decade reading took the place first.
      for (const b of bare) expect(plain).toContain(b);
    }
    expect(total).toBeGreaterThan(20);
  });
});

describe('similarityMatrix', () => {
  /** Cosine of every pair by a merge of the two vectors sorted by term id (ids in order of first appearance). */
  const reference = (vectors: TermVector[]) => {
    const ids = new Map<string, number>();
    for (const v of vectors) for (const t of v.keys()) if (!ids.has(t)) ids.set(t, ids.size);
    const sorted = vectors.map((v) => [...v.entries()].sort((x, y) => ids.get(x[0])! - ids.get(y[0])!));
    const norms = sorted.map((e) => Math.sqrt(e.reduce((s, [, w]) => s + w * w, 0)));
    return sorted.map((a, i) =>
      sorted.map((b, j) => {
        if (i === j) return 1;
        if (!a.length || !b.length) return 0;
        let dot = 0;
        for (const [t, w] of a) if (vectors[j].has(t)) dot += w * vectors[j].get(t)!;
        return dot / (norms[i] * norms[j]);
      }),
    );
  };

  it('equals pairwise cosine similarity, bit for bit, on sentences of a bundled paper', () => {
    const sentences = bundled[0].split(/(?<=[.!?])\s+/).slice(0, 120);
    const terms = sentences.map(contentTerms);
    const idf = inverseFrequencies(terms);
    const vectors = terms.map((t) => weigh(countTerms(t), idf));
    const fast = similarityMatrix(vectors).map((row) => Array.from(row));
    expect(fast).toEqual(reference(vectors));
    expect(fast.flat().filter((x) => x > 0 && x < 1).length).toBeGreaterThan(100);
  });
});

describe('wordsOf and stemWord', () => {
  const word = fc.array(fc.constantFrom('a', 'Z', 'q', 'É', 'é', 'ß', 'İ', '9', '0', '-', "'", ' ', '𝐀', 'ing', 'ED', 'ation'), { maxLength: 12 }).map((p) => p.join(''));
  it('split and stem as the plain regex and stemmer do', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(wordsOf(w)).toEqual(w.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
        expect(stemWord(w)).toBe(stemmer(w.toLowerCase()));
      }),
      { seed, numRuns: 3000 },
    );
  });
});

describe('maskCitations', () => {
  // The masks as they were: every replacement run on every text.
  const blank = (m: string) => ' '.repeat(m.length);
  const plainBibliographic = (text: string) =>
    text
      .replace(/<?https?:\/\/[^\s>]*>?|\bwww\.[^\s>]+/g, blank)
      .replace(/(?:^|(?<=\s))\d{1,3}\s?\.\s+(?:(?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+,\s+[\p{Lu}“"]|[“"])[^]*?(?:\b(?:1[5-9]|20)\d\d[a-z]?\)?[.,]|$)/gu, blank)
      .replace(/[”"][.,]?\s*\*?\p{Lu}[^.;:“”"]{0,60}?\*?,\s*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\/\w+)?\s+(?:\d{1,2},\s*)?)?(?:1[5-9]|20)\d\d\b/gu, blank)
      .replace(/\*[^*\n]{2,80}\*,\s*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\/\w+)?\s+(?:\d{1,2},\s*)?)?(?:1[5-9]|20)\d\d\b/g, blank);
  const plainCitations = (text: string) =>
    plainBibliographic(text)
      .replace(/\((?:[^()]*?\b(?:1[5-9]|20)\d\d[a-z]?\b[^()]*?)\)/g, (m) => (/^\([^()]*[A-Za-z][^()]*\)$/.test(m) && !/^\((?:in|since|from|until|by|after|before) /i.test(m) ? blank(m) : m))
      .replace(/^[^()]*?\b(?:1[5-9]|20)\d\d[a-z]?\)/, (m) => m.replace(/[^,;]*,\s*(?:1[5-9]|20)\d\d[a-z]?\)$/, (t) => ' '.repeat(t.length)))
      .replace(/\([^()]*\b(?:1[5-9]|20)\d\d[a-z]?[^()]*$/, (m) => (/\p{Lu}/u.test(m) ? blank(m) : m))
      .replace(/\[\d+(?:[,–-]\s*\d+)*\]/g, blank)
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, blank);
  const citing = fc
    .array(fc.constantFrom('Khan', ', ', '(', ')', '2021', '1999', '[3]', '[1, 2]', '¹²', '“Title.” ', '"', 'Dawn', ', March 3, ', '*Venue*', '8. ', 'Kux, Dennis. ', 'https://x.org/a ', 'www.y.pk ', 'in ', '.', ' ', 'et al. '), { maxLength: 16 })
    .map((p) => p.join(''));
  it('equals the plain masks on generated citations and on every sentence-sized piece of the bundled papers', () => {
    fc.assert(
      fc.property(citing, (t) => {
        expect(maskCitations(t)).toBe(plainCitations(t));
        expect(maskBibliographic(t)).toBe(plainBibliographic(t));
      }),
      { seed, numRuns: 3000 },
    );
    for (const text of bundled) for (const piece of text.split(/(?<=[.!?])\s+/)) expect(maskCitations(piece)).toBe(plainCitations(piece));
  });
});

describe('endsWithReporting', () => {
  const reporting = /\b(?:said|says|stated|states|argued|argues|claimed|claims|declared|declares|demanded|requested|asked|insisted|insists|warned|warns|told|believed|believes|contended|contends|maintained|asserted|asserts|announced|vowed|pledged|promised|urged|suggested|proposed|emphasi[sz]ed|stressed|opined|observed|remarked|added|wrote|hoped|expected|anticipated|thought|felt|feared)\s+(?:that\s+)?$/i;
  it('equals the end-anchored pattern', () => {
    const piece = fc.constantFrom('said', 'SAID', 'unsaid', 'anticipated', 'emphasized', 'emphasised', 'that', 'That', 'thAT', ' ', '  ', '\n', '\u00a0', 'x', ',', 'the US', 'Khan ', 'felt', 'thought', '_', '9');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const t = parts.join('');
        expect(endsWithReporting(t)).toBe(reporting.test(t));
      }),
      { seed, numRuns: 5000 },
    );
  });
});

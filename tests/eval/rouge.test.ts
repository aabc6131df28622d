import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeL, rougeN, rougeTokens } from '../../src/eval/rouge.js';

describe('ROUGE', () => {
  it('tokenises by lower-casing, splitting on non-alphanumerics and Porter-stemming', () => {
    expect(rougeTokens('The Cats were RUNNING, fast!')).toEqual(['the', 'cat', 'were', 'run', 'fast']);
  });

  it('gives ROUGE-1, ROUGE-2 and ROUGE-L of a hand-worked example', () => {
    const c = rougeTokens('the cat sat on the mat');
    const r = rougeTokens('the cat was on the mat');
    // Unigrams: the×2, cat, on, mat shared = 5 of 6 each way.
    expect(rougeN(c, r, 1).f).toBeCloseTo(5 / 6, 10);
    // Bigrams: "the cat", "on the", "the mat" shared = 3 of 5.
    expect(rougeN(c, r, 2).p).toBeCloseTo(3 / 5, 10);
    expect(rougeN(c, r, 2).r).toBeCloseTo(3 / 5, 10);
    // LCS "the cat on the mat" = 5.
    expect(lcsLength(c, r)).toBe(5);
    expect(rougeL(c, r).f).toBeCloseTo(5 / 6, 10);
  });

  it('clips repeated n-grams and separates precision from recall', () => {
    const x = rougeN(['the', 'the', 'the'], ['the', 'cat'], 1);
    expect(x.p).toBeCloseTo(1 / 3, 10);
    expect(x.r).toBeCloseTo(1 / 2, 10);
    expect(x.f).toBeCloseTo(0.4, 10);
  });

  it('scores identical texts 1, disjoint texts 0, and matches stemmed variants', () => {
    const same = rouge('Extractive summaries are short.', 'extractive summaries are short');
    expect([same.r1.f, same.r2.f, same.rl.f]).toEqual([1, 1, 1]);
    const none = rouge('alpha beta', 'gamma delta');
    expect([none.r1.f, none.r2.f, none.rl.f]).toEqual([0, 0, 0]);
    expect(rouge('running dogs', 'run dog').r1.f).toBe(1);
  });

  it('cuts the candidate to the given number of words before scoring', () => {
    const cut = rouge('one two three four five six', 'one two three', 3);
    expect(cut.r1.f).toBe(1);
    expect(rouge('one two three four five six', 'one two three').r1.p).toBeCloseTo(0.5, 10);
  });
});

import { describe, expect, it } from 'vitest';
import { matchAtK, stemmedSet } from '../../src/eval/keyphrase-match.js';

describe('stemmed keyphrase matching', () => {
  it('matches after lower-casing and Porter-stemming every word', () => {
    const r = matchAtK(['Ramsey Graphs', 'independent source'], ['ramsey graph', 'independent sources', 'entropy'], 5);
    expect(r.p).toBe(1);
    expect(r.r).toBeCloseTo(2 / 3, 10);
  });

  it('requires the whole phrase to match, not a part of it', () => {
    expect(matchAtK(['graph', 'ramsey graph theory'], ['ramsey graph'], 5).p).toBe(0);
  });

  it('treats hyphens as word breaks on both sides', () => {
    expect(matchAtK(['peer-to-peer networks'], ['peer to peer network'], 5).p).toBe(1);
  });

  it('counts predictions that stem alike once and cuts at k', () => {
    expect(stemmedSet(['Networks', 'network', 'NETWORK'])).toEqual(['network']);
    const r = matchAtK(['a1 x', 'b1 x', 'c1 x', 'gold one', 'gold two'], ['gold one', 'gold two'], 3);
    expect(r.p).toBe(0);
    const r5 = matchAtK(['a1 x', 'b1 x', 'c1 x', 'gold one', 'gold two'], ['gold one', 'gold two'], 5);
    expect(r5.p).toBeCloseTo(0.4, 10);
    expect(r5.r).toBe(1);
    expect(r5.f).toBeCloseTo((2 * 0.4) / 1.4, 10);
  });

  it('gives zero, not NaN, when there is nothing to compare', () => {
    expect(matchAtK([], ['x'], 10)).toEqual({ p: 0, r: 0, f: 0 });
    expect(matchAtK(['x'], [], 10)).toEqual({ p: 0, r: 0, f: 0 });
  });
});

/** Topic factorisation: what the multiplicative updates promise, on matrices whose topics are known. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { factorize, type SparseRow } from '../../src/synthesize/factorize.js';

const row = (entries: [number, number][]): SparseRow => ({ ids: Int32Array.from(entries.map(([id]) => id)), values: Float64Array.from(entries.map(([, x]) => x)) });

/** ‖V − W·H‖² over the stored entries and the zeros alike. */
function error(rows: readonly SparseRow[], terms: number, f: ReturnType<typeof factorize>): number {
  const k = f.topics.length;
  let e = 0;
  rows.forEach((r, i) => {
    const dense = new Float64Array(terms);
    r.ids.forEach((id, q) => (dense[id] = r.values[q]));
    for (let j = 0; j < terms; j++) {
      let x = 0;
      for (let t = 0; t < k; t++) x += f.weights[i * k + t] * f.topics[t][j];
      e += (dense[j] - x) ** 2;
    }
  });
  return e;
}

describe('factorize', () => {
  // Terms 0–2 are one subject (border, security, fence), 3–5 another (trade, corridor, port).
  const rows = [
    row([[0, 0.8], [1, 0.6]]),
    row([[1, 0.7], [2, 0.7]]),
    row([[0, 0.6], [2, 0.8]]),
    row([[3, 0.8], [4, 0.6]]),
    row([[4, 0.6], [5, 0.8]]),
    row([[3, 0.6], [5, 0.8]]),
    row([[0, 0.5], [1, 0.5], [4, 0.7]]),
  ];
  const seeds = [Float64Array.from([1, 0, 0, 0, 0, 0]), Float64Array.from([0, 0, 0, 1, 0, 0])];

  it('finds the two subjects from one term of each, and puts each sentence with its subject', () => {
    // Without the mixed sentence, each topic is its subject's terms and nearly nothing else.
    const pure = factorize(rows.slice(0, 6), 6, seeds, 100);
    for (const j of [0, 1, 2]) expect(pure.topics[0][j]).toBeGreaterThan(10 * pure.topics[1][j]);
    for (const j of [3, 4, 5]) expect(pure.topics[1][j]).toBeGreaterThan(10 * pure.topics[0][j]);
    const f = factorize(rows, 6, seeds, 100);
    const main = (i: number) => (f.weights[i * 2] >= f.weights[i * 2 + 1] ? 0 : 1);
    expect([0, 1, 2, 3, 4, 5].map(main)).toEqual([0, 0, 0, 1, 1, 1]);
    // The mixed sentence holds some of both.
    expect(Math.min(f.weights[12], f.weights[13])).toBeGreaterThan(0.1);
    for (const t of f.topics) expect(Math.hypot(...t)).toBeCloseTo(1, 12);
  });

  it('never increases the error as rounds are added, and gives the same bits every run', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.double({ min: 0.05, max: 1, noNaN: true })), { selector: ([id]) => id, minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (entries, k) => {
          const rs = entries.map(row);
          const start = Array.from({ length: k }, (_, t) => Float64Array.from({ length: 12 }, (_, j) => ((j * 7 + t * 5) % 12) / 12));
          let last = Infinity;
          for (const n of [0, 1, 5, 20]) {
            const e = error(rs, 12, factorize(rs, 12, start, n));
            expect(e).toBeLessThanOrEqual(last * (1 + 1e-9) + 1e-12);
            last = e;
          }
          expect(factorize(rs, 12, start, 20)).toEqual(factorize(rs, 12, start, 20));
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});

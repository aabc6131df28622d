import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossingAt } from '../../src/layout/order.js';
import type { LayoutLine } from '../../src/layout/types.js';

const line = (x0: number, x1: number, text: string): LayoutLine => ({ page: 1, text, x0, x1, y: 0, size: 10, font: 'F', row: 0 });

/** The letters of the lines crossing x, counted line by line (what the sweep must equal). */
const naive = (lines: LayoutLine[], x: number): number => lines.reduce((n, l) => (l.x0 < x && l.x1 > x ? n + l.text.length : n), 0);

describe('letters crossing a vertical line (the gutter search)', () => {
  it('counts exactly what testing every line counts, at every step, including lines that end or start on a step', () => {
    const coord = fc.integer({ min: 0, max: 60 }).map((v) => v * 2 + (v % 3 === 0 ? 0 : 0.5));
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord, fc.string({ maxLength: 12 })), { maxLength: 40 }), fc.boolean(), (raw, swapSome) => {
        const lines = raw.map(([a, b, t], i) => (swapSome && i === 0 ? line(Math.max(a, b), Math.min(a, b), t) : line(Math.min(a, b), Math.max(a, b), t)));
        const crossing = crossingAt(lines);
        for (let x = 0; x <= 124; x += 2) expect(crossing(x)).toBe(naive(lines, x));
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('reads a two-column page: nothing crosses the gutter, the full-width title does', () => {
    const lines = [line(50, 550, 'A title across the page'), line(50, 280, 'left column text'), line(320, 550, 'right column text')];
    const crossing = crossingAt(lines);
    expect(crossing(300)).toBe('A title across the page'.length);
    expect(crossing(400)).toBe('A title across the page'.length + 'right column text'.length);
  });
});

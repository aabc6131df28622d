/**
 * "Sources" names a reference list in many reports, and a subsection on where data came from in
 * others. It opens a reference list only when reference entries follow it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';

const doc = (text: string, format: 'txt' | 'md' = 'txt') =>
  structure({ id: 'x', path: `x.${format}`, format, sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report: new Report() });

const prose = (topic: string) =>
  `Distance measurement is used in many research areas such as ${topic}. The character of the data available in these areas differs, and the measures used differ with it.`;

describe('a "Sources" heading', () => {
  it('over prose (3.1 Sources of data) is a section of the body; the list at the end is the reference list', () => {
    const text = [
      'Measuring Distance in Practice', '',
      '1 Introduction', '', prose('psychology and sociology'), '',
      '2 Method', '', prose('medicine'), '',
      '2.1 Sources', '', prose('economics and finance'), '',
      '2.2 Measures', '', prose('engineering'), '',
      'Sources', '',
      'Tversky, A. (1977). Features of similarity. Psychological Review 84(4), 327-352.', '',
      'Santini, S. and Jain, R. (1999). Similarity measures. IEEE PAMI 21(9), 871-883.', '',
    ].join('\n');
    const d = doc(text);
    const headings = d.sections.map((s) => [s.heading, s.kind]);
    expect(headings).toContainEqual(['Sources', 'references']);
    expect(d.sections.find((s) => s.number === '2.1')?.kind).not.toBe('references');
    expect(d.sentences.some((s) => s.text.includes('economics and finance'))).toBe(true);
    expect(d.sentences.some((s) => s.text.includes('engineering'))).toBe(true);
    expect(d.references.map((r) => r.text.slice(0, 10))).toEqual(['Tversky, A', 'Santini, S']);
  });

  it.runIf(existsSync('../shared/eval/nus/docs/72.txt'))('in the NUS papers that have one mid-text, the body after it is kept (doc 72: "3.1 Sources")', () => {
    const text = readFileSync('../shared/eval/nus/docs/72.txt', 'utf8');
    const d = doc(text);
    expect(d.sentences.some((s) => s.text.startsWith('Distance measurement is used in many research areas'))).toBe(true);
    expect(d.sentences.some((s) => s.text.includes('The pattern difference measure implements'))).toBe(true);
    expect(d.references).toEqual([]);
  });
});

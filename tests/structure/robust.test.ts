/**
 * Structure stays linear and total on hostile text: a 1 MB single line, ten thousand nested list or
 * quote levels, floods of headings and markup, and arbitrary Unicode (fast-check). Times are bounded
 * loosely (the test machine is shared); `bench/structure-adversarial.ts` reports the real figures.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { StructuredSource } from '../../src/model/document.js';

const MB = 1 << 20;
const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

function run(text: string): { doc: StructuredSource; ms: number; report: Report } {
  const report = new Report();
  const t0 = performance.now();
  const doc = structure({ id: 'x', path: 'x.md', format: 'md', sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report });
  return { doc, ms: performance.now() - t0, report };
}

function checkSpans(doc: StructuredSource): void {
  const n = doc.source.text.length;
  for (const s of [...doc.sections, ...doc.paragraphs, ...doc.sentences, ...doc.references, ...doc.notes, ...doc.inlineCitations]) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(n);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
  }
  for (const c of doc.inlineCitations) expect(doc.source.text.slice(c.start, c.end)).toBe(c.text);
  for (const s of doc.sentences) expect(s.text.trim()).toBe(s.text);
}

describe('adversarial input', () => {
  it('a 1 MB single line of prose: no title swallowing it, sentences found, seconds not minutes', () => {
    const { doc, ms, report } = run(fill('The U.S. policy, e.g. aid (Waltz, 1979), changed. ', MB));
    expect(ms).toBeLessThan(20_000);
    expect(doc.metadata.title.length).toBeLessThan(400);
    expect(report.messages.some((m) => m.rule === 'no-title')).toBe(true);
    expect(doc.sentences.length).toBeGreaterThan(20_000);
    expect(doc.sentences[0].text).toBe('The U.S. policy, e.g. aid (Waltz, 1979), changed.');
    checkSpans(doc);
  });

  it('ten thousand nested quote and list levels, on one line and as lines', () => {
    const oneLine = `# Deep\n\n${'> '.repeat(10_000)}${'- '.repeat(10_000)}The innermost sentence is still read.`;
    const r1 = run(oneLine);
    expect(r1.doc.sentences.map((s) => s.text)).toEqual(['The innermost sentence is still read.']);
    const lines = `# Deep\n\n${Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i % 200)}- item ${i} is here.`).join('\n')}`;
    const r2 = run(lines);
    expect(r2.ms).toBeLessThan(20_000);
    expect(r2.doc.paragraphs).toHaveLength(10_000);
    checkSpans(r2.doc);
  });

  it('floods of markup and openers that never close stay linear', () => {
    for (const unit of ['(', '[a', '<http://', '^{', '_a', '“a ', 'a¹ ', 'a-', '1.', '**', 'U.S. ', '# H\n', 'Ab\n', '12. Smith, "A Title," Press, 2020. https://x.org\n']) {
      const { doc, ms } = run(fill(unit, 64 * 1024));
      expect(ms, unit).toBeLessThan(20_000);
      checkSpans(doc);
    }
  });

  it('never throws on arbitrary Unicode text, and every span lies inside the source', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('\n', '\n\n', '# ', '1. ', '- ', '> ', '**', 'Abstract', 'References', 'Keywords: a, b', '(Smith, 2020)', '¹', 'U.S. ', 'Dr. ', '.21 ', '-\n', '---\n', '\r\n', '[1]', '<http://x>'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const { doc } = run(parts.join(''));
        checkSpans(doc);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { contextOf, citedPassages } from '../../src/render/passages.js';
import { readerSection } from '../../src/render/reader.js';
import { fixtureBrief } from '../render/fixture.js';

describe('cited passages', () => {
  const text = ['Heading', 'First paragraph says one thing. It goes on a while about the matter at hand and its history.', 'Second paragraph holds the quoted claim, which matters. ' + 'It says more about it. '.repeat(10) + 'And then it ends here.', 'Third paragraph is not shown.'].join('\n\n');
  it('show the paragraph around the quote, with a short neighbour, and not the rest', () => {
    const start = text.indexOf('the quoted claim');
    const { before, after } = contextOf(text, start, start + 'the quoted claim'.length);
    expect(before).toContain('Second paragraph holds ');
    expect(after).toMatch(/^, which matters. .*And then it ends here.$/);
    expect(after).not.toContain('Third paragraph');
  });

  it('cut a long paragraph at a word, with an ellipsis', () => {
    const long = 'word '.repeat(400) + 'QUOTE ' + 'tail '.repeat(400);
    const start = long.indexOf('QUOTE');
    const { before, after } = contextOf(long, start, start + 5);
    expect(before.startsWith('… word')).toBe(true);
    expect(before.length).toBeLessThan(620);
    expect(after.endsWith(' …')).toBe(true);
  });

  it('mark the quote when the source text holds it, and say why when it does not', () => {
    const brief = fixtureBrief();
    const c = brief.findings[0]!.citations[0]!;
    const n = brief.sources.findIndex((s) => s.id === c.sourceId) + 1;
    const full = brief.sources[n - 1]!;
    const sourceText = 'x'.repeat(c.start) + c.quote + ' and more.';
    const [ok] = citedPassages(brief, [{ n, start: c.start, end: c.end }], new Map([[full.id, { text: sourceText }]]));
    expect(ok!.marked).toBe(true);
    expect(ok!.quote).toBe(c.quote);
    const [changed] = citedPassages(brief, [{ n, start: c.start, end: c.end }], new Map([[full.id, { text: 'y'.repeat(c.end + 5) }]]));
    expect(changed!.marked).toBe(false);
    expect(changed!.reason).toMatch(/not the quote/);
    const [absent] = citedPassages(brief, [{ n, start: c.start, end: c.end }], new Map());
    expect(absent!.marked).toBe(false);
    expect(absent!.reason).toMatch(/not at hand/);
    // In the page: the quote in <mark>, escaped; the unmarked one says why.
    const html = readerSection(brief, [ok!, { ...changed!, start: c.start + 1 }]);
    expect(html).toContain(`<mark>`);
    expect(html).toContain(`id="source-${n}"`);
    expect(html).toMatch(/Not marked in the source text: the source text at its span is not the quote/);
    expect(html).not.toMatch(/<img|<script/);
  });
});

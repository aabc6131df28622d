/** Text-layer repairs and checks of the layout step (pure functions over strings). */
import { describe, expect, it } from 'vitest';
import { assessPages, brokenWords, pageRanges, repairLine } from '../../src/layout/quality.js';

describe('repairLine', () => {
  it('repairs what is certain: ligature code points, hyphen runs, soft hyphens, control characters, no-break spaces', () => {
    expect(repairLine('the ﬁrst eﬀort was diﬃcult')).toBe('the first effort was difficult');
    expect(repairLine('the Iran-\u00ad\u2010\u2011Pakistan border')).toBe('the Iran-Pakistan border');
    expect(repairLine('infor\u00admation')).toBe('information');
    expect(repairLine('Monitoring\u0007and\u0007reporting')).toBe('Monitoring and reporting');
    expect(repairLine('I\u0007 nform the users')).toBe('Inform the users');
    expect(repairLine('two\u00a0 spaces\u00a0\u00a0here')).toBe('two spaces here');
    expect(repairLine('well-known')).toBe('well-known');
  });
});

describe('assessPages', () => {
  it('names the pages of a garbled text layer and the kind of defect', () => {
    const clean = 'The teacher walked to the school and spoke with the children about their attacks of nerves.';
    const broken = 'The tea er walked to the s ool and spoke with the ildren about their aHacks and a6acks of nerves.';
    const issues = assessPages([1, 2, 3, 4].map((page) => ({ page, raw: page >= 3 ? broken : clean })));
    expect(issues).toEqual([{ rule: 'garbled-ligatures', pages: [3, 4], what: expect.stringContaining('ligatures'), repaired: false }]);
    expect(pageRanges([3, 4, 5, 9])).toBe('pages 3–5, 9');
  });

  it('does not flag clean prose with abbreviations and short words', () => {
    expect(brokenWords('See et al. for the ratio of km per day; it is up to us to do so, as we go on.')).toBe(0);
  });

  it('reports letter-spaced runs, unmapped glyphs and pages without text', () => {
    const issues = assessPages([
      { page: 1, raw: 'I n t h e n e a r t e r m the border stays tense.' },
      { page: 2, raw: 'Text with \ufffd\ufffd\ufffd unmapped glyphs \ufffd here and there in it.' },
      { page: 3, raw: '' },
    ]);
    expect(issues.map((i) => [i.rule, i.pages])).toEqual([['letter-spaced', [1]], ['garbled-glyphs', [2]], ['no-text-layer', [3]]]);
  });
});

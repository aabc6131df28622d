/**
 * Agreement between sources: two items agree when their vectors are close and they share a
 * distinctive two-word phrase. The phrases are cut as the corpus index cuts words, so a hyphenated
 * or possessive phrase is looked up (and excluded) like any other.
 */
import { describe, expect, it } from 'vitest';
import { findAgreements, type AgreementItem } from '../../src/synthesize/agreement.js';
import { indexSentences } from '../../src/synthesize/corpus-index.js';
import { stemWord } from '../../src/analyze/text/stem.js';

const filler = [
  'The ministry published its annual report in March.',
  'Farmers in the north reported a poor harvest.',
  'Talks between the two delegations ended without a statement.',
  'The central bank left interest rates unchanged.',
  'Several schools reopened after the floods.',
  'A new railway line connects the port to the capital.',
];

function agreements(items: AgreementItem[], background: string[] = [], exclude: string[] = []) {
  const index = indexSentences([...filler, ...background, ...items.map((i) => i.text)].map((text, k) => ({ source: k % 3, text })));
  return findAgreements(items, index, 0.1, new Set(exclude.map(stemWord)));
}

describe('findAgreements', () => {
  it('finds two sources agreeing on a hyphenated phrase, and names the phrase', () => {
    const groups = agreements([
      { text: 'Cross-border trade needs new customs rules.', sourceIds: ['a'] },
      { text: 'New customs rules would revive cross-border trade.', sourceIds: ['b'] },
    ]);
    expect(groups).toEqual([{ members: [0, 1], phrase: 'border trade' }]);
  });

  it('a hyphenated phrase common in the corpus is no sign of agreement', () => {
    const background = Array.from({ length: 8 }, (_, k) => `Cross-border attacks were recorded in district ${'ABCDEFGH'[k]} this year.`);
    const groups = agreements([
      { text: 'Cross-border attacks rose sharply in Kurram.', sourceIds: ['a'] },
      { text: 'In Kurram, cross-border attacks sharply rose.', sourceIds: ['b'] },
    ], background);
    expect(groups).toEqual([]);
  });

  it("an excluded actor stays excluded in its possessive form (Pakistan's)", () => {
    const groups = agreements([
      { text: "Pakistan's economy needs a reform of taxes.", sourceIds: ['a'] },
      { text: "Floods damaged Pakistan's economy again.", sourceIds: ['b'] },
    ], [], ['Pakistan']);
    expect(groups).toEqual([]);
  });

  it('two words on either side of a comma are not a phrase', () => {
    const groups = agreements([
      { text: 'Funds went to security, cooperation came later.', sourceIds: ['a'] },
      { text: 'Security cooperation deepened after the talks.', sourceIds: ['b'] },
    ]);
    expect(groups).toEqual([]);
  });

  it('items from the same source never agree with each other', () => {
    const groups = agreements([
      { text: 'Cross-border trade needs new customs rules.', sourceIds: ['a'] },
      { text: 'New customs rules would revive cross-border trade.', sourceIds: ['a'] },
    ]);
    expect(groups).toEqual([]);
  });
});

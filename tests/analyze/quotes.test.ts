import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/analyze/quotes.js';
import { docOf, paper } from '../synthesize/doc.js';

describe('findQuotes', () => {
  it('finds direct quotations with the speaker before, after or as the subject, and skips scare quotes', async () => {
    const doc = await docOf(
      paper({
        Analysis: [
          'In 2013, the senator had said, "the country should leave the region as soon as it can" to voters.',
          '“We are not leaving the region for a long while yet,” Blinken said in an interview.',
          'The prime minister welcomed the result as such: "Look forward to working with the new government on trade".',
          'Afghanistan is called the "graveyard of empires" by many writers.',
        ],
      }),
    );
    const q = findQuotes(doc);
    expect(q.map((x) => x.speaker)).toEqual(['senator', 'Blinken', 'prime minister']);
    expect(q[1].text).toBe('We are not leaving the region for a long while yet,');
    for (const x of q) expect(doc.source.text.slice(x.start + 1, x.end - 1)).toBe(x.text);
  });

  it('takes the speaker from "according to" only when a name follows', async () => {
    const doc = await docOf(
      paper({
        Analysis: [
          'According to Imran Khan, "the region will not be a battleground for anyone else again".',
          'According to some analysts, "the withdrawal was planned in haste and carried out in panic".',
        ],
      }),
    );
    expect(findQuotes(doc).map((x) => x.speaker)).toEqual(['Imran Khan', null]);
  });
});

/** The sentence splitter on the cases the issue names: U.S., Dr., e.g., et al., initials, decimals, quotations. */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/structure/sentences.js';

const split = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['Dr. Smith arrived. He spoke first.', ['Dr. Smith arrived.', 'He spoke first.']],
    ['The U.S. Senate voted. The bill passed.', ['The U.S. Senate voted.', 'The bill passed.']],
    ['Aid came from the U.S. The Taliban refused it.', ['Aid came from the U.S.', 'The Taliban refused it.']],
    ['Regional actors, e.g. China and Iran, acted. Others waited.', ['Regional actors, e.g. China and Iran, acted.', 'Others waited.']],
    ['Ullah et al. (2023) disagree. So do we.', ['Ullah et al. (2023) disagree.', 'So do we.']],
    ['As K. N. Waltz argued, states balance. They also bandwagon.', ['As K. N. Waltz argued, states balance.', 'They also bandwagon.']],
    ['Growth was 3.5 percent in 2021. It fell to 2.1 later.', ['Growth was 3.5 percent in 2021.', 'It fell to 2.1 later.']],
    ['He said, "We are staying." Nobody believed him.', ['He said, "We are staying."', 'Nobody believed him.']],
    ['Trump called it “a complete waste.” Biden agreed?', ['Trump called it “a complete waste.”', 'Biden agreed?']],
    ['Really? Yes! Fine.', ['Really?', 'Yes!', 'Fine.']],
    ['It ended (Nisar, Amin, & Asghar, 2023). Then it began.', ['It ended (Nisar, Amin, & Asghar, 2023).', 'Then it began.']],
    ['Attacks rose sharply. (Nisar, Amin, & Asghar, 2023). New paragraph.', ['Attacks rose sharply. (Nisar, Amin, & Asghar, 2023).', 'New paragraph.']],
    ['See Fig. 3 and No. 5 for details. Done.', ['See Fig. 3 and No. 5 for details.', 'Done.']],
    ['The M.Phil. Scholar wrote it. It was good.', ['The M.Phil. Scholar wrote it.', 'It was good.']],
    ['no terminal punctuation at all', ['no terminal punctuation at all']],
    ['Aid came first. Relations were reconfigured. Farhan et al, (2024)', ['Aid came first.', 'Relations were reconfigured. Farhan et al, (2024)']],
    ['Aid slowed. See for instance, Khan et al, (2024). Trade grew.', ['Aid slowed. See for instance, Khan et al, (2024).', 'Trade grew.']],
    ['Trade grew. Aid slowed. (Ullah et al, 2023)', ['Trade grew.', 'Aid slowed. (Ullah et al, 2023)']],
    // A sentence that ends in a citation is not itself a citation (from the akram paper in sources/).
    ['Pakistan has to contain someone. This describes the situation best, Syed et al, (2021). It changed.', ['Pakistan has to contain someone.', 'This describes the situation best, Syed et al, (2021).', 'It changed.']],
    ['Aid slowed. Khan and Syed, (2024). Trade grew.', ['Aid slowed. Khan and Syed, (2024).', 'Trade grew.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('is linear on a long paragraph of abbreviations and openers', () => {
    const text = 'U.S. e.g. (a. Dr. '.repeat(50_000);
    const t0 = performance.now();
    splitSentences(text);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

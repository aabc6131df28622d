import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { indexSentences } from '../../src/synthesize/corpus-index.js';
import { sentenceRows } from '../../src/synthesize/themes.js';
import { hasShared, nusDir } from '../helpers.js';

/** The sentences (roughly: lines joined, split at full stops) of the first `n` NUS papers. */
function nusSentences(n: number): { source: number; text: string }[] {
  const dir = join(nusDir, 'docs');
  const names = readdirSync(dir).sort().slice(0, n);
  return names.flatMap((name, source) =>
    readFileSync(join(dir, name), 'utf8')
      .replace(/\s+/g, ' ')
      .split(/(?<=[a-z]{2}\.) (?=[A-Z])/)
      .filter((t) => t.length > 40)
      .map((text) => ({ source, text })),
  );
}

describe.skipIf(!hasShared)('the sentences themes are factorised from, on a corpus too large to read whole', () => {
  it('are the same sentences of each source whatever other sources come and go', () => {
    const all = nusSentences(80);
    expect(all.length).toBeGreaterThan(10000);
    const sampled = (sentences: { source: number; text: string }[]) => {
      const index = indexSentences(sentences);
      const { sentence } = sentenceRows(index);
      return new Set([...sentence].map((s) => `${sentences[s].source}\t${sentences[s].text}`));
    };
    const whole = sampled(all);
    // About the bound (5,000 rows), not every sentence.
    expect(whole.size).toBeGreaterThan(2500);
    expect(whole.size).toBeLessThan(6000);
    // Without one source (the others keep their numbers): the rest are read as before, but for
    // the few whose terms fall below the cut when the corpus changes.
    for (const gone of [0, 1, 2]) {
      const without = sampled(all.filter((s) => s.source !== gone));
      const rest = [...whole].filter((k) => !k.startsWith(`${gone}\t`));
      const kept = rest.filter((k) => without.has(k)).length;
      expect(kept / rest.length, `without source ${gone}`).toBeGreaterThan(0.97);
    }
  });
});

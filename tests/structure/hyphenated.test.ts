import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hyphenatedWords } from '../../src/structure/index.js';
import { repoRoot } from '../helpers.js';

/** The set as it was built: the global pattern tried at every character. */
function plain(text: string): Set<string> {
  const out = new Set<string>();
  const re = /(?<!\p{L})(\p{L}{1,40})-(\p{Ll}{1,40})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[0].toLowerCase());
  return out;
}

describe('hyphenatedWords', () => {
  it('finds the same hyphenated words as the global pattern', () => {
    const piece = fc.constantFrom('a', 'B', 'é', 'Ω', '𝐀', '\ud835', '\udc00', '-', '--', ' ', '1', 'post', 'war', 'Pakistan', 'x'.repeat(39), 'y'.repeat(41), 'Ünter');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect([...hyphenatedWords(text)].sort()).toEqual([...plain(text)].sort());
      }),
      { seed: 20251125, numRuns: 4000 },
    );
    for (const name of readdirSync(join(repoRoot, 'sources')).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(repoRoot, 'sources', name), 'utf8');
      const found = hyphenatedWords(text);
      expect([...found].sort()).toEqual([...plain(text)].sort());
      expect(found.size).toBeGreaterThan(3);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTagger, tagText } from '../../src/analyze/text/nlp.js';
import { repoRoot } from '../helpers.js';

describe('the shared POS tagger', () => {
  it('gives exact offsets into the text, including for punctuation-heavy input', () => {
    const text = 'The U.S. (and Pakistan’s) e-mail [12] policy, costs $5.3bn; i.e. done.\n  Next “quoted” line…';
    const tokens = tagText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
    expect(tokens.map((t) => t.value)).toContain('U.S.');
    expect(tokens.map((t) => t.value)).toContain('e-mail');
    expect(tokens.find((t) => t.value === 'policy')?.pos).toBe('NOUN');
  });

  it('tags a text the same whatever it read before (wink-nlp learns words as it reads)', () => {
    const dir = join(repoRoot, 'sources');
    const texts = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().slice(0, 3).map((n) => readFileSync(join(dir, n), 'utf8'));
    const a = createTagger();
    const b = createTagger();
    const forward = texts.map((t) => JSON.stringify(a(t)));
    const backward = [...texts].reverse().map((t) => JSON.stringify(b(t))).reverse();
    forward.forEach((f, i) => expect(f === backward[i], `source ${i}`).toBe(true));
  });
});

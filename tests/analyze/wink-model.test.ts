import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import fullModel from 'wink-eng-lite-web-model';
import { leanWinkModel } from '../../src/analyze/text/wink-model.js';
import { hasShared, nusDir, repoRoot } from '../helpers.js';

type Nlp = ReturnType<typeof winkNLP>;

/** Everything the tagger reads from a wink document: tokens, their spacing, tags, types and sentences. */
function readOut(nlp: Nlp, text: string): string {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  return JSON.stringify([tokens.out(nlp.its.value), tokens.out(nlp.its.precedingSpaces), tokens.out(nlp.its.pos), tokens.out(nlp.its.type), doc.sentences().out()]);
}

describe('the lean wink model', () => {
  it('tags real sources exactly as the package model does', () => {
    const texts = [readFileSync(join(repoRoot, 'sources', readdirSync(join(repoRoot, 'sources')).filter((n) => n.endsWith('.txt')).sort()[0]), 'utf8')];
    if (hasShared) for (const id of ['1', '37']) texts.push(readFileSync(join(nusDir, 'docs', `${id}.txt`), 'utf8'));
    // Odd input too: contractions, abbreviations, symbols, numbers, unknown words, non-Latin text.
    texts.push("We can't go; it's 5:30pm, e.g. Dr. Smith's 3.5% (U.K.) e-mail foo@bar.org #tag :-) zzqxv Ångström 東京 1990s 21st.");
    const lean = winkNLP(leanWinkModel() as Parameters<typeof winkNLP>[0], ['sbd', 'pos']);
    const full = winkNLP(fullModel, ['sbd', 'pos']);
    for (const [i, t] of texts.entries()) expect(readOut(lean, t) === readOut(full, t), `text ${i}`).toBe(true);
    // The tagger runs without wink's sentence splitter: tokens and tags must not depend on it. Both
    // instances are fresh and read the same texts in the same order (wink's lexicon grows as it
    // reads, which can change how raw text is split; the tagger normalises text against that).
    const posOnly = winkNLP(leanWinkModel() as Parameters<typeof winkNLP>[0], ['pos']);
    const withSbd = winkNLP(fullModel, ['sbd', 'pos']);
    const tagsOf = (nlp: Nlp, text: string) => {
      const tokens = nlp.readDoc(text).tokens();
      return JSON.stringify([tokens.out(nlp.its.value), tokens.out(nlp.its.precedingSpaces), tokens.out(nlp.its.pos), tokens.out(nlp.its.type)]);
    };
    for (const [i, t] of texts.entries()) expect(tagsOf(posOnly, t) === tagsOf(withSbd, t), `text ${i} without sbd`).toBe(true);
  });

  it('gives every instance its own lexicon (a word learnt by one is not known to another)', () => {
    const a = winkNLP(leanWinkModel() as Parameters<typeof winkNLP>[0], ['sbd', 'pos']);
    const before = readOut(a, 'Zorblaxian quirbs.');
    a.readDoc('The zorblaxian quirbs of Zorblaxian fame.');
    const b = winkNLP(leanWinkModel() as Parameters<typeof winkNLP>[0], ['sbd', 'pos']);
    expect(readOut(b, 'Zorblaxian quirbs.')).toBe(before);
  });
});

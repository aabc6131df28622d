import { describe, expect, it } from 'vitest';
import { bestLongForm, findTerms, isShortForm } from '../../src/analyze/glossary.js';
import { docOf, paper } from '../synthesize/doc.js';
import { analyze } from '../../src/analyze/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import { mergeGlossary } from '../../src/synthesize/collect.js';

describe('Schwartz & Hearst long forms', () => {
  it('matches short-form characters right to left, the first at a word start', () => {
    expect(bestLongForm('TTP', 'the rise of Tehrik-i-Taliban Pakistan')).toBe('Tehrik-i-Taliban Pakistan');
    expect(bestLongForm('COAS', 'the former Chief of the Army Staff')).toBe('Chief of the Army Staff');
    expect(bestLongForm('OIC', 'and the Organization of Islamic Cooperation')).toBe('Organization of Islamic Cooperation');
    expect(bestLongForm('XYZ', 'nothing that fits here')).toBeNull();
  });

  it('reads a name whose letters match only from inside it back to its first capital, not a sentence-opening word', () => {
    expect(bestLongForm('UNESCO', 'Organisation des Nations unies pour l’éducation, la science et la culture')).toBe('Organisation des Nations unies pour l’éducation, la science et la culture');
    expect(bestLongForm('GenAI', 'Recently generative AI')).toBe('generative AI');
    expect(bestLongForm('GenAI', 'The generative AI')).toBe('generative AI');
    expect(bestLongForm('MJC', "the rise of Pakistan's military—jihadi complex")).toBe('military—jihadi complex');
  });

  it('accepts acronym-like short forms only', () => {
    expect(['TTP', 'U.S', 'WoT', 'Quad', 'ISIS-K'].every(isShortForm)).toBe(true);
    expect(['Khan 2022', '2021', 'and', 'Bangladesh', 'e.g.', 'A,B', 'X;Y'].some(isShortForm)).toBe(false);
  });
});

describe('findTerms', () => {
  it('finds both orders, leaves citations and the reference list alone, and finds defined concepts', async () => {
    const doc = await docOf(
      paper({
        Introduction: [
          'Militancy rose after the return of the Tehreek-e-Taliban Pakistan (TTP) to the border districts (Khan, 2022).',
          'Trade depends on the TAPI (Turkmenistan-Afghanistan-Pakistan-India) pipeline and on the Shanghai Cooperation Organization(SCO).',
          'Strategic depth refers to the use of a friendly western neighbour as a buffer in a war with India.',
        ],
        References: ['Khan, A. (2022). Journal of Peace Studies (JPS), 4(2), 1-20.'],
      }),
    );
    const terms = findTerms(doc);
    const pairs = terms.map((t) => `${t.kind}:${t.term}=${t.definition}`);
    expect(pairs).toEqual([
      'acronym:TTP=Tehreek-e-Taliban Pakistan',
      'acronym:TAPI=Turkmenistan-Afghanistan-Pakistan-India',
      'acronym:SCO=Shanghai Cooperation Organization',
      'concept:Strategic depth=the use of a friendly western neighbour as a buffer in a war with India',
    ]);
    for (const t of terms) expect(doc.source.text.slice(t.start, t.end)).toContain(t.term);
  });
});

describe('defined concepts', () => {
  it('reads "known as" names and copular definitions, not judgements, descriptions of places or pronouns', async () => {
    const doc = await docOf(
      paper({
        Introduction: [
          'Structural realism, commonly known as neorealism, forms a useful approach to the study of small states.',
          'The two countries are divided by more than 2600 kilometers of border known as the Durand Line, which neither fully accepts.',
          'Hedging is a strategy of keeping ties with rival powers so that no single partner can dictate terms.',
          'ISKP is an increasing threat to the state and to its neighbours across the border.',
          'Afghanistan is a land of many peoples, where each group holds a place in society.',
          'Another process is a new stream of refugees caused by the unstable developments in the region.',
          'This is an organization of fighters that can reach the corridor from the north.',
        ],
      }),
    );
    const pairs = findTerms(doc)
      .filter((t) => t.kind === 'concept')
      .map((t) => `${t.term}=${t.definition}`);
    expect(pairs).toEqual([
      'neorealism=Structural realism',
      'Durand Line=more than 2600 kilometers of border',
      'Hedging=a strategy of keeping ties with rival powers so that no single partner can dictate terms',
    ]);
  });
});

describe('glossary across sources', () => {
  it('takes an acronym in the plural for its singular: one entry, named and defined in the singular', async () => {
    const ctx = { report: new Report() };
    const one = analyze(await docOf(paper({ Introduction: ['Schools now try large language models (LLMs) in many classes, and teachers test them every week.'] }), 'one'), ctx, defaultAnalyzeOptions);
    const two = analyze(await docOf(paper({ Introduction: ['Each large language model (LLM) is trained on text gathered from the web by its makers.'] }), 'two'), ctx, defaultAnalyzeOptions);
    const entries = mergeGlossary([one, two], new Map([[one.doc.source.id, 0], [two.doc.source.id, 1]])).filter((g) => /^LLM/.test(g.term));
    expect(entries.map((g) => [g.term, g.definition, g.citations.length])).toEqual([['LLM', 'large language model', 2]]);
  });
});

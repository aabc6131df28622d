/**
 * Agreement and disagreement across the bundled papers, against the analyst's list in
 * tests/fixtures/synthesis/bundled-gold.json, and the parts they are built from: word alignment
 * by meaning, conflicting values, the happening a date belongs to.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceAnalysis } from '../../src/model/document.js';
import type { Brief } from '../../src/model/schema.js';
import { analyzeSources, briefOf } from './corpus.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { analyze } from '../../src/analyze/index.js';
import { synthesize } from '../../src/synthesize/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../../src/model/context.js';
import { scoreSynthesis, locateQuote, type SynthesisGold } from '../../src/eval/synthesis.js';
import { indexSentences } from '../../src/synthesize/corpus-index.js';
import { alignment, claimSpace } from '../../src/synthesize/claim-space.js';
import { conflictingValues } from '../../src/synthesize/agreements.js';
import { happeningNear } from '../../src/synthesize/disagreements.js';
import { isClaim } from '../../src/synthesize/cross-source.js';

const gold = JSON.parse(readFileSync('tests/fixtures/synthesis/bundled-gold.json', 'utf8')) as SynthesisGold;

describe('claims read for comparison', () => {
  const background = [
    'The ministry published its annual report in March.',
    'Farmers in the north reported a poor harvest.',
    'The central bank left interest rates unchanged.',
    'A new railway line connects the port to the capital.',
  ];
  const space = claimSpace(indexSentences(background.map((text, source) => ({ source, text }))));

  it('aligns words of like meaning, not only the same words', () => {
    const a = space.read('The pullout of troops deepened mistrust between the allies.');
    const b = space.read('The withdrawal of soldiers increased distrust among the partners.');
    const c = space.read('The railway line connects the port to the capital.');
    expect(alignment(a, b)).toBeGreaterThan(alignment(a, c) + 0.2);
  });

  it('reads conflicting dates and leaves citation years out', () => {
    expect(conflictingValues(space.read('The deal was signed in February 2020.'), space.read('The deal was signed in 2021.'))).toBe(true);
    expect(conflictingValues(space.read('The deal was signed in February 2020.'), space.read('The deal, signed in February 2020, held (Khan, 2023).'))).toBe(false);
  });

  it('dates the happening next to the year, not the next one told', () => {
    expect(happeningNear('the peace deal between the US and the Afghan Taliban, which was signed in 2021, leading to the eventual withdrawal of US troops', '2021')).toBe('agreement');
    expect(happeningNear('The withdrawal of U.S. forces in August 2021 altered the region.', '2021')).toBe('withdrawal');
    expect(happeningNear('Attacks rose sharply in 2023.', '2023')).toBeNull();
  });

  it('does not take a sentence about the paper itself for a claim', () => {
    expect(isClaim('This paper aims to investigate the implications of the withdrawal.')).toBe(false);
    expect(isClaim('The withdrawal increased mistrust between the two countries.')).toBe(true);
  });
});

describe('synthesis of the bundled papers', () => {
  let analyses: SourceAnalysis[];
  let brief: Brief;
  beforeAll(async () => {
    analyses = await analyzeSources();
    brief = briefOf(analyses);
  }, 120_000);

  it('every gold quote is exact text of its paper', () => {
    const texts = new Map(analyses.map((a) => [a.doc.source.id, a.doc.source.text]));
    for (const g of [...gold.agreements.flatMap((a) => a.quotes), ...gold.disagreements.flatMap((d) => d.positions.flatMap((p) => p.quotes))]) {
      expect(() => locateQuote(texts.get(gold.sources[g.source])!, g.quote)).not.toThrow();
    }
  });

  it('each agreement cites two or more sources, each by its own exact passage', () => {
    const byId = new Map(analyses.map((a) => [a.doc.source.id, a.doc.source.text]));
    const semantic = (brief.agreements ?? []).filter((a) => a.citations);
    expect(semantic.length).toBeGreaterThan(0);
    for (const a of semantic) {
      expect(new Set(a.citations!.map((c) => c.sourceId)).size).toBeGreaterThanOrEqual(2);
      expect(a.strength!.sources).toBe(a.sourceIds.length);
      for (const c of a.citations!) expect(byId.get(c.sourceId)!.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it('flags the conflicting dates of the US–Taliban agreement (February 2020 against 2021)', () => {
    const dates = (brief.disagreements ?? []).filter((d) => d.kind === 'date');
    const doha = dates.find((d) => d.positions.some((p) => p.summary === '2020') && d.positions.some((p) => p.summary === '2021'));
    expect(doha).toBeDefined();
    const late = doha!.positions.find((p) => p.summary === '2021')!;
    expect(late.citations.map((c) => c.sourceId)).toEqual(['shamil-us-pakistan-relations-south-asia']);
    expect(late.citations[0].quote).toMatch(/signed in 2021/);
  });

  it('scores against the analyst list: the date disagreement found, no wrong disagreement', () => {
    const f = scoreSynthesis(brief, gold, new Map(analyses.map((a) => [a.doc.source.id, a.doc.source.text])));
    expect(f.disagreements.recall).toBeGreaterThanOrEqual(0.5);
    expect(f.disagreements.precision).toBeGreaterThanOrEqual(0.7);
  });

  const synth = (list: SourceAnalysis[]) => {
    const report = new Report();
    const b = synthesize(list, { report }, { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 'test', version: '0' } });
    return { brief: b, warnings: report.messages.filter((m) => m.rule === 'unrelated-source') };
  };

  it('flags no bundled paper as unrelated', () => {
    expect(synth(analyses).warnings).toEqual([]);
  });

  it('flags a computing paper dropped among them, and keeps it out of themes and agreements', async () => {
    const ctx = { report: new Report() };
    const path = '../shared/eval/nus/docs/10.txt';
    const source = await ingest({ path, bytes: readFileSync(path) }, ctx);
    const { brief: mixed, warnings } = synth([...analyses, analyze(structure(source!, ctx), ctx, defaultAnalyzeOptions)]);
    expect(warnings.map((w) => w.file)).toEqual([path]);
    const id = mixed.sources[mixed.sources.length - 1].id;
    expect(mixed.themes.some((t) => t.sourceIds.includes(id))).toBe(false);
    expect((mixed.agreements ?? []).some((a) => a.sourceIds.includes(id))).toBe(false);
    expect(mixed.themes.map((t) => t.label)).toEqual(brief.themes.map((t) => t.label));
  });
});

/**
 * Themes of the bundled papers, judged as a reader would: each names a subject the papers discuss,
 * and the findings under it are about that subject more than about the others.
 *
 * The figures (`themeFigures`: separation of findings within and across themes; share naming one
 * of their theme's phrases) were 1.87 and 0.25 when phrases were clustered directly, and are 2.77
 * and 0.39 with themes as topics of the sentences (`node dist/bench/themes.js`).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFolder } from './corpus.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import type { Brief } from '../../src/model/schema.js';
import { themeFigures } from '../../src/eval/themes.js';
import { repoRoot } from '../helpers.js';
import { analyze } from '../../src/analyze/index.js';
import { rankKeyphrases } from '../../src/analyze/rank-keyphrases.js';
import { indexCorpus } from '../../src/synthesize/corpus-index.js';
import { findThemes, leadsOf } from '../../src/synthesize/themes.js';
import { docOf, paper } from './doc.js';

let brief: Brief;

beforeAll(async () => {
  ({ brief } = await buildFolder(join(repoRoot, 'sources'), (f) => f.endsWith('.txt')));
}, 60_000);

describe('themes of the bundled papers', () => {
  it('name the subjects the papers discuss, each in its own theme, without fragments of phrases', () => {
    const themeOf = (phrase: string) => brief.themes.findIndex((t) => t.keyphrases.includes(phrase));
    const subjects = ['Afghan Taliban', 'China-Pakistan Economic Corridor', 'South Asia'].map(themeOf);
    expect(subjects.every((i) => i >= 0)).toBe(true);
    expect(new Set(subjects).size).toBe(3);
    expect(brief.themes.length).toBe(6);
    // "Pakistan relations" is what is left of "US-Pakistan relations" when "US" is read as "us".
    for (const t of brief.themes) expect(t.label, t.label).not.toMatch(/^Pakistan relations/);
    expect(new Set(brief.themes.map((t) => t.label)).size).toBe(brief.themes.length);
  });

  it('list first the findings most about them', () => {
    const text = new Map(brief.findings.map((f) => [f.id, f.text]));
    const first = (phrase: string, n: number) => brief.themes.find((t) => t.keyphrases.includes(phrase))!.findingIds.slice(0, n).map((id) => text.get(id)!);
    for (const f of first('Afghan Taliban', 5)) expect(f).toMatch(/Taliban|TTP/);
    // Three of the corridor's first four (the fourth, on US–Pakistan mistrust over Afghanistan, sits
    // between this theme and the regional-security one).
    expect(first('China-Pakistan Economic Corridor', 4).filter((f) => /China|CPEC/.test(f)).length).toBeGreaterThanOrEqual(3);
  });

  it('name the sources that discuss them most of all, where that is not every source', () => {
    const leadsOfTheme = (phrase: string) => brief.themes.find((t) => t.keyphrases.includes(phrase))!.leadSourceIds ?? [];
    // "South Asia" takes 9% of Shamil's sentences and under 5% of any other paper's.
    expect(leadsOfTheme('South Asia')).toEqual([brief.sources.find((s) => s.path.includes('shamil'))!.id]);
    // The China-Pakistan Economic Corridor is Shamil's subject more than anyone's.
    expect(leadsOfTheme('China-Pakistan Economic Corridor')[0]).toBe(brief.sources.find((s) => s.path.includes('shamil'))!.id);
    for (const t of brief.themes) {
      expect(t.leadSourceIds!.length, t.label).toBeLessThan(t.sourceIds.length);
      for (const id of t.leadSourceIds!) expect(t.sourceIds).toContain(id);
    }
  });

  it('hold findings closer to each other than to the findings of other themes, and naming their phrases', () => {
    const f = themeFigures(brief);
    // 1.84 since findings come first from abstracts and conclusions (broader sentences than the
    // body's): a measured loss, reported, for key-finding recall on reports (0.31 → 0.45); 1.77
    // since the body's inferences ("Thus, …", "Consequently, …") weigh more (0.45 → 0.51)
    expect(f.separation).toBeGreaterThan(1.75);
    expect(f.naming).toBeGreaterThan(0.33); // 0.348 (was above 0.35), same cause
  });
});

describe('leadsOf', () => {
  it('names the sources well above the mean share, most first, and none when all are alike', () => {
    expect(leadsOf([0.1, 0.3, 0.12, 0.25])).toEqual([1, 3]);
    expect(leadsOf([0.2, 0.21, 0.19])).toEqual([]);
    // Under 5% of a source's sentences is not discussing it, however the others compare.
    expect(leadsOf([0.04, 0.01, 0, 0])).toEqual([]);
    // A theme one source touches has no lead to name among others.
    expect(leadsOf([0, 0.3, 0])).toEqual([]);
    expect(leadsOf([0.5, 0.4, 0.45, 0.44, 0.01, 0.01, 0.01, 0.01])).toEqual([0, 2, 3]);
  });
});

describe('themes of a series of papers', () => {
  it('are not made of the notice every paper prints, nor of the words papers are written in', async () => {
    const notice = 'Permission to make digital or hard copies of all or part of this work for personal or classroom use is granted without fee provided that copies are not made or distributed for profit.';
    const prose = 'In the next section we present the results of the study, shown in the table and figure below.';
    const subjects = [
      ['Sensor nodes forward packets to a sink over several hops.', 'Each sensor node spends its energy budget on radio transmission of packets.', 'Wireless sensor networks aggregate readings of nearby sensor nodes before forwarding packets.'],
      ['Search engines crawl web pages and rank them with link analysis.', 'A crawler downloads web pages in the order of their estimated rank.', 'Search engines answer queries from an index of crawled web pages.'],
      ['Classifiers learn decision boundaries from labelled training examples.', 'Feature selection removes noisy features before the classifiers are trained.', 'Training examples with noisy labels mislead the learned classifiers.'],
    ];
    const ctx = { report: new Report() };
    const analyses = await Promise.all(
      subjects.map(async (body, i) => analyze(await docOf(paper({ Introduction: [notice, prose], Analysis: body, Conclusion: [body[0], prose] }, `Paper ${i + 1} of the series`), `p${i}`), ctx, defaultAnalyzeOptions)),
    );
    const themes = findThemes(rankKeyphrases(analyses.map((a) => a.candidates), { limit: 15 }), indexCorpus(analyses));
    expect(themes.length).toBeGreaterThan(1);
    for (const t of themes) {
      for (const stem of ['permiss', 'copi', 'classroom', 'section', 'present', 'result', 'tabl']) expect(t.vector.has(stem), `${t.label}: ${stem}`).toBe(false);
    }
  });

  it('of two editions of one report are those of the report, though most sentences are in both', async () => {
    const body = [
      'Sensor nodes forward packets to a sink over several hops, and each hop costs the sensor nodes energy.',
      'Each sensor node spends its energy budget on radio transmission of packets to the sink.',
      'Wireless sensor networks aggregate readings of nearby sensor nodes before forwarding packets to the sink.',
      'Search engines crawl web pages and rank them with link analysis of the web graph.',
      'A crawler downloads web pages in the order of their estimated rank in search engines.',
      'Search engines answer queries from an index of crawled web pages.',
    ];
    const ctx = { report: new Report() };
    const editions = await Promise.all(
      ['2023', '2024'].map(async (year, i) => analyze(await docOf(paper({ Analysis: i ? [...body, 'Sensor nodes now sleep between readings to save energy for packets.'] : body, Conclusion: body.slice(0, 2) }, `Networks Report ${year}`), `r${year}`), ctx, defaultAnalyzeOptions)),
    );
    const themes = findThemes(rankKeyphrases(editions.map((a) => a.candidates), { limit: 15 }), indexCorpus(editions));
    expect(themes.flatMap((t) => t.keyphrases).some((k) => /sensor/i.test(k))).toBe(true);
  });
});

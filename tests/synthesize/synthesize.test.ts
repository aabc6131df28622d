import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { synthesize } from '../../src/synthesize/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../../src/model/context.js';
import { briefSchema } from '../../src/model/schema.js';
import { docOf, paper } from './doc.js';

const a = paper(
  {
    Introduction: [
      'The Tehrik-i-Taliban Pakistan (TTP) expanded its attacks on border posts after the Taliban took over Kabul on August 15, 2021.',
      'Cross-border trade between the two neighbours fell sharply as border crossings were closed for long periods.',
    ],
    Conclusion: [
      'The analysis shows that the return of the Taliban weakened border security and cut cross-border trade between Pakistan and Afghanistan.',
      'Pakistan should reopen the border crossings for trade and strengthen joint border patrols with Kabul.',
      'The United States should resume development aid to the border districts of Pakistan.',
    ],
  },
  'Border Security after the Withdrawal',
);
const b = paper(
  {
    Introduction: [
      'The Tehreek-e-Taliban Pakistan (TTP) grew stronger when the Taliban seized Kabul on August 15, 2021, and took control of the country.',
      'Trade routes to Central Asia through Afghanistan were disrupted by repeated closures of the border crossings.',
    ],
    Conclusion: [
      'Our analysis shows that the return of the Taliban weakened border security and cut cross-border trade between Pakistan and Afghanistan.',
      'Islamabad should reopen the border crossings for trade and strengthen joint border patrols with Kabul.',
      'Regional connectivity projects could help both neighbours recover the trade lost since the withdrawal.',
    ],
  },
  'Trade and Militancy on the Afghan Border',
);

async function build() {
  const ctx = { report: new Report() };
  const analyses = [analyze(await docOf(a, 'a'), ctx, defaultAnalyzeOptions), analyze(await docOf(b, 'b'), ctx, defaultAnalyzeOptions)];
  return synthesize(analyses, ctx, { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 't', version: '0' } });
}

describe('synthesize', () => {
  it('merges near-duplicate findings and recommendations across sources, keeping every citation', async () => {
    const brief = await build();
    expect(briefSchema.safeParse(brief).success).toBe(true);
    const shared = brief.findings.find((f) => /weakened border security/.test(f.text))!;
    expect(shared.support).toBe(2);
    expect(shared.agreed).toBe(true);
    expect(shared.citations.map((c) => c.sourceId)).toEqual(['a', 'b']);
    const reopen = brief.recommendations.filter((r) => /reopen the border crossings/.test(r.text));
    expect(reopen).toHaveLength(1);
    expect(reopen[0]).toMatchObject({ actor: 'Pakistan', support: 2, agreed: true, sourceIds: ['a', 'b'] });
    // The merged, agreed items come first.
    expect(brief.findings[0]).toBe(shared);
    expect(brief.recommendations[0]).toBe(reopen[0]);
  });

  it('takes no finding or recommendation from a notice every report of a series prints', async () => {
    // (A notice in words that mean nothing else, "The views expressed … are those of the authors", is
    // left out by each source's analysis already; this one takes the corpus to recognise.)
    const notice = 'As its standard disclaimer says, the Institute should not be held responsible for any use made of this report by its readers.';
    const ctx = { report: new Report() };
    const reports = [
      ['Pakistan should reopen the border crossings for trade within the year.', notice],
      ['The United States should resume development aid to the border districts.', `Once more, ${notice.charAt(0).toLowerCase()}${notice.slice(1)}`],
      ['Regional connectivity projects could help both neighbours recover lost trade.', notice],
      ['Afghanistan should curb the militant groups that attack border posts.', notice],
    ];
    const analyses = await Promise.all(reports.map(async (conclusion, i) => analyze(await docOf(paper({ Introduction: ['Trade between the two neighbours fell after the withdrawal of foreign troops.'], Conclusion: conclusion }, `Border Report ${i + 1}`), `r${i}`), ctx, defaultAnalyzeOptions)));
    // The analysis of each report, alone, reads the notice as advice; the corpus shows it is a notice.
    expect(analyses.every((x) => x.recommendations.some((r) => r.text.includes('standard disclaimer')))).toBe(true);
    const brief = synthesize(analyses, ctx, { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 't', version: '0' } });
    expect(brief.recommendations.map((r) => r.text).filter((t) => t.includes('standard disclaimer'))).toEqual([]);
    expect(brief.recommendations.some((r) => /reopen the border crossings/.test(r.text))).toBe(true);
  });

  it('keeps a finding three editions of a report restate in the same words', async () => {
    const restated = 'The return of the Taliban has significantly weakened border security and cut cross-border trade between Pakistan and Afghanistan.';
    const ctx = { report: new Report() };
    const editions = await Promise.all(
      ['2022', '2023', '2024'].map(async (year, i) => analyze(await docOf(paper({ Introduction: [`Trade between the two neighbours changed again in ${year}.`], Conclusion: [restated, `Pakistan should reopen the ${['northern', 'southern', 'western'][i]} border crossings for trade.`] }, `Border Report ${year}`), `e${i}`), ctx, defaultAnalyzeOptions)),
    );
    const brief = synthesize(editions, ctx, { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 't', version: '0' } });
    expect(brief.findings.find((f) => f.text.includes('weakened border security'))?.support).toBe(3);
  });

  it('groups recommendations by actor then theme, in the order they are listed', async () => {
    const brief = await build();
    const flat = brief.recommendationGroups!.flatMap((g) => g.recommendationIds);
    expect(flat).toEqual(brief.recommendations.map((r) => r.id));
    for (const g of brief.recommendationGroups!) for (const id of g.recommendationIds) expect(brief.recommendations.find((r) => r.id === id)!.actor).toBe(g.actor);
    expect(brief.recommendations.map((r) => r.id)).toEqual(brief.recommendations.map((_, i) => `R${i + 1}`));
  });

  it('merges glossary spellings and the same dated event across sources', async () => {
    const brief = await build();
    const ttp = brief.glossary.filter((g) => g.term === 'TTP');
    expect(ttp).toHaveLength(1);
    expect([ttp[0].definition, ...(ttp[0].variants ?? [])].sort()).toEqual(['Tehreek-e-Taliban Pakistan', 'Tehrik-i-Taliban Pakistan']);
    expect(ttp[0].citations).toHaveLength(2);
    const kabul = brief.timeline.filter((e) => e.date === '2021-08-15');
    expect(kabul).toHaveLength(1);
    expect(kabul[0].support).toBe(2);
  });

  it('builds themes whose items and sources point at existing ids, and is deterministic', async () => {
    const one = await build();
    const two = await build();
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    const fIds = new Set(one.findings.map((f) => f.id));
    const rIds = new Set(one.recommendations.map((r) => r.id));
    expect(one.themes.length).toBeGreaterThan(0);
    for (const t of one.themes) {
      expect(t.label.length).toBeGreaterThan(2);
      expect(t.sourceIds.length).toBeGreaterThan(0);
      for (const id of t.findingIds) expect(fIds.has(id)).toBe(true);
      for (const id of t.recommendationIds) expect(rIds.has(id)).toBe(true);
    }
    for (const f of one.findings) for (const t of f.themeIds) expect(one.themes.some((x) => x.id === t)).toBe(true);
  });
});

describe('agreement', () => {
  it('marks similar recommendations to the same actor from different sources, on a shared phrase', async () => {
    const ctx = { report: new Report() };
    const one = paper({ Conclusion: ['Pakistan should expand regional connectivity projects with the Central Asian republics to open new markets.', 'The weather in the mountains was unusually harsh during the winter months of the study.'] }, 'Trade Routes North');
    const two = paper({ Conclusion: ['Islamabad must invest in regional connectivity so that its ports reach the Central Asian republics.', 'India should reduce tariffs on agricultural imports from its smaller neighbours.'] }, 'Ports and Markets');
    const analyses = [analyze(await docOf(one, 'one'), ctx, defaultAnalyzeOptions), analyze(await docOf(two, 'two'), ctx, defaultAnalyzeOptions)];
    const brief = synthesize(analyses, ctx, { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 't', version: '0' } });
    const recs = brief.recommendations.filter((r) => r.actor === 'Pakistan');
    expect(recs).toHaveLength(2);
    expect(recs[0].agreesWith).toEqual([recs[1].id]);
    const agreement = brief.agreements!.find((g) => g.kind === 'recommendation')!;
    expect(agreement.sourceIds).toEqual(['one', 'two']);
    expect(['regional connectivity', 'central asian', 'asian republics']).toContain(agreement.phrase);
    expect(brief.recommendations.find((r) => r.actor === 'India')!.agreesWith).toBeUndefined();
  });
});

describe('theme labels', () => {
  it('do not pair a phrase with its own acronym, and prefer the expansion to a bare acronym', async () => {
    const { labelOf, isAcronymOf } = await import('../../src/synthesize/themes.js');
    expect(isAcronymOf('SCO', 'Shanghai Cooperation Organization')).toBe(true);
    expect(isAcronymOf('FATA', 'Federally Administered Tribal Areas')).toBe(true);
    expect(isAcronymOf('CPEC', 'China-Pakistan Economic Corridor')).toBe(true);
    expect(isAcronymOf('UN', 'United States')).toBe(false);
    expect(isAcronymOf('Taliban', 'Tehrik al Ban')).toBe(false);
    expect(labelOf(['Shanghai Cooperation Organization', 'SCO', 'regional security'])).toBe('Shanghai Cooperation Organization and regional security');
    expect(labelOf(['SCO', 'Shanghai Cooperation Organization', 'member states'])).toBe('Shanghai Cooperation Organization and member states');
    expect(labelOf(['border security', 'trade'])).toBe('Border security and trade');
    expect(labelOf([])).toBe('Theme');
  });
});

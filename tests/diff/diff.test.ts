import { describe, expect, it } from 'vitest';
import { diffBriefs, formatChanges, formatChangesMarkdown, hasChanged, isUnchanged, keepThemeLabels, normalizeText } from '../../src/diff/index.js';
import { briefSchema, type Brief } from '../../src/model/schema.js';

const cite = (sourceId: string, quote: string) => ({ sourceId, start: 0, end: quote.length, quote });
const src = (id: string, sha: string, title: string) => ({ id, path: `sources/${id}.md`, sha256: sha.repeat(64), format: 'md' as const, title, authors: [], keywords: [], abstract: null, sections: [], keyphrases: [], summary: [] });

/** An edition written by hand: two sources, two themes, findings and recommendations with ids f1…, r1…. */
function edition(date: string, parts: Partial<Brief> = {}): Brief {
  return briefSchema.parse({
    generator: { name: 'briefwright', version: '0' },
    title: 'Brief',
    date,
    sources: [src('a', 'a', 'Water and power'), src('b', 'b', 'Trade routes')],
    themes: [
      { id: 't1', label: 'Groundwater depletion', keyphrases: ['groundwater', 'wells', 'aquifer'], sourceIds: ['a'], findingIds: ['f1'], recommendationIds: [] },
      { id: 't2', label: 'Tariffs', keyphrases: ['tariffs', 'exports', 'customs'], sourceIds: ['b'], findingIds: ['f2'], recommendationIds: ['r1'] },
    ],
    findings: [
      { id: 'f1', text: 'Groundwater use rose by a third between 2001 and 2020.', citations: [cite('a', 'Groundwater use rose by a third between 2001 and 2020.')], themeIds: ['t1'], support: 1 },
      { id: 'f2', text: 'Exports fell after 2019.', citations: [cite('b', 'The evidence suggests exports fell sharply after 2019.')], themeIds: ['t2'], support: 1 },
    ],
    recommendations: [{ id: 'r1', text: 'Ministers should publish tariff schedules.', actor: 'Ministers', strength: 'explicit', citations: [cite('b', 'We recommend that ministers publish tariff schedules.')], themeIds: ['t2'] }],
    glossary: [],
    timeline: [],
    ...parts,
  });
}

describe('diffBriefs', () => {
  it('finds nothing new in the same content under new ids and order', () => {
    const old = edition('2026-01-01');
    const renumbered = edition('2026-01-08', {
      findings: [...old.findings].reverse().map((f, i) => ({ ...f, id: `f${i + 7}` })),
      themes: old.themes.map((t, i) => ({ ...t, id: `x${i}` })),
      recommendations: old.recommendations.map((r) => ({ ...r, id: 'r9', text: 'Ministers should  publish tariff schedules!' })),
    });
    const c = diffBriefs(old, renumbered);
    expect(isUnchanged(c)).toBe(true);
    expect(c.since).toBe('2026-01-01');
    expect([c.findings.unchanged, c.themes.unchanged, c.recommendations.unchanged, c.sources.unchanged]).toEqual([2, 2, 1, 2]);
  });

  it('matches a reworded finding by its citation quote, and lists added and removed items', () => {
    const old = edition('2026-01-01');
    const next = edition('2026-01-08', {
      sources: [src('b', 'b', 'Trade routes'), src('a', 'c', 'Water and power'), src('c', 'd', 'Ports')],
      findings: [
        { ...old.findings[1], id: 'f1', text: 'Exports dropped after 2019 (sharp fall).' },
        { id: 'f2', text: 'Port traffic doubled.', citations: [cite('c', 'Port traffic doubled in five years.')], themeIds: [], support: 1 },
      ],
      themes: [old.themes[1], { id: 't3', label: 'Shipping', keyphrases: ['ports', 'ships'], sourceIds: ['c'], findingIds: ['f2'], recommendationIds: [] }],
    });
    const c = diffBriefs(old, next);
    expect(c.sources.added.map((s) => s.id)).toEqual(['c']);
    expect(c.sources.changed.map((s) => s.id)).toEqual(['a']);
    expect(c.sources.removed).toEqual([]);
    expect(c.findings.added.map((f) => f.text)).toEqual(['Port traffic doubled.']);
    expect(c.findings.removed.map((f) => f.text)).toEqual(['Groundwater use rose by a third between 2001 and 2020.']);
    // Matched by its quote, worded anew: reworded, not unchanged.
    expect(c.findings.changed?.map((f) => [f.from, f.text])).toEqual([['Exports fell after 2019.', 'Exports dropped after 2019 (sharp fall).']]);
    expect(c.findings.unchanged).toBe(0);
    expect(c.themes.added.map((t) => t.label)).toEqual(['Shipping']);
    expect(c.themes.removed.map((t) => t.label)).toEqual(['Groundwater depletion']);
    const text = formatChanges(c, { old: 'old.json', new: 'new.json' });
    expect(text).toContain('+ Port traffic doubled.');
    expect(text).toContain('- Groundwater depletion');
    expect(text).toContain('~ Water and power (sources/a.md)');
  });

  it('matches a theme with a new label by overlapping keyphrases', () => {
    const old = edition('2026-01-01');
    const next = edition('2026-01-08', { themes: [{ ...old.themes[0], label: 'Aquifers under stress', keyphrases: ['aquifer', 'groundwater', 'wells', 'pumping'] }, old.themes[1]] });
    const c = diffBriefs(old, next);
    expect(c.themes.added).toEqual([]);
    expect(c.themes.removed).toEqual([]);
    expect(c.themes.renamed).toEqual([{ from: 'Groundwater depletion', to: 'Aquifers under stress' }]);
    expect(c.themes.unchanged).toBe(1);
    expect(isUnchanged(c)).toBe(false);
    expect(formatChanges(c, { old: 'a', new: 'b' })).toContain('Themes: 0 new, 0 removed, 1 renamed, 1 unchanged\n  ~ Groundwater depletion → Aquifers under stress\n');
  });

  it('says which theme took up a theme that is gone, and renames a theme that kept half its phrases', () => {
    // As the bundled papers re-cluster when a fifth source is added: the TTP theme's phrases join
    // the Afghan Taliban theme, and a theme keeps half its phrases under another label.
    const theme = (id: string, label: string, keyphrases: string[]) => ({ id, label, keyphrases, sourceIds: ['a'], findingIds: [], recommendationIds: [] });
    const old = edition('2026-11-01', {
      themes: [
        theme('t1', 'Afghan Taliban', ['Afghan Taliban', 'Afghan refugees']),
        theme('t2', 'Tehrik-i-Taliban Pakistan', ['Tehrik-i-Taliban Pakistan', 'Pakistani border', 'terrorist organizations', 'terrorist attacks', 'security conditions']),
        theme('t3', 'Regional security and Shanghai Cooperation Organization', ['regional security', 'Shanghai Cooperation Organization', 'SCO', 'regional diplomacy', 'bilateral relations', 'regional instability']),
        theme('t4', 'Strategic partnership and China-Pakistan Economic Corridor', ['strategic partnership', 'China-Pakistan Economic Corridor']),
      ],
    });
    const next = edition('2026-11-08', {
      themes: [
        theme('t1', 'Regional security and US–Pakistan relations', ['regional security', 'US–Pakistan relations', 'security environment', 'military withdrawal', 'security conditions', 'regional actors']),
        theme('t2', 'Afghan Taliban', ['Afghan Taliban', 'Tehrik-i-Taliban Pakistan', 'terrorist organizations', 'Afghan refugees', 'Pakistani border', 'terrorist attacks']),
        theme('t3', 'Regional connectivity and infrastructure development', ['regional connectivity', 'infrastructure development', 'SCO', 'regional diplomacy', 'Shanghai Cooperation Organization', 'economic stability']),
        // The same label with its parts the other way round is not a new name.
        theme('t4', 'China-Pakistan Economic Corridor and strategic partnership', ['China-Pakistan Economic Corridor', 'foreign policy']),
      ],
    });
    const c = diffBriefs(old, next);
    expect(c.themes.renamed).toEqual([{ from: 'Regional security and Shanghai Cooperation Organization', to: 'Regional connectivity and infrastructure development' }]);
    expect(c.themes.removed.map((t) => [t.label, t.into])).toEqual([['Tehrik-i-Taliban Pakistan', 'Afghan Taliban']]);
    expect(c.themes.added.map((t) => t.label)).toEqual(['Regional security and US–Pakistan relations']);
    expect(c.themes.unchanged).toBe(2);
    expect(formatChanges(c, { old: 'a', new: 'b' })).toContain('  - Tehrik-i-Taliban Pakistan (merged into Afghan Taliban)\n');
  });

  it('lists a finding or recommendation matched by its quote but worded anew as reworded, not as new and removed', () => {
    const old = edition('2026-01-01');
    const next = edition('2026-01-08', {
      recommendations: [{ ...old.recommendations[0]!, text: 'Ministers should publish tariff schedules every quarter.' }],
    });
    const c = diffBriefs(old, next);
    expect([c.recommendations.added, c.recommendations.removed]).toEqual([[], []]);
    expect(c.recommendations.changed).toEqual([{ text: 'Ministers should publish tariff schedules every quarter.', from: 'Ministers should publish tariff schedules.', actor: 'Ministers', sourceIds: ['b'] }]);
    expect(c.recommendations.unchanged).toBe(0);
    expect([hasChanged(c, 'recommendations'), hasChanged(c, 'findings'), hasChanged(c, 'sources')]).toEqual([true, false, false]);
    expect(formatChanges(c, { old: 'a', new: 'b' })).toContain('Recommendations: 0 new, 0 removed, 1 reworded, 0 unchanged\n  ~ Ministers should publish tariff schedules every quarter. (was: Ministers should publish tariff schedules.)\n');
  });

  it('lists points of agreement that are new (a second source now makes them) or no longer made by several', () => {
    const withC = (b: Brief) => ({ ...b.findings[0]!, id: 'f3', text: 'Wells are drying across the basin.', citations: [cite('b', 'Wells are drying across the basin, the survey says.')] });
    const old = edition('2026-01-01');
    const oldB = { ...old, findings: [...old.findings, withC(old)], agreements: [
      { kind: 'finding' as const, ids: ['f1'], sourceIds: ['a'], phrase: null },
      { kind: 'finding' as const, ids: ['f2', 'f3'], sourceIds: ['b', 'a'], phrase: 'exports' },
    ] };
    const next = { ...oldB, date: '2026-01-08', agreements: [{ kind: 'finding' as const, ids: ['f1', 'f3'], sourceIds: ['a', 'b'], phrase: 'groundwater' }] };
    const c = diffBriefs(oldB, next);
    // f1 was "agreed" by one source only before: now two make it, which is new.
    expect(c.agreements?.added).toEqual([{ kind: 'finding', text: 'Groundwater use rose by a third between 2001 and 2020.', sourceIds: ['a', 'b'] }]);
    expect(c.agreements?.removed.map((a) => a.text)).toEqual(['Exports fell after 2019.']);
    expect(diffBriefs(next, next).agreements).toEqual({ added: [], removed: [], unchanged: 1 });
  });

  it('keeps a theme\'s previous label while that label still names it, and only then', () => {
    const old = edition('2026-01-01');
    // The same subject, its phrases re-ranked: labelled by another of them this time.
    const relabelled = edition('2026-01-08', { themes: [{ ...old.themes[0]!, label: 'Wells and aquifer', keyphrases: ['wells', 'aquifer', 'groundwater depletion', 'groundwater'] }, old.themes[1]!] });
    const kept = keepThemeLabels(edition('2026-01-01', { themes: [{ ...old.themes[0]!, label: 'Groundwater and wells' }, old.themes[1]!] }), relabelled);
    expect(kept.themes.map((t) => t.label)).toEqual(['Groundwater and wells', 'Tariffs']);
    expect(diffBriefs(edition('2026-01-01', { themes: [{ ...old.themes[0]!, label: 'Groundwater and wells' }, old.themes[1]!] }), kept).themes.renamed).toEqual([]);
    // "Groundwater depletion" is no longer one of its phrases: the new label stays, as a rename.
    const moved = edition('2026-01-08', { themes: [{ ...old.themes[0]!, label: 'Wells and aquifer', keyphrases: ['wells', 'aquifer', 'groundwater'] }, old.themes[1]!] });
    expect(keepThemeLabels(old, moved)).toBe(moved);
    expect(diffBriefs(old, moved).themes.renamed).toEqual([{ from: 'Groundwater depletion', to: 'Wells and aquifer' }]);
  });

  it('writes Markdown for a job summary: counts, then the items, with source text unable to add markup', () => {
    const old = edition('2026-01-01');
    const next = edition('2026-01-08', { findings: [...old.findings, { id: 'f3', text: 'Ports *doubled* [traffic](http://x.test) <b>.', citations: [cite('b', 'Ports doubled traffic in five years, the authority says.')], themeIds: [], support: 1 }] });
    const text = formatChangesMarkdown(diffBriefs(old, next), { old: 'out/editions/2026-01-01/model.json', new: 'out/model.json', date: '2026-01-08' });
    expect(text).toContain('## What changed since 2026-01-01\n');
    expect(text).toContain('| Findings | 1 | 0 | 0 | 2 |\n');
    expect(text).toContain('### Findings\n\n- **New:** Ports \\*doubled\\* \\[traffic\\]\\(http://x.test\\) \\<b\\>. \\[b\\]\n');
    expect(text).not.toContain('### Sources');
    expect(formatChangesMarkdown(diffBriefs(old, old), { old: 'a', new: 'b' })).toContain('Nothing of substance changed.');
  });

  it('normalises case, punctuation and quotes', () => {
    expect(normalizeText('“U.S.–Pakistan” ties,  Strained!')).toBe('u s pakistan ties strained');
  });
});

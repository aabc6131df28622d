import { describe, expect, it } from 'vitest';
import { diffBriefs, formatChanges, isUnchanged, normalizeText } from '../../src/diff/index.js';
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
    expect(c.findings.unchanged).toBe(1);
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

  it('normalises case, punctuation and quotes', () => {
    expect(normalizeText('“U.S.–Pakistan” ties,  Strained!')).toBe('u s pakistan ties strained');
  });
});

/**
 * A corpus in four formats shaped like real think-tank output (tests/fixtures/island-finance): a
 * Word policy paper, a PDF report with a typeset cover, a web commentary and a Markdown briefing.
 * What a reader of the brief expects from it: each source cited by title, authors, year and venue;
 * no table cells, roadmaps or calls to action stated as findings; advice addressed to the bodies the
 * sources name; no deadlines in the timeline.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFolder } from './corpus.js';
import type { Brief } from '../../src/model/schema.js';
import { repoRoot } from '../helpers.js';
import { toViewModel } from '../../src/render/view-model.js';

let brief: Brief;

beforeAll(async () => {
  ({ brief } = await buildFolder(join(repoRoot, 'tests', 'fixtures', 'island-finance'), undefined, '2025-12-01'));
}, 60_000);

describe('a think-tank corpus in four formats', () => {
  it('cites every source by title, authors, year and venue, as each prints them', () => {
    const bySource = Object.fromEntries(brief.sources.map((s) => [s.format, { title: s.title, authors: s.authors, year: s.year, venue: s.venue }]));
    expect(bySource).toEqual({
      html: { title: 'Debt-for-Climate Swaps Are Not a Silver Bullet for the Caribbean', authors: ['Andre Baptiste', 'Helena Lindqvist'], year: 2025, venue: 'Commentary, Caribbean Fiscal Futures Institute' },
      md: { title: 'Making the Loss and Damage Fund Work for Small Islands', authors: ["Teuila Fa'amausili", 'Marcus Greenidge'], year: 2025, venue: 'Briefing No. 7, Small Islands Climate Justice Collective' },
      pdf: { title: 'Adaptation Finance in the Pacific: From Pledges to Protection', authors: ['Losana Vakaloloma', 'Daniel Okonkwo-Hart', 'Priya Naidu'], year: 2025, venue: 'Island Resilience Report 2025, Pacific Resilience Finance Observatory (PRFO)' },
      docx: { title: 'Closing the Access Gap: Reforming Adaptation Finance for Small Island Developing States', authors: ['Mere Tuilagi', 'Jonathan Ashcroft-Reyes'], year: 2024, venue: 'Policy Paper No. 12, Tasman Centre for Development Policy (TCDP), Wellington' },
    });
  });

  it('states findings, not table cells, roadmaps, calls to action or the makers', () => {
    const texts = brief.findings.map((f) => f.text);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => /\||Transaction Region|^We (?:set out|urge|invite)|is a network of|next edition/.test(t))).toEqual([]);
  });

  it('addresses advice to the bodies the sources name, and dates no deadline as an event', () => {
    const actors = new Set(brief.recommendations.flatMap((r) => r.actors ?? []));
    for (const a of ['the FRLD Board', 'multilateral development banks', 'official creditors', 'donors', 'contributor governments']) expect(actors).toContain(a);
    // One body under its full name and its acronym is one audience, named by the acronym the sources define.
    expect(brief.recommendations.filter((r) => r.actors?.includes('the GCF Board')).length).toBeGreaterThanOrEqual(3);
    expect(actors).toContain('the IMF');
    expect(actors).not.toContain('the Board of the FRLD');
    expect([...actors].filter((a) => /Green Climate Fund|International Monetary Fund/.test(a))).toEqual([]);
    const advice = new Set(brief.recommendations.filter((r) => r.strength === 'explicit').map((r) => r.text));
    expect(brief.timeline.filter((e) => /\b(?:should|must|ought to)\b/.test(e.text) && [...advice].some((a) => a.includes(e.text.slice(0, 40))))).toEqual([]);
    expect(brief.timeline.some((e) => e.date === '2016-02-20' && /Winston/.test(e.text))).toBe(true);
  });

  it('finds the advice two reports share, though its phrase is in four of the corpus sentences, and the brief lists it where the sources agree', () => {
    const shared = (brief.agreements ?? []).filter((a) => a.kind === 'recommendation' && a.sourceIds.length === 2);
    const texts = shared.map((a) => a.ids.map((id) => brief.recommendations.find((r) => r.id === id)!.text).join(' | '));
    expect(texts.some((t) => /fast-track accreditation window.*\|.*fast-track accreditation window/.test(t))).toBe(true);
    const view = toViewModel(brief);
    expect(view.agreements.some((a) => /fast-track accreditation window/.test(a.text) && a.support === 2)).toBe(true);
  });

  it('names no theme by the name a source is published under, and lists sources in order in the handout', () => {
    expect(brief.themes.filter((t) => t.keyphrases.some((k) => /Island Resilience Report|Tasman Centre/i.test(k)))).toEqual([]);
    for (const q of toViewModel(brief).discussionQuestions) {
      const m = /^Sources (\d+) and (\d+)/.exec(q);
      if (m) expect(Number(m[1])).toBeLessThan(Number(m[2]));
    }
  });
});

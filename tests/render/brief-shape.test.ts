/**
 * The policy-brief shape on a brief written in code: the bottom line takes one source at a time,
 * judgements count their sources, disagreements print each side with its passages, the strength
 * labels are explained, and analyst overrides keep agreements by meaning (they have no item ids).
 */
import { describe, expect, it } from 'vitest';
import type { Brief, Citation } from '../../src/model/schema.js';
import { bodyName, toViewModel } from '../../src/render/view-model.js';
import { applyTemplate } from '../../src/render/templates.js';
import { normalizeMarkdown } from '../../src/render/markdown.js';
import { loadTemplate } from '../../src/cli/template-files.js';
import { aboutTheDocument, asOwnSentence, pointsBack, strengthNote } from '../../src/render/brief-shape.js';
import { applyOverrides } from '../../src/config/overrides.js';
import { fixtureBrief } from './fixture.js';

const quoteOf = (brief: Brief, id: string): Citation => brief.findings.find((f) => f.id === id)!.citations[0]!;

/** The fixture with an agreement by meaning (no item ids) and a dated disagreement. */
function shaped(): Brief {
  const brief = fixtureBrief();
  const a = quoteOf(brief, 'F1');
  const b = brief.timeline[0]!.citations[0]!;
  // Two passages the bottom line does not quote, one from each source.
  const c = brief.timeline[1]!.citations[0]!;
  brief.agreements = [{ kind: 'finding', ids: [], sourceIds: ['a_src', 'b_src'], phrase: null, claim: 'Therefore, attacks expanded after the withdrawal', citations: [c, b], strength: { sources: 2, directness: 0.5 } }];
  brief.disagreements = [{ point: 'When the withdrawal ended: In August 2021 the United States completed its withdrawal from Afghanistan.', kind: 'date', positions: [{ summary: '2021', citations: [b] }, { summary: '2022', citations: [a] }] }];
  return brief;
}

describe('a briefing shaped like a policy brief', () => {
  it('draws the bottom line from each source before a second sentence from any', () => {
    const view = toViewModel(fixtureBrief());
    const firstSources = view.bottomLine.map((f) => f.citations[0]!.n);
    expect(view.bottomLine.length).toBeGreaterThanOrEqual(2);
    expect(new Set(firstSources.slice(0, 2)).size).toBe(2);
    for (const f of view.bottomLine) expect(f.cite).toMatch(/^\[\d/);
  });

  it('counts the sources of each judgement and names a single one', () => {
    const view = toViewModel(shaped());
    expect(view.judgements[0]).toMatchObject({ support: 2, supportLabel: '2 of 2 sources: Khan and Ahmed; Li' });
    // The claim reads as a sentence of its own: no leading connective, a full stop.
    expect(view.judgements[0]!.text).toBe('Attacks expanded after the withdrawal.');
    for (const j of view.judgements.slice(1)) expect(j.supportLabel).toMatch(/^1 of 2 sources: (Khan and Ahmed|Li)$/);
  });

  it('takes no judgement from a shared recommendation or a claim leaning on what came before', () => {
    for (const [kind, claim] of [['recommendation', 'Attacks expanded after the withdrawal'], ['finding', 'It requires coordination from the whole community']] as const) {
      const brief = shaped();
      brief.agreements![0] = { ...brief.agreements![0]!, kind, claim };
      const view = toViewModel(brief);
      expect(view.judgements.map((j) => j.text)).not.toContain(asOwnSentence(claim));
      for (const j of view.judgements) expect(j.support).toBe(1);
    }
  });

  it('names a source with no person as its author by the body that issued it', () => {
    expect(bodyName('United Nations Educational, Scientific and Cultural Organization (UNESCO)')).toBe('UNESCO');
    expect(bodyName('World Bank')).toBe('World Bank');
    expect(bodyName('European Union, Joint Research Centre of the European Commission in Brussels')).toBe('');
    const brief = shaped();
    brief.sources[1] = { ...brief.sources[1]!, authors: [], publisher: 'Organisation for Economic Co-operation and Development (OECD)' };
    const view = toViewModel(brief);
    expect(view.judgements.some((j) => /: OECD$|; OECD$|OECD;/.test(j.supportLabel))).toBe(true);
  });

  it('prints each side of a disagreement with its passage and citation, after the agreements', () => {
    const md = normalizeMarkdown(applyTemplate(loadTemplate('briefing'), toViewModel(shaped())));
    const part = md.slice(md.indexOf('## Where they disagree'), md.indexOf('## Recommendations'));
    expect(md.indexOf('## Where the sources agree')).toBeLessThan(md.indexOf('## Where they disagree'));
    expect(part).toContain('**When the withdrawal ended.** In August 2021 the United States completed its withdrawal from Afghanistan. \\[2\u00a0§1]');
    expect(part).toContain('- *2021* (1 of 2 sources: Li): “In August 2021 the United States completed its withdrawal from Afghanistan.” \\[2\u00a0§1]');
    expect(part).toMatch(/- \*2022\* \(1 of 2 sources: Khan and Ahmed\): “Pakistan’s counterterrorism .*” \\\[1\u00a0§3\.1\]/);
    // Each source's own words under the agreed point (the claim's own words are not repeated).
    const agree = md.slice(md.indexOf('## Where the sources agree'), md.indexOf('## Where they disagree'));
    expect(agree).toContain("  - Khan and Ahmed: “The Tehrik-i-Taliban Pakistan (TTP) expanded attacks in 2022 and 2023.”");
  });

  it('closes a point in dispute that is a whole sentence with one full stop', () => {
    const brief = shaped();
    brief.disagreements[0]!.point = 'Foundational skills will remain key for education in the future.';
    const md = normalizeMarkdown(applyTemplate(loadTemplate('briefing'), toViewModel(brief)));
    expect(md).toContain('**Foundational skills will remain key for education in the future.**');
  });

  it('says so when the sources were compared and nothing conflicts', () => {
    const md = normalizeMarkdown(applyTemplate(loadTemplate('briefing'), toViewModel(fixtureBrief())));
    expect(md).toMatch(/## Where they disagree\n\nThe sources were compared for conflicting dates, figures and opposite judgements on the same point; none was found\./);
  });

  it('explains only the strength labels the recommendations show', () => {
    expect(strengthNote(['explicit'])).toBe('*explicit*: the source asks in so many words (should, must, recommend).');
    expect(strengthNote(['implicit', 'explicit'])).toMatch(/^\*explicit\*: .*; \*implicit\*: an ask without such a word/);
    expect(strengthNote([])).toBe('');
    expect(toViewModel(fixtureBrief()).strengthNote).toMatch(/^\*explicit\*/);
  });

  it('keeps sentences about the paper itself, or pointing back at unnamed things, out of the bottom line', () => {
    expect(aboutTheDocument('This study examines the evolution of relations.')).toBe(true);
    expect(aboutTheDocument('The paper also reviews the changing foreign relations.')).toBe(true);
    expect(aboutTheDocument('Pakistan faces a new security dilemma.')).toBe(false);
    expect(aboutTheDocument('On the economic side, the study analyses how instability derailed connectivity plans.')).toBe(true);
    expect(pointsBack('Mistrust between the two countries grew.')).toBe(true);
    expect(pointsBack('The resultant state of affairs narrowed the options.')).toBe(true);
    expect(pointsBack('Both Pakistan and India reacted.')).toBe(false);
  });

  it('keeps agreements by meaning through analyst overrides (they cite passages, not items)', () => {
    const brief = shaped();
    const { brief: out } = applyOverrides(brief, { drop: [brief.findings[1]!.id], pin: [], themes: {} });
    expect(out.agreements).toHaveLength(1);
    expect(out.agreements![0]!.claim).toBe(brief.agreements![0]!.claim);
  });
});

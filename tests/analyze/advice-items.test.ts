import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { findRecommendations } from '../../src/analyze/recommendations.js';
import { addresseeOfHeading, addresseeOfLeadIn } from '../../src/analyze/advice-context.js';
import { itemForm, leadKindOf } from '../../src/analyze/advice-items.js';

const recsOf = async (md: string) => {
  const ctx = { report: new Report() };
  const source = await ingest({ path: 'report.md', bytes: Buffer.from(md) }, ctx);
  return findRecommendations(structure(source!, ctx), { actorAliases: {} });
};

describe('list items as recommendations', () => {
  it('reads each bullet under a heading that names its audience whole, its bold lead-in as its label', async () => {
    const r = await recsOf(
      [
        '# Export Controls and the Chip Race',
        '',
        '## Introduction',
        '',
        'Export controls on advanced chips have grown in scope since 2022, and their enforcement has lagged behind.',
        '',
        '## Recommendations for Congress',
        '',
        '- **Fund the enforcement office.** Appropriate enough money for the Bureau of Industry and Security to double its field agents. The office has been short of staff for a decade.',
        '- **Mandate end-use checks.** Require checks for every licensed shipment of advanced chips to high-risk destinations.',
        '- A standing annual review of the control list, with public reporting of denials.',
      ].join('\n'),
    );
    expect(r.map((x) => x.actor)).toEqual(['Congress', 'Congress', 'Congress']);
    expect(r.map((x) => x.label)).toEqual(['Fund the enforcement office', 'Mandate end-use checks', undefined]);
    expect(r[0].text).toMatch(/short of staff for a decade\.$/);
    expect(r[2].strength).toBe('implicit');
  });

  it('takes the addressee of numbered items from their lead-in, across thematic sub-headings', async () => {
    const r = await recsOf(
      [
        '# Outcome document',
        '',
        '## Recommended actions',
        '',
        'We RECOMMEND that ministries of health and their partners, in line with national law, consider the following actions:',
        '',
        '1. Be mindful of the cost of new screening programmes for rural clinics.',
        '',
        '## Workforce',
        '',
        '2. Train community health workers in the use of rapid tests.',
        '',
        'We INVITE the Director-General of the agency to seek to implement the following actions:',
        '',
        '3. Support countries in pooling the procurement of rapid tests.',
      ].join('\n'),
    );
    expect(r.map((x) => x.actor)).toEqual(['ministries of health and their partners', 'ministries of health and their partners', 'Director-General of the agency']);
  });

  it('does not read the items of a list that describes abilities, or recitals and declarations, as advice', async () => {
    const r = await recsOf(
      [
        '# A network for open resources',
        '',
        '## Background',
        '',
        'Once the corpus is signed and indexed, it becomes possible to:',
        '',
        '- Identify newly published resources and their authors.',
        '- Calculate the degree of re-use of each resource.',
        '',
        'RECOGNISING that given the rapid change in technology there is a need for a stable policy environment.',
        '',
        'We also affirm that the development of the network should be led by its users.',
      ].join('\n'),
    );
    expect(r).toEqual([]);
  });

  it('tells instructions, "X to do" items and noun phrases apart, and lead-ins that ask from those that describe', () => {
    expect(itemForm('Promote free and competitive media.')).toBe('imperative');
    expect(itemForm('Be cognizant of trends in learning assessment.')).toBe('imperative');
    expect(itemForm('Access to finance remains limited for small firms.')).toBe('clause');
    expect(itemForm('R&D Centres to develop the technologies required for tracing.')).toBe('actor-to');
    expect(itemForm('to monitor the implementation of this Recommendation.')).toBe('to-infinitive');
    expect(itemForm('A global governing body for AI safety research.')).toBe('noun-phrase');
    expect(leadKindOf('Governments should:')).toBe('ask');
    expect(leadKindOf('This network would have several functions, including the ability to:')).toBe('describe');
    expect(addresseeOfLeadIn('RECOMMENDS that Members and non-Members adhering to this Recommendation (hereafter the “Adherents”) promote the following principles:')).toBe('Adherents');
    expect(addresseeOfLeadIn('CALLS ON all AI actors to promote the following principles.')).toBe('AI actors');
    expect(addresseeOfHeading('Recommendations for the Department of Defense')).toBe('Department of Defense');
    expect(addresseeOfHeading('Providers of GenAI tools')).toBe('Providers of GenAI tools');
    expect(addresseeOfHeading('Recommendations for a safer grid')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { findRecommendations } from '../../src/analyze/recommendations.js';
import { docOf, paper } from '../synthesize/doc.js';

const recsOf = async (sentences: string[], heading = 'Discussion', aliases: Record<string, string> = {}) => {
  const doc = await docOf(paper({ Introduction: ['This paper looks at trade between two neighbours over ten years of change.'], [heading]: [sentences.join(' ')] }));
  return findRecommendations(doc, { actorAliases: aliases });
};

describe('findRecommendations', () => {
  it('finds duty words and names the actor through the alias table', async () => {
    const r = await recsOf([
      'Islamabad should reopen the border crossings for trade within the year.',
      'Washington must restore the aid programme that was cut in the past decade.',
      'It is imperative for the United States to engage Pakistan on climate change.',
    ]);
    expect(r.map((x) => x.actor)).toEqual(['Pakistan', 'United States', 'United States']);
    expect(r.every((x) => x.strength === 'explicit')).toBe(true);
    expect(r[0].action).toMatch(/^reopen the border crossings/);
  });

  it('joins several actors in a fixed order and resolves "both states" and "it" from context', async () => {
    const r = await recsOf([
      'The US and Pakistan share a long history of uneven cooperation in the region.',
      'Both states ought to build confidence through regular dialogue on border security.',
      'Kabul faces isolation after the change of government in the capital city.',
      'It ought to acknowledge the security concerns of its eastern neighbour.',
    ]);
    expect(r.map((x) => x.actor)).toEqual(['Pakistan and United States', 'Afghanistan']);
  });

  it('resolves "it" to the sentence before only, and not when it opens another clause', async () => {
    const r = await recsOf([
      'The conference took place in Washington, DC, USA in November of that year.',
      'Distributed document retrieval is a more sophisticated task than resource selection.',
      'It should select the relevant information sources for each query of the users.',
      'Non-U.S. authors are found less often than U.S. authors by the homepage finder.',
      'In other words, it is not a major loss for recall, and the crawler should still be able to find most of the pages.',
    ]);
    expect(r.map((x) => x.actor)).toEqual([null, null]);
  });

  it('gives a subject naming a relation two actors, or none', async () => {
    const r = await recsOf([
      'China supplies most of the hardware modules used by the project.',
      'These relationships, as well as interactions among software modules, must be carefully analyzed from an early stage.',
      'The US and Pakistan share a long history of uneven cooperation in the region.',
      'The relationship has to evolve its focus to accommodate new domains of concern.',
    ]);
    expect(r.map((x) => x.actor)).toEqual([null, 'Pakistan and United States']);
  });

  it('does not read a recommendation system or an idiom of expectation as advice', async () => {
    const r = await recsOf([
      'A database recommendation system goes a step further than a browsing system by recommending the most relevant sources.',
      'Given the foundational nature of the course, it should come as no surprise that it only has core learning outcomes.',
      'Our main recommendation is that both neighbours reopen the border crossings for trade.',
    ]);
    expect(r.map((x) => x.text)).toEqual(['Our main recommendation is that both neighbours reopen the border crossings for trade.']);
  });

  it('marks advice phrased as benefit or possibility as implicit', async () => {
    const r = await recsOf(['By cooperating on flood relief, Pakistan and the US might strengthen their capacity to respond to crises.']);
    expect(r).toHaveLength(1);
    expect(r[0].strength).toBe('implicit');
  });

  it('leaves out reported claims, descriptions of need, burdens and reader instructions', async () => {
    const r = await recsOf([
      'The minister said that the government should resign before the elections next spring.',
      'The militant groups are convinced of the need to challenge state authority in the tribal areas.',
      'The attacks continued because the militants need to show strength to their recruits.',
      'Unless the border is secured, Pakistan will have to contend with many more challenges.',
      'It must be noted that the data cover only the first two years after the withdrawal.',
      'The US needed Pakistan to restrain the Soviet Union in Afghanistan during the war.',
      'Should the US decide to resume aid, the relationship would change in important ways.',
    ]);
    expect(r.map((x) => x.text)).toEqual([]);
  });

  it('states the recommendation without a clause that only reports it, its span moved to match', async () => {
    const doc = await docOf(paper({ Conclusion: ['Therefore, the US should address the issue of regional strategic balance with India and encourage restraint.', 'All things considered, Pakistan and the US should collaborate on shared interests in a rapidly evolving world.'] }));
    const r = findRecommendations(doc, { actorAliases: {} });
    expect(r.map((x) => x.text)).toEqual(['the US should address the issue of regional strategic balance with India and encourage restraint.', 'Pakistan and the US should collaborate on shared interests in a rapidly evolving world.']);
    for (const x of r) expect(doc.source.text.slice(x.start, x.end)).toBe(x.text);
    expect(r[0].actor).toBe('United States');
  });

  it('lets the user extend the alias table', async () => {
    const r = await recsOf(['The Kremlin should mediate between the parties in the coming months.', 'GHQ must rethink its western border strategy.'], 'Discussion', { ghq: 'Pakistan Army' });
    expect(r.map((x) => x.actor)).toEqual(['Russia', 'Pakistan Army']);
  });

  it('reads any "X can …" as advice inside a recommendations section only', async () => {
    const sentence = 'Pakistan can set up special economic zones along the border for local trade.';
    expect(await recsOf([sentence], 'Recommendations')).toHaveLength(1);
    expect(await recsOf([sentence], 'Analysis')).toHaveLength(0);
  });
});

describe('imperative recommendations', () => {
  it('reads list items and sentences of a recommendations section that open with a verb as explicit advice', async () => {
    const text = paper({
      Analysis: ['The border has been closed for months, and trade has fallen by half since the spring.', '- Trade has fallen sharply across all the crossings this year.'],
      Recommendations: ['Reopen the main crossings for trade and publish a timetable for the others.', 'Expand the joint patrols along the border with monthly reviews of incidents.'],
      Appendix: ['- Create a joint commission to settle disputes about the crossings within a month.'],
    });
    const r = findRecommendations(await docOf(text), { actorAliases: {} });
    expect(r.map((x) => x.text.replace(/^- /, ''))).toEqual([
      'Reopen the main crossings for trade and publish a timetable for the others.',
      'Expand the joint patrols along the border with monthly reviews of incidents.',
      'Create a joint commission to settle disputes about the crossings within a month.',
    ]);
    expect(r.every((x) => x.strength === 'explicit')).toBe(true);
  });
});

describe('recommendations read as prose', () => {
  it('are not found in formulas, code or table runs that happen to hold a duty word', async () => {
    const doc = await docOf(
      paper({
        Recommendations: [
          'Let E E 1 D 1 and F F 1 D 2 be perturbations of A and B, respectively, such that the norm must stay below 1 e 2 n.',
          'In addition to the control token being present on the Ready place, an Enable token must also be present on the Alg_Enabled place for the Perform_Alg transition to fire.',
          'Regulators should require banks to publish their exposure to climate risk every year.',
        ],
      }),
    );
    expect(findRecommendations(doc, { actorAliases: {} }).map((r) => r.text)).toEqual(['Regulators should require banks to publish their exposure to climate risk every year.']);
  });

  it('are not a lead-in whose substance is the list after its colon', async () => {
    const doc = await docOf(
      paper({
        Recommendations: [
          'Pakistan should take the following steps to secure its western border:',
          '1. Pakistan should fence the remaining sections of the border and staff every crossing.',
          'Therefore quantum error correction must address the following problems:',
        ],
      }),
    );
    expect(findRecommendations(doc, { actorAliases: {} }).map((r) => r.text)).toEqual(['Pakistan should fence the remaining sections of the border and staff every crossing.']);
  });

});

describe('the actor of a recommendation', () => {
  it('is the body that should act when it is no country: a ministry, donors, regulators', async () => {
    const doc = await docOf(
      paper({
        Recommendations: [
          'The federal Ministry of Water Resources must bring a common groundwater accounting standard to the council by 2026.',
          'Donors and multilateral lenders should make finance for solar pumps conditional on flow monitoring.',
          'Regulators should publish the distribution of subsidy benefits by farm size.',
          'Provincial irrigation departments and IRSA should require an assessment of recharge before approving canal lining.',
          'The Council of Common Interests should adopt the standard within a year of its tabling.',
        ],
      }),
    );
    expect(findRecommendations(doc, { actorAliases: {} }).map((r) => r.actor)).toEqual([
      // In the source's own case (a capital that only opens the sentence dropped), with "the" before one body.
      'the federal Ministry of Water Resources',
      'donors and multilateral lenders',
      'regulators',
      'provincial irrigation departments and IRSA',
      'the Council of Common Interests',
    ]);
  });

  it('names two bodies joined by "and" as one audience, but not a compound like "e-government" or an opening aside', async () => {
    const doc = await docOf(
      paper({
        Recommendations: [
          'The federal government and the Government of Balochistan must attach extraction limits to any publicly financed solar conversion.',
          'E-government services must become more user-friendly and easier to find for every citizen.',
          'Before analysing instruments developed to measure e-government development, it is necessary to understand what they count.',
        ],
      }),
    );
    const recs = findRecommendations(doc, { actorAliases: {} });
    expect(recs.map((r) => r.actors)).toEqual([['the federal government and the Government of Balochistan'], [], []]);
  });

  it('names boards, funds, banks and creditors as audiences, and reads past an aside that describes the subject', async () => {
    const doc = await docOf(
      paper({
        Recommendations: [
          'The FRLD Board should create a pre-approved rapid-response window for small island states.',
          'We urge the Board and contributor governments to build a fund that pays out within thirty days.',
          'Multilateral development banks ought to extend climate-resilient debt clauses to all existing sovereign loans.',
          'Official creditors, including the multilateral development banks, ought to offer pause clauses on existing loans.',
          'The regional fund, established under the 2019 treaty, should publish its disbursement times every quarter.',
        ],
        // A possibility is not advice because its subject is a fund or a network.
        Discussion: ['Neural networks can be used for improving the maintenance of legacy software systems.', 'The regional fund can help small states pay their insurance premiums after a disaster.'],
      }),
    );
    expect(findRecommendations(doc, { actorAliases: {} }).map((r) => r.actors)).toEqual([['the FRLD Board'], ['the Board and contributor governments'], ['multilateral development banks'], ['official creditors'], ['the regional fund']]);
  });

  it('keeps the capital of a one-word body the source capitalises inside sentences ("the Fund")', async () => {
    const doc = await docOf(
      paper({
        Background: ['Pledges to the Fund stood at about USD 768 million in early 2025, of which only part had been paid in.'],
        Recommendations: ['The Fund should finance community-led responses, including cultural heritage programmes.', 'Donors should report adaptation finance on a grant-equivalent basis from 2026.'],
      }),
    );
    expect(findRecommendations(doc, { actorAliases: {} }).map((r) => r.actors)).toEqual([['the Fund'], ['donors']]);
  });
});

describe('proposals in the mandative subjunctive', () => {
  it('reads "the paper suggests that X reinforce …" as advice to X, and "suggests that trade has grown" as a report', async () => {
    const doc = await docOf(
      paper({
        Discussion: [
          'The paper suggests that Pakistan and the US reinforce their relationship on consolidated grounds by mitigating mistrust.',
          'The analysis suggests that trade has grown since the agreement was signed in 2015.',
          'This study suggests that the two countries remain far apart on the question of the border.',
          'We propose that the Council establish a standing committee on border trade.',
          'In summary, the treaty does not have to prescribe the measures each state takes at the border.',
        ],
      }),
    );
    const recs = findRecommendations(doc, { actorAliases: {} });
    expect(recs.map((r) => r.actor)).toEqual(['Pakistan and United States', 'the Council']);
  });
});

describe('parts that are not advice, whatever their wording', () => {
  it('reads no advice in a section on prospects, a run-in acknowledgements paragraph or glossary entries set as a list', async () => {
    const doc = await docOf(
      paper({
        Introduction: ['This report looks at the border dispute between two provinces over customs revenue.'],
        'Prospects of the Border Dispute': ['On the other hand, the new commander may also face opposition from the returning faction leaders.'],
        'Recommendations for the Ministry': [
          'The ministry should publish the customs revenue every quarter.',
          'Acknowledgements: The author would like to thank the customs officers of both provinces for their time.',
        ],
        'Background on the council': [
          '• Decisions: instruments of the council which are binding on all members. Members must take the measures necessary to apply them.',
          '• AI system: An AI system is a machine-based system that can make predictions.',
        ],
      }),
    );
    expect(findRecommendations(doc, { actorAliases: {} }).map((r) => r.text)).toEqual(['The ministry should publish the customs revenue every quarter.']);
  });
});

import { describe, expect, it } from 'vitest';
import { findFindings } from '../../src/analyze/findings.js';
import { claimOf } from '../../src/analyze/claim.js';
import { isProse } from '../../src/analyze/body-text.js';
import { docOf, paper } from '../synthesize/doc.js';

describe('findFindings', () => {
  it('keeps this paper\'s conclusions, not other authors\' results, methods or background', async () => {
    const doc = await docOf(
      paper({
        Abstract: ['This paper examines how the withdrawal of foreign troops changed border security and trade between the two neighbours.'],
        'Literature Review': [
          'Raz (2023) shows that border trade collapsed after the withdrawal of foreign troops from the region.',
          'Earlier work found that border security and trade move together in unstable regions (Khan, 2021).',
        ],
        Methodology: ['This study uses qualitative content analysis of secondary data from news reports and official statements.'],
        Background: ['The border between the two countries was drawn in 1893 and has been disputed by successive governments ever since.'],
        Conclusion: [
          'The analysis shows that the withdrawal of foreign troops weakened border security and cut cross-border trade by a large margin.',
          'As a result, militancy along the border has increased and has become the primary obstacle to closer economic ties between the two neighbours.',
        ],
      }),
    );
    const f = findFindings(doc);
    const texts = f.map((x) => x.text);
    expect(texts.slice(0, 2).sort()).toEqual([
      'As a result, militancy along the border has increased and has become the primary obstacle to closer economic ties between the two neighbours.',
      // The claim without the clause that reports it ("The analysis shows that").
      'the withdrawal of foreign troops weakened border security and cut cross-border trade by a large margin.',
    ]);
    expect(texts.some((t) => /Raz|Khan|qualitative|1893/.test(t))).toBe(false);
    for (const x of f) expect(doc.source.text.slice(x.start, x.end).replace(/\s+/g, ' ')).toBe(x.text);
    expect([...f].sort((a, b) => b.score - a.score)).toEqual(f);
  });

  it('leaves out instructions; prefers the inference an argument draws', async () => {
    const doc = await docOf(
      paper({
        Discussion: [
          'Update and develop mechanisms to anticipate the skills that ministries will need for digital public services.',
          'Several ministries publish data about digital public services, and some publish it every quarter.',
          'Consequently, most citizens cannot tell whether digital public services have improved since the reform began.',
        ],
      }),
    );
    const texts = findFindings(doc, new Set(), { max: 10, redundancy: 0.99 }).map((f) => f.text);
    expect(texts[0]).toMatch(/most citizens cannot tell/);
    expect(texts.filter((t) => /^Update/.test(t))).toEqual([]);
  });

  it('leaves out examples, and puts claims about a figure or formula the brief cannot show after the rest', async () => {
    const doc = await docOf(
      paper({
        Conclusion: [
          'For example, in one experiment the crawler downloaded more than ninety percent of a hidden web site after a few hundred queries.',
          'The adaptive crawler downloads most of a hidden web site with far fewer queries than a generic crawler needs.',
          'As Table 3 shows, the adaptive crawler needs far fewer queries than a generic crawler to cover a hidden web site.',
        ],
      }),
    );
    const texts = findFindings(doc, new Set(), { max: 10, redundancy: 0.99 }).map((f) => f.text);
    expect(texts.some((t) => t.startsWith('For example'))).toBe(false);
    expect(texts.indexOf('The adaptive crawler downloads most of a hidden web site with far fewer queries than a generic crawler needs.')).toBe(0);
  });

  it('reads only prose: not the axis labels, tables and markup that PDF conversion leaves in the text', () => {
    expect(isProse('In total, the crawler has acquired 236 out of the 289 papers (81.66%) published in the two venues.')).toBe(true);
    expect(isProse('Border trade fell by 12.5 percent in 2022, and 272 attacks took place between August 2021 and March 2022.')).toBe(true);
    expect(isProse('0 5 10 15 20 25 30 35 40 45 50 55 Day of crawl 0 2 4 6 8 10 12 Average PageRank (remote links only)')).toBe(false);
    expect(isProse('The time unit in Time/Voxels is µs Buddha 1087716 512 1825.47 3.57 13.60 1.68')).toBe(false);
    expect(isProse("Equipos Mas Seguros: Si Te Inyectas Drogas.', (&lt;/TITLE&gt;, &lt;/HEAD&gt;, &lt;BODY&gt;)")).toBe(false);
    // Code and API listings (a manual's function reference; a type class in a paper).
    expect(isProse('[Function]long asn1_get_length_der (const unsigned char * der, int der_len, int * len) der: DER data to decode.')).toBe(false);
    expect(isProse('Alternatively, we can use a type class FunctorRep to capture the notion of functor. class FunctorRep f where fmapRep :: (a -> b)')).toBe(false);
    // One name in code type, or a product's name, is still prose.
    expect(isProse('The crawler stores each page in the page_store table before it is parsed.')).toBe(true);
    expect(isProse('Most respondents used JavaScript and PowerPoint daily, and half watched YouTube for news.')).toBe(true);
  });

  it('leaves out sentences that are recommendations', async () => {
    const doc = await docOf(paper({ Conclusion: ['The analysis shows that the withdrawal of foreign troops weakened border security and cut cross-border trade by a large margin.'] }));
    const all = findFindings(doc);
    expect(all).toHaveLength(1);
    // Recommendations are excluded by the end of their sentence (their start may move past a
    // reporting clause, their end does not).
    expect(findFindings(doc, new Set([all[0].end]))).toHaveLength(0);
  });

  it('states the claim without the clause reporting it, its span in the source moved to match', async () => {
    const text = 'The entire   discussion in this paper\nindicates that the primary cause of the strained relations is the bond between the Taliban and the TTP.';
    const doc = await docOf(paper({ Conclusion: [text, 'Therefore, border trade between the two neighbours is likely to remain low for the coming decade.'] }));
    const [s1, s2] = doc.sentences.filter((s) => s.text.startsWith('The entire') || s.text.startsWith('Therefore'));
    const one = claimOf(doc, s1);
    expect(one.text).toBe('the primary cause of the strained relations is the bond between the Taliban and the TTP.');
    expect(doc.source.text.slice(one.start, one.end)).toBe(one.text);
    expect(claimOf(doc, s2).text).toBe('border trade between the two neighbours is likely to remain low for the coming decade.');
    // A comma after "that" opens an aside and goes with the clause.
    const aside = 'The article argues that, despite the ambiguity of systemic signals, sustained cooperation between the two neighbours is essential.';
    const doc2 = await docOf(paper({ Conclusion: [aside] }));
    const s3 = doc2.sentences.find((s) => s.text.startsWith('The article'))!;
    const three = claimOf(doc2, s3);
    expect(three.text).toBe('despite the ambiguity of systemic signals, sustained cooperation between the two neighbours is essential.');
    expect(doc2.source.text.slice(three.start, three.end)).toBe(three.text);
    // Nothing to leave out: the sentence as it is.
    const plain = { ...s2, text: 'The analysis shows the data.' };
    expect(claimOf(doc, plain)).toEqual({ start: plain.start, end: plain.end, text: plain.text });
  });

  it('leaves out what the authors do, ask or are: roadmaps, calls to action, the makers and the editions', async () => {
    const claims = [ // claims: they stay
      'We find that the binding constraint is the ability of island governments to access finance, not its volume.',
      'The evidence shows a steady shift from grants to loans over the five years to 2024 in every subregion.',
    ];
    const aboutTheDocument = [
      'We set out seven recommendations for the Board, contributor governments and regional organisations.',
      'We urge the Board and contributor governments to build a fund that meets that test of speed.',
      'The Small Islands Climate Justice Collective is a network of community organisations and researchers.',
      'The next edition of the Island Resilience Report, due in October 2026, will assess the new commitments.',
      'This briefing was reviewed by members of the collective in Apia, Suva, Roseau and Kingstown.',
      'The views expressed are those of the authors and of no institution they are affiliated with.',
    ];
    const doc = await docOf(paper({ Conclusion: [...claims, ...aboutTheDocument] }));
    const found = findFindings(doc).map((f) => f.text);
    expect(found.some((f) => f.includes('the binding constraint is the ability of island governments'))).toBe(true);
    expect(found.some((f) => f.includes('a steady shift from grants to loans'))).toBe(true);
    for (const t of aboutTheDocument) expect(found).not.toContain(t);
  });
});

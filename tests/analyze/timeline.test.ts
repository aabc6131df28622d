import { describe, expect, it } from 'vitest';
import { datesIn, findEvents } from '../../src/analyze/timeline.js';
import { findRecommendations } from '../../src/analyze/recommendations.js';
import { findQuotes } from '../../src/analyze/quotes.js';
import { docOf, paper } from '../synthesize/doc.js';

describe('datesIn', () => {
  it('reads full dates, months, 9/11, decades and years as ISO', () => {
    const text = 'On August 15, 2021 Kabul fell; on 30 September 2022 a school was bombed; in February 2020 a deal was signed; after 9/11 and in the 1980s and in 2018.';
    expect(datesIn(text).map((d) => d.date)).toEqual(['2021-08-15', '2022-09-30', '2020-02', '2001-09-11', '1980s', '2018']);
  });
});

describe('datesIn', () => {
  it('does not read amounts as years', () => {
    const text = 'Each packet hops at 1600 hops/s; the 2000 models are trained on 4000 points; the 2008 elections were held in 300 towns; in 2000 floods came.';
    expect(datesIn(text).map((d) => d.date)).toEqual(['2008', '2000']);
  });
});

describe('findEvents', () => {
  it('dates body events but not citation years, publication years or the reference list', async () => {
    const doc = await docOf(
      paper({
        Introduction: [
          'The Taliban took over Kabul on August 15, 2021, and removed the president from office (Waltz, 1979).',
          'Raz (2023) shows that trust declined after the withdrawal of foreign troops from the country.',
          'A study from 2023 states that attacks rose sharply, and they persisted into early 2024.',
          'Aid was cut in 2018 for the partnership, which weakened both sides in the long run.',
          'Validity is the extent to which a test measures what it purports to measure [Sutherland 1996].',
          'Topology is represented with trilinear interpolants [Pascucci and Cole-McLaughlin 2002] throughout.',
          'Manuscript received 28 Sept. 2004; revised 14 May 2005; accepted 5 Oct. 2005.',
        ],
        References: ['Waltz, K. (1979). Theory of International Politics. Reading: Addison-Wesley.'],
      }),
    );
    const events = findEvents(doc);
    // "persisted into early 2024" bounds a trend: no happening is dated.
    expect(events.map((e) => e.date)).toEqual(['2021-08-15', '2018']);
    for (const e of events) expect(doc.source.text.slice(e.start, e.end)).toContain(e.text.slice(0, 20));
  });
});

describe('findEvents', () => {
  it('leaves out the dates of the study itself: when it surveyed, interviewed or what it draws on', async () => {
    const doc = await docOf(
      paper({
        Introduction: [
          'This paper uses a two-round panel of 1,152 farm households surveyed in 2019-20 and 2022-23 to estimate how pumping responds to energy costs.',
          'This report draws on government assessments and 34 interviews in Lahore and Quetta between September 2024 and February 2025.',
          'We interviewed irrigation officials in March 2023 about the registration of tubewells.',
          'Gujarat separated farm feeders from village supply in 2003, and Punjab passed its water act in 2019.',
        ],
      }),
    );
    expect(findEvents(doc).map((e) => e.date)).toEqual(['2003', '2019']);
  });
});

describe('events in a paragraph a page break cuts in two', () => {
  // A hard-wrapped working paper: the page number and the running header (which holds "2024/07")
  // stand between the halves of a sentence the structure stage re-joins.
  const page = (n: number) => ['', String(n), '', 'Working Paper 2024/07   Farm incomes and groundwater', ''];
  const text = [
    'Crop Choice, Not Cheap Power? Farm Incomes and Groundwater Use in the Indus Plains',
    '',
    '1 Results',
    'In Indian Punjab, rice-',
    'wheat farms were metered under a law passed in 2022, compared with none in Haryana.',
    'A diversification payment of INR 7,000 per acre, the amount offered under the scheme introduced in',
    ...page(1),
    '2020, closes around 60 percent of the income gap between rice and maize, and would cut',
    'pumping by about 10 percent. As one farmer put it, "we grow rice because the state buys',
    ...page(2),
    'every grain of it at a price we know in advance", and no tariff changes that.',
    ...page(3),
    '2 Discussion',
    'Rice-wheat rotations dominate the sample, and our findings qualify rather than overturn the literature.',
    ...page(4),
  ].join('\n');

  it('reads neither the page number nor the running header: no 2024 event, and the event text is the reading text', async () => {
    const events = findEvents(await docOf(text));
    expect(events.map((e) => e.date)).toEqual(['2022', '2020']);
    expect(events[1].text).toBe('A diversification payment of INR 7,000 per acre, the amount offered under the scheme introduced in 2020, closes around 60 percent of the income gap between rice and maize');
    // A compound broken at a line end reads as the sentence writes it.
    expect(events[0].text).toMatch(/^In Indian Punjab, rice-wheat farms were metered/);
  });

  it('quotes a speaker across the break without the running header', async () => {
    const quotes = findQuotes(await docOf(text));
    expect(quotes.map((q) => q.text)).toEqual(['we grow rice because the state buys every grain of it at a price we know in advance']);
  });
});

describe('events, not deadlines or the document', () => {
  it('takes no event from explicit advice, a report describing itself or its own sections', async () => {
    const doc = await docOf(
      paper({
        Introduction: [
          'This fourth edition of the Island Resilience Report tracks adaptation finance to 14 Pacific Island countries between January 2019 and December 2024.',
          'Section 2 presents our estimates of adaptation finance flows between 2019 and 2024, by volume and instrument.',
          'When Tropical Cyclone Winston crossed Fiji on 20 February 2016, it destroyed or damaged more than 30,000 homes.',
        ],
        Recommendations: ['Donors should raise the grant share of adaptation finance to at least 75 percent by 2027.'],
      }),
    );
    const advice = new Set(findRecommendations(doc, { actorAliases: {} }).filter((r) => r.strength === 'explicit').map((r) => r.end));
    expect(advice.size).toBe(1);
    expect(findEvents(doc, advice).map((e) => e.date)).toEqual(['2016-02-20']);
  });
});

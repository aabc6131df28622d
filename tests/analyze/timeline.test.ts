import { describe, expect, it } from 'vitest';
import { datesIn, findEvents } from '../../src/analyze/timeline.js';
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
    expect(events.map((e) => e.date)).toEqual(['2021-08-15', '2024', '2018']);
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

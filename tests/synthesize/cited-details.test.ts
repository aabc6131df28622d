/**
 * Details a source does not print (year, venue, DOI), taken from the reference lists of the other
 * sources that cite it, with those entries kept as citations.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citedDetails } from '../../src/synthesize/cited-details.js';
import { docOf } from './doc.js';
import { repoRoot } from '../helpers.js';
import { buildFolder } from './corpus.js';
import { toViewModel } from '../../src/render/view-model.js';

const cited = (title: string, authors: string, front: string[] = []) =>
  [
    title,
    authors,
    '',
    ...front.flatMap((l) => [l, '']),
    'Abstract',
    '',
    'Farm incomes in the basin depend on the price of pumping groundwater.',
    '',
    'Findings',
    '',
    'Flat electricity tariffs encourage farmers to pump more water than their crops need.',
    '',
  ].join('\n');

const citing = (entries: string[]) =>
  [
    'Canal Water and Tubewells in the Lower Indus',
    'Bilal Chaudhry',
    '',
    'Introduction',
    '',
    'Earlier work on pricing found that tariffs shape pumping (Khan & Siddiqui, 2022).',
    '',
    'References',
    '',
    ...entries.flatMap((e) => [e, '']),
  ].join('\n');

const apaEntry = 'Khan, A., & Siddiqui, O. (2022). Groundwater pricing and farm incomes in the Indus Basin. *Water Policy Review*, 14(3), 201-219. https://doi.org/10.1234/wpr.2022.14';

describe('details from citing sources', () => {
  it('fills year, venue and DOI from an entry that gives the whole title after the first author', async () => {
    const a = await docOf(cited('Groundwater Pricing and Farm Incomes in the Indus Basin', 'Ayesha Khan and Omar Siddiqui'), 'khan');
    const b = await docOf(citing(['Ahmed, R. (2019). Canals of the Punjab. Lahore: Sang-e-Meel.', apaEntry]), 'chaudhry');
    expect(a.metadata.year).toBeNull();
    const [fromA, fromB] = citedDetails([a, b]);
    expect(fromB).toBeNull();
    expect(fromA).toMatchObject({ year: 2022, venue: 'Water Policy Review, 14(3), 201-219', doi: '10.1234/wpr.2022.14', fields: ['year', 'venue', 'doi'] });
    // The citation is the entry in the citing source, quoted exactly.
    expect(fromA!.citations).toHaveLength(1);
    const c = fromA!.citations[0];
    expect(c.sourceId).toBe(b.source.id);
    expect(b.source.text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.quote).toContain('Khan, A., & Siddiqui, O. (2022)');
  });

  it('leaves a source alone when the entry names another first author, or the title is too short to tell', async () => {
    const a = await docOf(cited('Groundwater Pricing and Farm Incomes in the Indus Basin', 'Ayesha Khan and Omar Siddiqui'), 'khan');
    const other = await docOf(citing(['Rahman, T. (2022). Groundwater pricing and farm incomes in the Indus Basin. Water Policy Review, 14(3).']), 'rahman');
    expect(citedDetails([a, other])[0]).toBeNull();
    // A source whose "title" is an organisation's name is not the work that organisation wrote.
    const banner = await docOf(cited('Indus Basin Water Observatory', ''), 'banner');
    const byOrg = await docOf(citing(['Indus Basin Water Observatory (2023). Groundwater Outlook 2023. Lahore: IBWO.']), 'org');
    expect(citedDetails([banner, byOrg])[0]).toBeNull();
    const short = await docOf(cited('Groundwater Pricing', 'Ayesha Khan'), 'short');
    const b = await docOf(citing(['Khan, A. (2020). Groundwater pricing. Water Policy Review, 12(1).']), 'b');
    expect(citedDetails([short, b])[0]).toBeNull();
  });

  it('keeps what the source prints and fills only the rest', async () => {
    const a = await docOf(cited('Groundwater Pricing and Farm Incomes in the Indus Basin', 'Ayesha Khan and Omar Siddiqui', ['© 2021 The Authors.']), 'khan');
    expect(a.metadata.year).toBe(2021);
    const b = await docOf(citing([apaEntry]), 'chaudhry');
    const got = citedDetails([a, b])[0];
    expect(got?.year).toBeNull();
    expect(got?.fields).toEqual(['venue', 'doi']);
    expect(got?.venue).toBe('Water Policy Review, 14(3), 201-219');
  });

  it('gives the bundled papers the year and venue two others cite them with, credited in the reference list', async () => {
    const { brief } = await buildFolder(join(repoRoot, 'sources'), (f) => f.endsWith('.txt'));
    const akhtar = brief.sources.find((s) => s.id.startsWith('akhtar-holland'))!;
    expect(akhtar.year).toBe(2023);
    expect(akhtar.venue).toBe('Pakistan Journal of American Studies, 41(2), 40-69');
    expect(akhtar.detailsFrom?.fields).toEqual(['year', 'venue']);
    expect(akhtar.detailsFrom?.citations.map((c) => c.sourceId)).toEqual(['akram-reassessing-us-pakistan-relations', 'farhan-2024-us-withdrawal-implications-for-pakistan']);
    // Sources nobody cites keep what they print.
    expect(brief.sources.find((s) => s.id.startsWith('shamil'))!.detailsFrom).toBeUndefined();
    const view = toViewModel(brief);
    expect(view.sources[0].reference).toBe(
      'Nasreen Akhtar, Kenneth Holland (2023). *US Withdrawal from Afghanistan: Implications for US-Pakistan Relations*. Pakistan Journal of American Studies, 41(2), 40-69. Year and venue as cited by [2; 4].',
    );
  }, 60_000);
});

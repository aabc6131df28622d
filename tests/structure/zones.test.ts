/**
 * Document zones on real inputs: the policy-report development PDFs (../shared/eval/policy-pdf), the
 * bundled papers and a Markdown report written for this test (tests/fixtures/zones).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structure } from '../../src/structure/index.js';
import { zoneAt, zoneKindAt, zoneOfHeading, zonesOf } from '../../src/structure/zones.js';
import { Report } from '../../src/model/diagnostics.js';
import type { StructuredSource } from '../../src/model/document.js';
import type { ZoneKind } from '../../src/model/schema.js';
import { repoRoot } from '../helpers.js';
import { hasPolicy, policyPdf } from '../policy-docs.js';

const pdf = policyPdf;

function text(path: string, format: 'txt' | 'md'): StructuredSource {
  const t = readFileSync(join(repoRoot, path), 'utf8');
  return structure({ id: 'x', path, format, sha256: '0'.repeat(64), encoding: 'utf-8', text: t }, { report: new Report() });
}

/** The kind of the zone holding the first occurrence of `needle`. */
function kindOf(doc: StructuredSource, needle: string): ZoneKind {
  const at = doc.source.text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return zoneKindAt(doc, at);
}

/** Zones cover the text in order without gaps or overlaps. */
function expectTiling(doc: StructuredSource): void {
  const zones = doc.zones!;
  expect(zones.length).toBeGreaterThan(0);
  expect(zones[0].start).toBe(0);
  for (let i = 1; i < zones.length; i++) expect(zones[i].start).toBe(zones[i - 1].end);
  expect(zones[zones.length - 1].end).toBe(doc.source.text.length);
}

describe('zone names from headings', () => {
  it('reads whole headings, not words inside them', () => {
    expect(zoneOfHeading('Key Points')).toBe('key-findings');
    expect(zoneOfHeading('KEY JUDGEMENTS')).toBe('key-findings');
    expect(zoneOfHeading('## HIGHLIGHTS')).toBe('key-findings');
    expect(zoneOfHeading('S H O R T S U M M A R Y')).toBe('executive-summary');
    expect(zoneOfHeading('3. Methodology')).toBe('methods');
    expect(zoneOfHeading('Theoretical Framework: Neorealism and Pakistan')).toBe('literature-review');
    expect(zoneOfHeading('Conclusions & Recommendations')).toBe('recommendations');
    expect(zoneOfHeading('Lessons for the future')).toBe('recommendations');
    expect(zoneOfHeading('Policy implications')).toBe('recommendations');
    expect(zoneOfHeading('About the author')).toBe('bios');
    expect(zoneOfHeading('About CIGI')).toBe('imprint');
    expect(zoneOfHeading('Annex 2: Survey instrument')).toBe('annexes');
    expect(zoneOfHeading('Signatories')).toBe('signatories');
    // a contents line, a document named "Recommendation", and body headings name no zone
    expect(zoneOfHeading('Introduction 7')).toBeNull();
    expect(zoneOfHeading('Recommendation of the Council on Artificial Intelligence')).toBeNull();
    expect(zoneOfHeading('The introduction of tariffs')).toBeNull();
    expect(zoneOfHeading('Who Will Watch the Watchers?')).toBeNull();
  });
});

describe('a page of notices', () => {
  it('behind the cover, is imprint throughout: its lines that name no notice too', () => {
    const body = (topic: string): string => `The basin authority reviewed ${topic} across the valley this year. Farmers and cities drew on the same wells, and the records show where the water went. The review ends with what the authority should change next season.`;
    const pages = [
      '# Water Allocation in Dry River Basins\n\n## Policy Series of the Basin Policy Institute',
      'Published in 2024 by the Basin Policy Institute, 12 River Road, Dryton.\n\nThe opinions expressed here do not necessarily reflect the views of the member states.\n\nPlease cite this report as:\n\nBasin Policy Institute, Water Allocation in Dry River Basins, Dryton, 2024.\n\nFor the maps and data behind this report, visit the data portal of the institute.\n\n© Basin Policy Institute 2024',
      `${body('the allocations')}\n\n${body('the canals')}\n\n${body('the reservoirs')}`,
      `# Findings\n\n${body('the meters')}`,
      `# Conclusions\n\n${body('the prices')}`,
    ];
    const pageStarts: number[] = [];
    let t = '';
    for (const p of pages) {
      if (t) t += '\n\n';
      pageStarts.push(t.length);
      t += p;
    }
    const doc = structure({ id: 'x', path: 'basin.txt', format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text: t, pageStarts }, { report: new Report() });
    expect(kindOf(doc, 'For the maps and data behind this report')).toBe('imprint');
    expect(kindOf(doc, 'Basin Policy Institute, Water Allocation in Dry River Basins, Dryton')).toBe('imprint');
    expect(kindOf(doc, 'The basin authority reviewed the meters')).not.toBe('imprint');
  });
});

describe('a Markdown report', () => {
  const doc = text('tests/fixtures/zones/coastal-report.md', 'md');

  it('tags every part with its zone', () => {
    expectTiling(doc);
    expect(kindOf(doc, 'Holding the Line')).toBe('cover');
    expect(kindOf(doc, 'Foreword .......... 2')).toBe('contents');
    expect(kindOf(doc, 'Introduction .......... 5')).toBe('contents');
    expect(kindOf(doc, 'When we began this work')).toBe('foreword');
    expect(kindOf(doc, 'Adaptation finance reaches')).toBe('executive-summary');
    expect(kindOf(doc, 'Disbursement lags pledges')).toBe('key-findings');
    expect(kindOf(doc, 'Coastal flooding is the costliest')).toBe('introduction');
    expect(kindOf(doc, 'We coded 214 project records')).toBe('methods');
    expect(kindOf(doc, 'Funds require feasibility studies')).toBe('body');
    // a sub-section stays in the zone of its section
    expect(kindOf(doc, 'Each fund asks for its own reports')).toBe('body');
    expect(kindOf(doc, 'The slowness of adaptation finance')).toBe('conclusions');
    expect(kindOf(doc, 'Funds should accept a single common report')).toBe('recommendations');
    expect(kindOf(doc, 'Mele Tupou is a senior fellow')).toBe('bios');
    expect(kindOf(doc, 'We thank the officials')).toBe('acknowledgements');
    expect(kindOf(doc, 'The 214 projects are listed')).toBe('annexes');
    expect(kindOf(doc, 'Asian Development Bank. 2021')).toBe('references');
  });

  it('answers zoneAt with the zone and its heading, null outside the text', () => {
    const z = zoneAt(doc, doc.source.text.indexOf('Funds should accept'));
    expect(z?.kind).toBe('recommendations');
    expect(z?.heading).toBe('Recommendations');
    expect(z?.page).toBeNull();
    expect(zoneAt(doc, doc.source.text.length + 5)).toBeNull();
  });

  it('reads a bio by its wording where no heading names it, and signatories after a closing', () => {
    const letter = [
      '# An open letter on coastal finance', '', 'To the Board of the Adaptation Fund,', '',
      'We write to ask the Board to simplify reporting for small ministries. '.repeat(12), '', '## Our case', '',
      'Reporting takes half the time of small ministries, and the money arrives late. '.repeat(12), '',
      'Sincerely,', '', 'Mele Tupou, Harbour Policy Institute', 'Daniel Reyes, Island Finance Watch', '', '## Contributors', '',
      'Ana Lima is a research associate at the Island Finance Watch, where she studies climate funds.', '',
    ].join('\n');
    const d = structure({ id: 'l', path: 'letter.md', format: 'md', sha256: '0'.repeat(64), encoding: 'utf-8', text: letter }, { report: new Report() });
    expect(kindOf(d, 'Daniel Reyes, Island')).toBe('signatories');
    expect(kindOf(d, 'Ana Lima is a research associate')).toBe('bios');
    expect(kindOf(d, 'Reporting takes half')).toBe('body');
  });
});

describe('the bundled papers', () => {
  it('finds abstract, literature review, methods, conclusions and references', () => {
    const doc = text('sources/alam-mustafa-pakistan-afghan-peace-process.txt', 'txt');
    expectTiling(doc);
    const kinds = doc.zones!.map((z) => z.kind);
    for (const k of ['cover', 'abstract', 'introduction', 'literature-review', 'methods', 'body', 'conclusions', 'references'] as const) expect(kinds, k).toContain(k);
    expect(zoneKindAt(doc, doc.metadata.abstractSpan!.start)).toBe('abstract');
    expect(zoneKindAt(doc, doc.references[0].start)).toBe('references');
  });

  it('computes the same zones on demand for a document built without them', () => {
    const doc = text('sources/farhan-2024-us-withdrawal-implications-for-pakistan.txt', 'txt');
    const { zones, ...bare } = doc;
    expect(zonesOf(bare)).toEqual(zones);
    expect(zoneKindAt(bare, doc.source.text.indexOf('6.1. Recommendations'))).toBe('recommendations');
  });
});

describe.runIf(hasPolicy)('the policy-report PDFs', () => {
  it('CIGI brief: the Key Points box is key-findings, the author note bios, Works Cited references', async () => {
    const doc = await pdf('cigi-information-warfare-brief');
    expectTiling(doc);
    expect(kindOf(doc, 'Information warfare involves the use of')).toBe('key-findings');
    expect(kindOf(doc, 'Nitin Pai is co-founder and director')).toBe('bios');
    expect(kindOf(doc, 'Politics is everywhere')).toBe('introduction');
    expect(kindOf(doc, 'Boyd, John R.')).toBe('references');
    const z = zoneAt(doc, doc.source.text.indexOf('Information warfare involves'));
    expect(z?.page).toBe(1);
  });

  it('Taliban takeover: executive summary, contents, glossary, recommendations and references', async () => {
    const doc = await pdf('takshashila-taliban-takeover');
    expect(kindOf(doc, 'This report argues that the Taliban victory')).toBe('executive-summary');
    expect(kindOf(doc, '1.1 Nature of the Taliban Victory 2')).toBe('contents');
    expect(kindOf(doc, 'ANDSF – Afghan National')).toBe('glossary');
    expect(kindOf(doc, 'On August 15, the Taliban entered Kabul')).toBe('body');
    expect(zoneAt(doc, doc.source.text.indexOf('On August 15, the Taliban'))?.page).toBe(4);
    expect(kindOf(doc, 'Cordesman, A.H.')).toBe('references');
  });

  it('UNESCO OER brief: contents, body, recommendations and "About the author" as bios', async () => {
    const doc = await pdf('unesco-oer-beyond-blockchain');
    expect(kindOf(doc, 'Unmet Promises: The Downfall of Blockchain 7')).toBe('contents');
    expect(kindOf(doc, 'Anthony F. Camilleri is the founder')).toBe('bios');
    expect(kindOf(doc, 'This policy brief follows on the study')).toBe('introduction');
    const recs = doc.zones!.find((z) => z.kind === 'recommendations');
    expect(recs?.heading).toMatch(/Conclusions & Recommendations/);
    expect(recs?.page).toBe(14);
  });

  it('JRC brief: HIGHLIGHTS is key-findings and the introduction after it is not', async () => {
    const doc = await pdf('jrc-ai-act-standards');
    expect(kindOf(doc, 'The European Union adopted the AI Act')).toBe('key-findings');
    expect(kindOf(doc, 'The European Union AI Act [1]')).not.toBe('key-findings');
    expect(kindOf(doc, 'This policy brief is authored by')).toBe('imprint');
  });

  it('UNESCO GenAI guidance: letter-spaced summary, foreword, contents, conclusions, references', async () => {
    const doc = await pdf('unesco-genai-guidance');
    // the letter-spaced heading is read as its words by the layout step
    expect(doc.source.text).not.toContain('S H O R T');
    expect(kindOf(doc, 'SHORT SUMMARY')).toBe('executive-summary');
    expect(kindOf(doc, 'Generative artificial intelligence (GenAI) p')).toBe('foreword');
    expect(kindOf(doc, 'Foreword 2')).toBe('contents');
    expect(kindOf(doc, 'From the perspective of a human-c')).toBe('conclusions');
    // an entry of the reference list whose title says "Recommendations" is still the reference list
    expect(kindOf(doc, 'Google. 2023a.')).toBe('references');
    // the label "SHORT SUMMARY" stands over the summary's own title: the summary goes on under it
    expect(kindOf(doc, 'Publicly available generative AI (GenAI) tools are rapidly emerging')).toBe('executive-summary');
    expect(kindOf(doc, 'The absence of national regulations on GenAI')).toBe('executive-summary');
  });

  it('World Bank paper: lines of a pull quote read as headings ("Education is,") do not end the executive summary', async () => {
    const doc = await pdf('worldbank-edtech-connections');
    expect(kindOf(doc, 'The world is in the midst of a technological revolution')).toBe('executive-summary');
    expect(kindOf(doc, 'The COVID-19 crisis has exposed inadequacies')).toBe('executive-summary');
    expect(kindOf(doc, 'The World Bank advocates attention')).toBe('body');
  });

  it('OECD instrument: the page of notices behind the cover is imprint throughout, its citation and access lines too', async () => {
    const doc = await pdf('oecd-ai-recommendation');
    expect(kindOf(doc, '© OECD 2019')).toBe('imprint');
    expect(kindOf(doc, 'For access to the official and up-to-date texts')).toBe('imprint');
    expect(kindOf(doc, 'OECD, Recommendation of the Council on Artificial Intelligence, OECD/LEGAL/0449')).toBe('imprint');
    expect(kindOf(doc, 'The Recommendation on Artificial Intelligence (AI)')).not.toBe('imprint');
    // the back page: "About the OECD", then "OECD Legal Instruments" presenting the OECD's kinds of acts
    expect(kindOf(doc, 'Since the creation of the OECD in 1961')).toBe('imprint');
  });
});

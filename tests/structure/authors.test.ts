/**
 * Authors as reports and working papers print them: on the line under the title with no blank line
 * between (as a PDF converter writes a title block), and in a web page's byline that goes on with
 * the series, the publisher and the date.
 */
import { describe, expect, it } from 'vitest';
import { docOf } from '../synthesize/doc.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { affiliationsOf, imprintOf } from '../../src/structure/metadata.js';

const body = 'This paper studies groundwater use in the Indus plains and finds that crop choice matters more than the price of electricity.';

describe('authors of a source', () => {
  it('are read from the line under the title in the same block, with the block after them left for the affiliation', async () => {
    const doc = await docOf(['Crop Choice, Not Cheap Power? Farm Incomes and Groundwater Use in the Indus Plains', 'Imran H. Chaudhry, Gurpreet K. Sandhu and Ali Raza Malik', 'Centre for Agrarian Economics and Rural Policy, Faisalabad', '', 'Abstract', body, ''].join('\n'));
    expect(doc.metadata.title).toBe('Crop Choice, Not Cheap Power? Farm Incomes and Groundwater Use in the Indus Plains');
    expect(doc.metadata.authors).toEqual(['Imran H. Chaudhry', 'Gurpreet K. Sandhu', 'Ali Raza Malik']);
    expect(doc.metadata.affiliations).toEqual(['Centre for Agrarian Economics and Rural Policy, Faisalabad']);
  });

  it('are read from a byline that goes on with the series, publisher and date', async () => {
    const html = `<html><head><title>Pumps and Power | Forum</title></head><body><article><h1>Pumps and Power in the Indus Basin</h1><p class="byline">By Hamza Rafiq and Dr. Nandini Chauhan · Policy Brief No. 14 · Margalla Energy Policy Forum · 21 October 2024</p><h2>Summary</h2><p>${body}</p></article></body></html>`;
    const ctx = { report: new Report() };
    const source = await ingest({ path: 'sources/pumps.html', bytes: new TextEncoder().encode(html) }, ctx);
    const doc = structure(source!, ctx);
    expect(doc.metadata.authors).toEqual(['Hamza Rafiq', 'Nandini Chauhan']);
    // The rest of the byline is the imprint a reference cites the brief by.
    expect(doc.metadata.venue).toBe('Policy Brief No. 14, Margalla Energy Policy Forum');
    expect(doc.metadata.year).toBe(2024);
    expect(doc.metadata.dates).toEqual([{ label: 'date', date: '2024-10-21' }]);
    // Titled by its own heading, not by the <title> the site wrote for tabs and search engines.
    expect(doc.metadata.title).toBe('Pumps and Power in the Indus Basin');
    expect(doc.sections.map((x) => x.heading)).toEqual(['Summary']);
  });

  it('are not read from a title that wraps onto a second line', async () => {
    const doc = await docOf(['Groundwater, Power and Politics in', 'Pakistan and India', '', 'Abstract', body, ''].join('\n'));
    expect(doc.metadata.authors).toEqual([]);
  });
});

describe('the imprint of a report', () => {
  it('is read from a line of parts set apart by " · ", " | " or " • ": series and number, publisher, date', () => {
    expect(imprintOf('By Hamza Rafiq and Dr. Nandini Chauhan · Policy Brief No. 14 · Margalla Energy Policy Forum · 21 October 2024')).toEqual({ series: 'Policy Brief No. 14', publisher: 'Margalla Energy Policy Forum', date: '2024-10-21' });
    expect(imprintOf('*Five Rivers Institute for Public Policy · Policy Report No. 31 · June 2025*')).toEqual({ series: 'Policy Report No. 31', publisher: 'Five Rivers Institute for Public Policy', date: '2025-06' });
    expect(imprintOf('Working Paper 2024/07 | November 2024')).toEqual({ series: 'Working Paper 2024/07', publisher: null, date: '2024-11' });
    // A journal's volume line, a navigation trail and a single part are not imprints.
    expect(imprintOf('Vol. 5 | No. 3 | pp. 12-30')).toBeNull();
    expect(imprintOf('Home › Research | Policy briefs')).toBeNull();
    expect(imprintOf('Policy Brief No. 14')).toBeNull();
  });

  it('under the affiliation of a working paper gives its year and series', async () => {
    const doc = await docOf(['Crop Choice, Not Cheap Power? Farm Incomes and Groundwater Use in the Indus Plains', 'Imran H. Chaudhry, Gurpreet K. Sandhu and Ali Raza Malik', 'Centre for Agrarian Economics and Rural Policy, Faisalabad', 'Working Paper 2024/07 | November 2024', '', 'Abstract', body, ''].join('\n'));
    expect(doc.metadata.affiliations).toEqual(['Centre for Agrarian Economics and Rural Policy, Faisalabad']);
    expect(doc.metadata.year).toBe(2024);
    expect(doc.metadata.venue).toBe('Working Paper 2024/07');
  });
});

describe('a report cover set in large type', () => {
  // As the PDF reader writes a cover whose lines are set large: the publisher's banner, the series
  // and the title as headings, then the authors, the affiliation and the date in one block.
  const cover = [
    'PACIFIC RESILIENCE FINANCE OBSERVATORY',
    '',
    '# Island Resilience Report 2025',
    '',
    '### Adaptation Finance in the Pacific: From Pledges to Protection',
    '',
    'Losana Vakaloloma, Daniel Okonkwo-Hart and Priya Naidu',
    'Pacific Resilience Finance Observatory (PRFO), Suva, Fiji',
    'Published 20 October 2025',
    '',
    '## Executive Summary',
    '',
    body,
    '',
    '## 1 Introduction',
    '',
    body,
    '',
  ].join('\n');

  it('gives the title, the authors, the series as venue and the date, and starts the body after them', async () => {
    const ctx = { report: new Report() };
    const source = await ingest({ path: 'sources/cover.md', bytes: new TextEncoder().encode(cover) }, ctx);
    const doc = structure(source!, ctx);
    expect(doc.metadata.title).toBe('Adaptation Finance in the Pacific: From Pledges to Protection');
    expect(doc.metadata.authors).toEqual(['Losana Vakaloloma', 'Daniel Okonkwo-Hart', 'Priya Naidu']);
    expect(doc.metadata.venue).toBe('Island Resilience Report 2025');
    expect(doc.metadata.dates).toEqual([{ label: 'published', date: '2025-10-20' }]);
    expect(doc.metadata.year).toBe(2025);
    expect(doc.sections.map((s) => s.heading)).toEqual(['Executive Summary', 'Introduction']);
  });
});

describe('a web commentary', () => {
  it('is titled by its h1 and read for its byline past the kicker and the standfirst; the imprint parts of several lines combine', async () => {
    const html = `<html><head><title>Debt swaps | CFFI</title></head><body><article>
      <h1>Debt-for-Climate Swaps Are Not a Silver Bullet for the Caribbean</h1>
      <p class="kicker">Commentary · Debt &amp; Climate Resilience</p>
      <p class="standfirst">Swaps can buy fiscal breathing room, but on the evidence of the past decade they are slow, costly and too small to close the gap.</p>
      <p class="byline">By <a href="/a">Andre Baptiste</a> and <a href="/b">Helena Lindqvist</a> · Commentary · Caribbean Fiscal Futures Institute · <time>3 March 2025</time></p>
      <h2>In brief</h2><p>${body}</p></article></body></html>`;
    const ctx = { report: new Report() };
    const doc = structure((await ingest({ path: 'sources/swaps.html', bytes: new TextEncoder().encode(html) }, ctx))!, ctx);
    expect(doc.metadata.title).toBe('Debt-for-Climate Swaps Are Not a Silver Bullet for the Caribbean');
    expect(doc.metadata.authors).toEqual(['Andre Baptiste', 'Helena Lindqvist']);
    expect(doc.metadata.venue).toBe('Commentary, Caribbean Fiscal Futures Institute');
    expect(doc.metadata.year).toBe(2025);
    // The imprint after the names is not an affiliation.
    expect(doc.metadata.affiliations).toEqual([]);
  });

  it('takes a briefing number and a collective from an imprint line, and only the body from it as affiliation', () => {
    expect(imprintOf('Small Islands Climate Justice Collective · Briefing No. 7 · June 2025')).toEqual({ series: 'Briefing No. 7', publisher: 'Small Islands Climate Justice Collective', date: '2025-06' });
    expect(affiliationsOf('Five Rivers Institute for Public Policy · Policy Report No. 31 · June 2025', [])).toEqual(['Five Rivers Institute for Public Policy']);
  });
});

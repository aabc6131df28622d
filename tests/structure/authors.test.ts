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
    // Titled by its own heading, not by the <title> the site wrote for tabs and search engines.
    expect(doc.metadata.title).toBe('Pumps and Power in the Indus Basin');
    expect(doc.sections.map((x) => x.heading)).toEqual(['Summary']);
  });

  it('are not read from a title that wraps onto a second line', async () => {
    const doc = await docOf(['Groundwater, Power and Politics in', 'Pakistan and India', '', 'Abstract', body, ''].join('\n'));
    expect(doc.metadata.authors).toEqual([]);
  });
});

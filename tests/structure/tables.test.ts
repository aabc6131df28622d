/**
 * Tables are not reading text: a Markdown pipe table, and an HTML or DOCX table (read as pipe rows),
 * give no sentences, so their cells never become findings, key messages or summary sentences.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { domToText, type DomNode } from '../../src/ingest/dom-text.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';

const prose = 'Swaps concluded by small states between 2015 and 2024 saved 1.4 percent of GDP on average, spread over fifteen to twenty years.';

async function docOf(path: string, text: string) {
  const ctx = { report: new Report() };
  const source = await ingest({ path, bytes: new TextEncoder().encode(text) }, ctx);
  return structure(source!, ctx);
}

describe('tables', () => {
  it('an HTML table is written as pipe rows, one per row, with the paragraphs of a DOCX cell kept in it', () => {
    const { document } = parseHTML('<html><body><table><tr><th>Transaction</th><th>Year closed</th></tr><tr><td><p>A</p></td><td><p>2015</p><p>(revised)</p></td></tr></table><p>After.</p></body></html>');
    expect(domToText(document as unknown as DomNode).split('\n\n')).toEqual(['| Transaction | Year closed |', '| A | 2015 (revised) |', 'After.']);
  });

  it('a Markdown pipe table and an HTML table give no sentences; the prose around them does', async () => {
    const md = ['# Debt swaps in small states', '', '## Findings', '', prose, '', '| Transaction | Region | Year closed |', '|---|---|---|', '| A | Caribbean | 2015 |', '| B | Indian Ocean | 2018 |', '', 'Fees took between 6 and 11 percent of the gross savings of each transaction.', ''].join('\n');
    const html = `<html><body><article><h1>Debt swaps in small states</h1><h2>Findings</h2><p>${prose}</p><table><tr><th>Transaction</th><th>Region</th><th>Year closed</th></tr><tr><td>A</td><td>Caribbean</td><td>2015</td></tr></table><p>Fees took between 6 and 11 percent of the gross savings of each transaction.</p></article></body></html>`;
    for (const doc of [await docOf('sources/swaps.md', md), await docOf('sources/swaps.html', html)]) {
      const texts = doc.sentences.map((s) => s.text);
      expect(texts).toContain(prose);
      expect(texts).toContain('Fees took between 6 and 11 percent of the gross savings of each transaction.');
      expect(texts.some((t) => /Caribbean|Transaction|\|/.test(t))).toBe(false);
    }
  });
});

/**
 * The PDF layout step on fixture PDFs built with pdf-lib: running lines, footnotes with raised
 * marks, two columns, lists, hyphenated line ends and a sentence cut by a page break and footer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { SourceText } from '../../src/model/document.js';
import { layoutPdf, paragraph, prose, timesWidth, loadMetrics, type Run } from './fixtures.js';

async function read(pages: Run[][], path = 'fixture.pdf'): Promise<{ source: SourceText; report: Report }> {
  const report = new Report();
  const source = await ingest({ path, bytes: await layoutPdf(pages) }, { report });
  expect(source).not.toBeNull();
  return { source: source!, report };
}

beforeAll(loadMetrics);

/** The text with line breaks as spaces, for phrases that wrap. */
const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** Text of a page of the source. */
const pageText = (s: SourceText, p: number): string => s.text.slice(s.pageStarts![p - 1], s.pageStarts![p] ?? s.text.length);

describe('page furniture', () => {
  it('running headers alternating on odd and even pages and footers with changing page numbers leave the text, kept aside', async () => {
    const pages: Run[][] = [];
    for (let p = 1; p <= 6; p++) {
      pages.push([
        { text: p % 2 ? 'Policy Brief No. 6 — February 2024' : 'Narrative Dominance and the Freedom to Think', x: 60, y: 800, size: 8 },
        ...paragraph(prose(`page ${p}`, 6), 60, 740, 470),
        { text: p % 2 ? `Page ${p} of 6` : `${p} | Policy Brief`, x: p % 2 ? 480 : 60, y: 30, size: 8 },
      ]);
    }
    const { source } = await read(pages);
    expect(source.text).not.toMatch(/Policy Brief No\. 6|Narrative Dominance|Page \d of 6|\d \| Policy Brief/);
    expect(flat(source.text)).toContain('The page 3 report describes finding number 2');
    const kept = source.furniture!.map((f) => f.text);
    expect(kept).toContain('Policy Brief No. 6 — February 2024');
    expect(kept).toContain('Page 3 of 6');
    expect(source.furniture!.find((f) => f.text === 'Narrative Dominance and the Freedom to Think')?.page).toBe(2);
  });

  it('a running title spaced differently on one page ("ATTHE" for "AT THE") is still the running title', async () => {
    const pages: Run[][] = [];
    for (let p = 1; p <= 4; p++) {
      pages.push([
        { text: p === 3 ? 'INNOVATION IN EDUCATION ATTHE WORLD BANK' : 'INNOVATION IN EDUCATION AT THE WORLD BANK', x: 60, y: 800, size: 8 },
        ...paragraph(prose(`page ${p}`, 6), 60, 740, 470),
      ]);
    }
    const { source } = await read(pages);
    expect(source.text).not.toMatch(/WORLD BANK/);
    expect(source.furniture!.map((f) => f.text)).toContain('INNOVATION IN EDUCATION ATTHE WORLD BANK');
  });

  it('stamps, photo credits and a rotated watermark are furniture wherever they stand', async () => {
    const { source } = await read([[
      { text: 'DRAFT', x: 260, y: 600, size: 30 },
      ...paragraph(prose('stamp', 4), 60, 740, 470),
      { text: 'Photo credit: © kras99/Shutterstock.com', x: 60, y: 500, size: 7 },
      { text: 'Status: Final', x: 60, y: 480, size: 9 },
    ]]);
    expect(source.text).not.toMatch(/DRAFT|Shutterstock|Status: Final/);
    expect(flat(source.text)).toContain('The stamp report describes finding number 4');
  });
});

describe('footnotes and reference marks', () => {
  it('a raised note number is detached from its word, the note body is kept as a footnote linked to its mark', async () => {
    const first = 'Liberal democracies must prevent private corporations from acquiring political power.';
    const { source } = await read([[
      { text: 'Information Warfare Brief', x: 60, y: 780, size: 18 },
      ...paragraph(prose('note', 3), 60, 740, 470),
      { text: first, x: 60, y: 640, size: 11 },
      { text: '4', x: 60 + timesWidth(first, 11) + 0.5, y: 644, size: 6.5 },
      { text: 'The next sentence continues the argument in the body text of the brief.', x: 60, y: 626, size: 11 },
      { text: '4 See the report of the commission on information integrity, 2019.', x: 60, y: 60, size: 8 },
    ]]);
    expect(source.text).toMatch(/political power\.⁴/);
    const region = source.regions!.find((r) => r.role === 'footnote')!;
    expect(source.text.slice(region.start, region.end)).toBe('⁴ See the report of the commission on information integrity, 2019.');
    const doc = structure(source, { report: new Report() });
    expect(doc.notes).toEqual([expect.objectContaining({ marker: '4', text: expect.stringContaining('commission on information integrity') })]);
    const s = doc.sentences.find((x) => x.text.includes('political power'))!;
    expect(s.text).toMatch(/political power\.$/);
    expect(doc.paragraphs.map((p) => p.text).join(' ')).not.toContain('commission on information integrity');
  });
});

describe('reading order and blocks', () => {
  it('a pull quote in large type in the margin, on the baselines of body lines, is read apart from them', async () => {
    const body = paragraph(prose('margin', 14), 141, 700, 400);
    // set flush right 12 pt before the body's left edge, one line on a body line's baseline, as the
    // World Bank's EdTech paper sets its pull quotes
    const quote = ['Education is,', 'at its heart,', 'about human', 'connections.'].map((text, i) => ({ text, x: 129 - timesWidth(text, 17), y: body[2].y - 6 - 22 * i, size: 17 }));
    const { source } = await read([[...body, ...quote]]);
    expect(flat(source.text)).toContain(prose('margin', 14));
    expect(source.text).toMatch(/Education is,\s+at its heart,\s+about human\s+connections\./);
  });

  it('two columns are read column by column', async () => {
    const left = paragraph(prose('left column', 8), 60, 740, 220);
    const right = paragraph(prose('right column', 8), 320, 740, 220);
    const { source } = await read([[{ text: 'A Title Across Both Columns', x: 60, y: 790, size: 20 }, ...left, ...right]]);
    const t = flat(source.text);
    expect(t.indexOf('left column report describes finding number 8')).toBeGreaterThan(0);
    expect(t.indexOf('left column report describes finding number 8')).toBeLessThan(t.indexOf('The right column report describes finding number 1'));
    expect(t).toMatch(/^# A Title Across Both Columns/);
  });

  it('bullets and numbered items are list items that keep their bullet or number', async () => {
    const { source } = await read([[
      ...paragraph('The brief makes three requests of governments and donors alike.', 60, 740, 470),
      { text: '•', x: 60, y: 710 }, { text: 'Governments should publish water allocations every season.', x: 75, y: 710 },
      { text: '•', x: 60, y: 690 }, { text: 'Donors should fund meters before they fund dams.', x: 75, y: 690 },
      { text: '3.', x: 60, y: 670 }, { text: 'Basin authorities should hear farmers and cities alike.', x: 75, y: 670 },
    ]]);
    const items = source.regions!.filter((r) => r.role === 'list-item').map((r) => source.text.slice(r.start, r.end));
    expect(items).toEqual(['• Governments should publish water allocations every season.', '• Donors should fund meters before they fund dams.', '3. Basin authorities should hear farmers and cities alike.']);
  });

  it('a line-end hyphen is rejoined where the word needs it; a hyphenated compound keeps its hyphen', async () => {
    const { source } = await read([[
      { text: 'Hyphens at Line Ends', x: 60, y: 780, size: 18 },
      ...paragraph(prose('hyphen', 3), 60, 740, 470),
      { text: 'The well-known problem of scarce data and scarce infor-', x: 60, y: 700 },
      { text: 'mation has a well-', x: 60, y: 686 },
      { text: 'known remedy in open publication of the records.', x: 60, y: 672 },
    ]]);
    const doc = structure(source, { report: new Report() });
    const text = doc.paragraphs.map((p) => p.text).join(' ');
    expect(text).toContain('scarce information has a well-known remedy');
  });

  it('a sentence cut by a page break and a footer is read whole', async () => {
    const body1 = paragraph(prose('first page', 5), 60, 740, 470);
    const { source } = await read([
      [...body1, { text: 'The committee agreed after a long debate that the annual', x: 60, y: 100 }, { text: 'Water Policy Review', x: 60, y: 30, size: 8 }, { text: '1', x: 520, y: 30, size: 8 }],
      [{ text: 'budget for monitoring should be doubled next year.', x: 60, y: 780 }, ...paragraph(prose('second page', 5), 60, 750, 470), { text: 'Water Policy Review', x: 60, y: 30, size: 8 }, { text: '2', x: 520, y: 30, size: 8 }],
      [...paragraph(prose('third page', 5), 60, 780, 470), { text: 'Water Policy Review', x: 60, y: 30, size: 8 }, { text: '3', x: 520, y: 30, size: 8 }],
    ]);
    expect(source.text).not.toContain('Water Policy Review');
    expect(pageText(source, 2)).toMatch(/^\n*budget for monitoring/);
    const doc = structure(source, { report: new Report() });
    expect(doc.sentences.map((s) => s.text)).toContain('The committee agreed after a long debate that the annual budget for monitoring should be doubled next year.');
  });

  it('rows of cells are a table, written as pipe rows and kept out of the reading text', async () => {
    const rows = [['Actor', 'Action', 'Deadline'], ['Ministry', 'Publish data', '2025'], ['Donors', 'Fund meters', '2026']];
    const { source } = await read([[
      ...paragraph(prose('table', 3), 60, 760, 470),
      ...rows.flatMap((r, i) => r.map((c, k) => ({ text: c, x: 60 + k * 170, y: 680 - i * 16 }))),
    ]]);
    const table = source.regions!.find((r) => r.role === 'table')!;
    expect(source.text.slice(table.start, table.end)).toBe('| Actor | Action | Deadline |\n| Ministry | Publish data | 2025 |\n| Donors | Fund meters | 2026 |');
    const doc = structure(source, { report: new Report() });
    expect(doc.paragraphs.map((p) => p.text).join(' ')).not.toContain('Fund meters');
  });

  it('a page without text among pages with text is reported by number', async () => {
    const { report } = await read([paragraph(prose('one', 4), 60, 740, 470), [], paragraph(prose('three', 4), 60, 740, 470)], 'scan.pdf');
    expect(report.messages).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'scan.pdf', rule: 'pdf-no-text-pages', message: expect.stringContaining('page 2 ') })]));
  });
});

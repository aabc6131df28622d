/** Report metadata read from fixture PDFs made with pdf-lib: a cover in large type, a citation line, a © line, junk PDF info. */
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';

interface Run { text: string; size: number; }

/** A PDF whose pages print the given runs top to bottom, each on its own line, with a junk Info dictionary. */
async function reportPdf(pages: Run[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle('Microsoft Word - draft3.docx');
  doc.setAuthor('jsmith');
  doc.setCreationDate(new Date(Date.UTC(2019, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2019, 0, 1)));
  for (const runs of pages) {
    const page = doc.addPage([595, 842]);
    let y = 800;
    for (const r of runs) {
      y -= r.size * 1.4;
      page.drawText(r.text, { x: 50, y, size: r.size, font });
    }
  }
  return doc.save({ useObjectStreams: false });
}

const body = (n: number): Run[] => Array.from({ length: n }, (_, i) => ({ text: `Coastal aquifers supply most of the water used in the region, and line ${i + 1} says so.`, size: 10 }));

async function read(bytes: Uint8Array) {
  const ctx = { report: new Report() };
  const source = (await ingest({ path: 'brief.pdf', bytes }, ctx))!;
  return { doc: structure(source, ctx), ctx };
}

describe('report metadata from a PDF', () => {
  it('takes the cover title set large after a Key Points box, the byline under it, and the citation line over the junk Info title', async () => {
    const bytes = await reportPdf([
      [{ text: 'Key Points', size: 16 }, { text: '- Aquifers are shrinking.', size: 10 }, { text: 'Coastal Water Security', size: 28 }, { text: 'Amina Yusuf and Karl Brandt', size: 14 }, { text: 'Policy Brief No. 9 - March 2025', size: 12 }, ...body(12)],
      [...body(20), { text: 'Suggested citation: Yusuf, A. and Brandt, K. (2025). Coastal Water Security. Policy Brief No. 9.', size: 9 }, { text: 'Lisbon: Tidewater Institute.', size: 9 }, { text: '© 2025 Tidewater Institute', size: 9 }],
    ]);
    const { doc } = await read(bytes);
    const m = doc.metadata;
    expect(m.title).toBe('Coastal Water Security');
    expect(m.title).not.toMatch(/Microsoft Word|draft3/);
    expect(m.authors).toEqual(['Amina Yusuf', 'Karl Brandt']);
    expect(m.year).toBe(2025);
    expect(m.publisher).toBe('Tidewater Institute');
    expect(m.series).toBe('Policy Brief No. 9');
    expect(m.metadataSources?.title).toMatchObject({ kind: 'citation-line', page: 2 });
    expect(m.metadataSources?.authors).toMatchObject({ kind: 'byline', page: 1 });
    const src = doc.source.text;
    expect(src.slice(m.metadataSources!.authors!.start!, m.metadataSources!.authors!.end!)).toContain('Amina Yusuf');
  });

  it('reads the cover when nothing is cited, skips a stamp set larger than the title, and takes the publisher from the © line', async () => {
    const bytes = await reportPdf([
      [{ text: 'Status: Final', size: 30 }, { text: 'Rivers Without Borders', size: 26 }, { text: 'By Lena Park', size: 14 }, { text: 'June 2024', size: 12 }, ...body(12)],
      [...body(20), { text: '© 2024 Delta Policy Centre. All rights reserved.', size: 9 }],
    ]);
    const { doc, ctx } = await read(bytes);
    const m = doc.metadata;
    expect(m.title).toBe('Rivers Without Borders');
    expect(m.metadataSources?.title).toMatchObject({ kind: 'cover', page: 1 });
    expect(m.authors).toEqual(['Lena Park']);
    expect(m.year).toBe(2024);
    expect(m.date).toBe('2024-06');
    expect(m.publisher).toBe('Delta Policy Centre');
    expect(m.metadataSources?.publisher).toMatchObject({ kind: 'copyright', page: 2 });
    expect(ctx.report.messages.some((d) => d.rule === 'metadata-guess')).toBe(false);
  });
});

/**
 * What reaches a source's section headings, on fixture PDFs built with pdf-lib: a letter-spaced
 * heading drawn letter by letter, contents entries set in heading type, the title repeated on the
 * cover and as a running footer, and a figure's title set in small type above its picture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { SourceText, StructuredSource } from '../../src/model/document.js';
import { layoutPdf, paragraph, loadMetrics, timesWidth, type Run } from './fixtures.js';

beforeAll(loadMetrics);

async function read(pages: Run[][]): Promise<{ source: SourceText; doc: StructuredSource }> {
  const source = await ingest({ path: 'report.pdf', bytes: await layoutPdf(pages) }, { report: new Report() });
  expect(source).not.toBeNull();
  return { source: source!, doc: structure(source!, { report: new Report() }) };
}

/** Prose whose lines do not repeat (repeated short lines would be read as running lines). */
function prose(subject: string): string {
  const verbs = ['describes', 'questions', 'measures', 'compares', 'explains', 'counts'];
  const objects = ['rainfall in the valley', 'prices of seed and fuel', 'the schools of the district', 'roads built since the flood', 'wages paid at the harbour', 'boats that fish the bay'];
  return verbs.map((v, i) => `The ${subject} chapter ${v} ${objects[i]} for the reader.`).join(' ');
}

/** Runs of a word drawn letter by letter, `tracking` points between letters and three times that between words. */
function letterSpaced(text: string, x: number, y: number, size: number, tracking: number): Run[] {
  const runs: Run[] = [];
  let at = x;
  for (const c of text) {
    if (c === ' ') {
      at += 2 * tracking;
      continue;
    }
    runs.push({ text: c, x: at, y, size, bold: true });
    at += timesWidth(c, size) + tracking;
  }
  return runs;
}

const TITLE = 'Water Allocation in Dry River Basins';
const CHAPTERS = ['Water in the cities', 'Farms and their wells', 'Rivers shared by two states', 'What the basin needs next'];

/** A cover, a contents page with its entries in heading type, and one page per chapter with the title as a running footer. */
function report(): Run[][] {
  // the cover: the series line above the title, the title, a short summary under it
  const cover: Run[] = [
    { text: 'This brief is part of the institute’s project on shared rivers and their governance.', x: 60, y: 700, size: 11 },
    { text: 'Policy Brief No. 6', x: 60, y: 660, size: 13, bold: true },
    { text: TITLE, x: 60, y: 600, size: 26, bold: true },
    ...paragraph(prose('cover'), 60, 560, 470),
  ];
  const contents: Run[] = [
    ...letterSpaced('CONTENTS', 60, 780, 16, 6),
    ...CHAPTERS.flatMap((c, i) => [{ text: `${i + 1}. ${c}`, x: 60, y: 740 - i * 24, size: 13, bold: true }, { text: String(3 + i), x: 520, y: 740 - i * 24, size: 13, bold: true }]),
  ];
  const chapters = CHAPTERS.map((c, i): Run[] => [
    { text: `${i + 1}. ${c}`, x: 60, y: 780, size: 18, bold: true },
    ...paragraph(prose(c.toLowerCase()), 60, 740, 470),
    { text: TITLE, x: 60, y: 30, size: 8 },
    { text: String(3 + i), x: 520, y: 30, size: 8 },
  ]);
  return [cover, contents, ...chapters];
}

describe('section headings of a report', () => {
  it('a heading drawn letter by letter with wide tracking reads as its words', async () => {
    const { source, doc } = await read(report());
    expect(source.text).not.toContain('C O N T E N T S');
    expect(doc.sections.map((s) => s.heading)).toContain('CONTENTS');
  });

  it('contents entries set in heading type are no sections; the chapters they list are', async () => {
    const { doc } = await read(report());
    const headings = doc.sections.map((s) => s.heading);
    for (const c of CHAPTERS) {
      expect(headings).toContain(c);
      expect(headings.filter((h) => h.includes(c))).toEqual([c]);
    }
  });

  it('the title on the cover is the title, not a section that would hold the whole report', async () => {
    const { doc } = await read(report());
    expect(doc.metadata.title).toBe(TITLE);
    expect(doc.sections.map((s) => s.heading)).not.toContain(TITLE);
  });

  it('a figure title in small type above its picture is a caption, not a heading', async () => {
    const { source, doc } = await read([[
      { text: 'Metering the Valley', x: 60, y: 790, size: 20, bold: true },
      ...paragraph(prose('metering'), 60, 750, 470),
      { text: 'A metered well on a shared aquifer', x: 60, y: 560, size: 9, bold: true },
      ...paragraph(prose('closing'), 60, 300, 470),
    ]]);
    const captions = source.regions!.filter((r) => r.role === 'caption').map((r) => source.text.slice(r.start, r.end));
    expect(captions).toEqual(['A metered well on a shared aquifer']);
    expect(doc.sections.map((s) => s.heading)).not.toContain('A metered well on a shared aquifer');
    expect(doc.paragraphs.map((p) => p.text).join(' ')).not.toContain('metered well');
  });
});

/**
 * Tables found by their column grid on fixture PDFs built with pdf-lib: a full-width table of
 * narrow columns with multi-line cells, set between two-column prose, is read as rows × cells
 * and none of its cells reaches the reading text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { analyze } from '../../src/analyze/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import type { SourceText } from '../../src/model/document.js';
import { layoutPdf, paragraph, loadMetrics, wrap, type Run } from './fixtures.js';

/** Prose whose lines do not repeat (repeated short lines would be read as running lines). */
function prose(subject: string): string {
  const verbs = ['describes', 'questions', 'measures', 'compares', 'explains'];
  const objects = ['rainfall in the valley', 'prices of seed and fuel', 'the schools of the district', 'roads built since the flood', 'wages paid at the harbour'];
  return verbs.map((v, i) => `The ${subject} paragraph ${v} ${objects[i]} for the reader.`).join(' ');
}

beforeAll(loadMetrics);

async function read(pages: Run[][]): Promise<SourceText> {
  const source = await ingest({ path: 'table.pdf', bytes: await layoutPdf(pages) }, { report: new Report() });
  expect(source).not.toBeNull();
  return source!;
}

/** Six columns 75 points apart, cells wrapped to 70 points at 9 points: the gap between cells is a few points. */
const COLUMNS = [60, 135, 210, 285, 360, 435];
const HEADER = ['Potential use', 'Domain of knowledge', 'Expected outcome', 'Tools and advantages', 'Requirements for users', 'Possible risks'];
const ROWS = [
  ['Advisor for research outlines', 'Useful in well structured domains of research', 'Developing research questions and methods', 'Locally accessible open tools tested by authorities', 'Researchers should verify every citation the tool gives', 'Invented sources may mislead junior researchers'],
  ['Explorer of data and literature', 'Useful in ill structured domains of research', 'Gathering information and drafting reviews', 'Open source tools validated by authorities', 'Teachers must check the data sources before use', 'Breaches of privacy and unauthorized profiling'],
];

/** Runs of one table row from y down: each cell's lines at its column's left edge, one run per line. */
function tableRow(cells: readonly string[], y: number, size: number): { runs: Run[]; bottom: number } {
  const runs: Run[] = [];
  let bottom = y;
  cells.forEach((c, k) => {
    wrap(c, 70, size).forEach((t, i) => {
      runs.push({ text: t, x: COLUMNS[k], y: y - i * 11, size });
      bottom = Math.min(bottom, y - i * 11);
    });
  });
  return { runs, bottom };
}

function tablePage(): Run[] {
  const runs: Run[] = [
    { text: 'Uses of the Tool in Research', x: 60, y: 800, size: 16, bold: true },
    ...paragraph(prose('upper left'), 60, 770, 220),
    ...paragraph(prose('upper right'), 320, 770, 220),
    { text: 'Table 3. Co-designing uses of the tool for research', x: 60, y: 660, size: 11, bold: true },
  ];
  let y = 640;
  for (const cells of [HEADER, ...ROWS]) {
    const row = tableRow(cells, y, 9);
    runs.push(...row.runs);
    y = row.bottom - 24;
  }
  runs.push(...paragraph(prose('lower left'), 60, y - 20, 220), ...paragraph(prose('lower right'), 320, y - 20, 220));
  return runs;
}

describe('tables found by their column grid', () => {
  it('a table of narrow columns between two-column prose is one table block of rows × cells', async () => {
    const source = await read([tablePage()]);
    const tables = source.regions!.filter((r) => r.role === 'table').map((r) => source.text.slice(r.start, r.end));
    expect(tables).toHaveLength(1);
    const rows = tables[0].split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1].split(' | ')).toHaveLength(6);
    // each cell's lines are joined within their cell
    expect(rows[1]).toContain('| Researchers should verify every citation the tool gives |');
    expect(rows[2]).toContain('| Teachers must check the data sources before use |');
  });

  it('no cell reaches the paragraphs, sentences or recommendations; the prose around the table reads in order', async () => {
    const source = await read([tablePage()]);
    const doc = structure(source, { report: new Report() });
    const text = doc.paragraphs.map((p) => p.text).join(' ');
    expect(text).not.toMatch(/verify every citation|check the data sources|Invented sources/);
    const analysis = analyze(doc, { report: new Report() }, defaultAnalyzeOptions);
    expect(analysis.recommendations.map((r) => r.text).join(' ')).not.toMatch(/citation|data sources/);
    const order = ['upper left', 'upper right', 'lower left', 'lower right'].map((s) => text.indexOf(`The ${s} paragraph describes rainfall`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

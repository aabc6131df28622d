/**
 * Side boxes on fixture PDFs: a call-out set beside a paragraph in other type is read whole and
 * apart, not spliced line by line into the paragraph; a column's heading, a second column and a
 * form of labels beside values are not side boxes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { SourceText } from '../../src/model/document.js';
import { layoutPdf, loadMetrics, paragraph, prose, type Run } from './fixtures.js';

async function read(pages: Run[][]): Promise<SourceText> {
  const source = await ingest({ path: 'box.pdf', bytes: await layoutPdf(pages) }, { report: new Report() });
  expect(source).not.toBeNull();
  return source!;
}

beforeAll(loadMetrics);

const flat = (s: string): string => s.replace(/\s+/g, ' ');

const body =
  'The guidance stresses the need for educational institutions to validate new systems on their ethical and pedagogical appropriateness. ' +
  'The publication offers concrete recommendations for policy-makers and education institutions on how the tools can be designed to protect human agency.';
// a call-out in larger bold type, centred beside the paragraph, its baselines falling between the body's
const callout: Run[] = ['While the tool', 'reached', 'ten million', 'monthly users', 'in one year, only', 'one country had', 'released rules'].map((t, i) => ({
  text: t,
  x: 420 - t.length * 3.2,
  y: 655 - i * 19,
  size: 15,
  bold: true,
}));

describe('side boxes', () => {
  it('a call-out beside a paragraph is read whole, before the paragraph, and the paragraph reads on unbroken', async () => {
    const source = await read([[{ text: 'Short Summary', x: 60, y: 760, size: 20 }, ...paragraph(prose('opening', 3), 60, 720, 470), ...paragraph(body, 60, 660, 250), ...callout, ...paragraph(prose('closing', 2), 60, 420, 470)]]);
    const t = flat(source.text);
    expect(t).toContain('While the tool reached ten million monthly users in one year, only one country had released rules');
    const doc = structure(source, { report: new Report() });
    const sentences = doc.sentences.map((s) => flat(s.text));
    expect(sentences).toContain('The publication offers concrete recommendations for policy-makers and education institutions on how the tools can be designed to protect human agency.');
    expect(t.indexOf('While the tool')).toBeLessThan(t.indexOf('The guidance stresses'));
    expect(t.indexOf('While the tool')).toBeGreaterThan(t.indexOf('opening report describes finding number 3'));
  });

  it('without the box the same page is read by rows (the case the box reading fixes)', async () => {
    // the same call-out in the body's own type is text of the page, not a box: left where rows put it
    const plain = callout.map((r) => ({ ...r, size: 11, bold: false }));
    const source = await read([[...paragraph(prose('opening', 3), 60, 720, 470), ...paragraph(body, 60, 660, 250), ...plain]]);
    const t = flat(source.text);
    expect(t).toContain('ten million');
    expect(t).not.toContain('While the tool reached ten million');
  });

  it("a heading over the right column stays with its column's text", async () => {
    const left = paragraph(prose('left column', 8), 60, 740, 220);
    const right = [{ text: '2.3 Outpacing National Rules', x: 320, y: 740, size: 14, bold: true }, ...paragraph(prose('right column', 6), 320, 715, 220)];
    const t = flat((await read([[...left, ...right]])).text);
    const heading = t.indexOf('2.3 Outpacing National Rules');
    expect(heading).toBeGreaterThan(t.indexOf('left column report describes finding number 8'));
    expect(heading).toBeLessThan(t.indexOf('The right column report describes finding number 1'));
  });

  it('bold labels beside their values on the same rows stay on their rows', async () => {
    const rows = [['Status:', 'Final draft for consultation with member states'], ['Date:', 'Eighth of July in the year of the review'], ['Prepared by:', 'The water policy unit of the regional office'], ['Contact:', 'The secretariat of the basin commission office']];
    const source = await read([[...paragraph(prose('cover', 3), 60, 760, 470), ...rows.flatMap((r, i) => [{ text: r[0], x: 60, y: 680 - i * 16, bold: true }, { text: r[1], x: 160, y: 680 - i * 16 }])]]);
    expect(flat(source.text)).toContain('Date: Eighth of July in the year of the review');
  });
});

/**
 * PDF, DOCX and HTML versions of the same paper (built in code) give the same sections and nearly
 * the same text; the PDF keeps page starts; HTML keeps only the main content.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { StructuredSource } from '../../src/model/document.js';
import { paper, paperDocx, paperHtml, paperPdf } from './fixtures.js';

async function read(path: string, bytes: Uint8Array): Promise<{ doc: StructuredSource; report: Report }> {
  const report = new Report();
  const src = await ingest({ path, bytes }, { report });
  expect(src, JSON.stringify(report.messages)).not.toBeNull();
  return { doc: structure(src!, { report }), report };
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of b's words found, in order, in a (longest common subsequence over words / |b|). */
function overlap(a: string[], b: string[]): number {
  const prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = up;
    }
  }
  return prev[b.length] / Math.max(1, b.length);
}

describe('the same paper as PDF, DOCX and HTML', async () => {
  const pdf = await read('paper.pdf', await paperPdf({ runningHeader: 'Journal of Water Policy 12(3)' }));
  const docx = await read('paper.docx', await paperDocx());
  const html = await read('paper.html', new TextEncoder().encode(paperHtml()));
  const all = { pdf, docx, html };
  const expectedSections = [
    { heading: 'Abstract', level: 1, number: null },
    { heading: 'Introduction', level: 1, number: '1' },
    { heading: 'Methods', level: 1, number: '2' },
    { heading: 'Data Sources', level: 2, number: '2.1' },
    { heading: 'Conclusion', level: 1, number: '3' },
  ];

  it.each(Object.keys(all))('%s: title, authors, sections and abstract', (name) => {
    const { doc, report } = all[name as keyof typeof all];
    expect(report.messages.filter((m) => m.severity !== 'info')).toEqual([]);
    expect(doc.metadata.title).toBe(paper[0].text);
    expect(doc.metadata.authors).toEqual(['Jane Doe', 'John Smith']);
    expect(doc.sections.map((s) => ({ heading: s.heading, level: s.level, number: s.number }))).toEqual(expectedSections);
    expect(doc.sections.map((s) => s.kind)).toEqual(['abstract', 'introduction', 'method', 'method', 'conclusion']);
    expect(doc.metadata.abstract).toBe(paper[3].text);
  });

  it('gives nearly the same reading text in every format', () => {
    const expected = words(paper.filter((b) => b.kind === 'p').slice(1).map((b) => b.text).join(' '));
    for (const [name, { doc }] of Object.entries(all)) {
      const got = words(doc.paragraphs.map((p) => p.text).join(' '));
      expect(overlap(got, expected), name).toBeGreaterThan(0.98);
      expect(got.length, name).toBeLessThan(expected.length * 1.05);
    }
    const sentences = (d: StructuredSource): string[] => d.sentences.map((s) => s.text);
    expect(sentences(pdf.doc)).toEqual(sentences(docx.doc));
    expect(sentences(html.doc)).toEqual(sentences(docx.doc));
  });

  it('splits sentences the same way around "Dr.", "e.g.", "U.S." and decimals', () => {
    const s = docx.doc.sentences.map((x) => x.text);
    expect(s).toContain('Dr. Amal Haddad, a hydrologist, estimated in 2019 that demand exceeds renewable supply by 3.5 times in some basins.');
    expect(s).toContain('Governments respond with rationing, pricing and new infrastructure, e.g. desalination plants, but the results differ widely.');
    expect(s).toContain('It draws on reports by the U.S. Geological Survey and regional agencies, and on interviews with officials.');
  });

  it('PDF: keeps page starts, drops the running header and page numbers, and spans quote the page text', () => {
    const { doc } = pdf;
    const starts = doc.source.pageStarts!;
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(0);
    expect(doc.source.text.slice(starts[1])).toContain('Methods');
    for (const s of doc.sentences) {
      expect(s.text).not.toContain('Journal of Water Policy');
      expect(s.text).not.toMatch(/^\d+$/);
      const quote = doc.source.text.slice(s.start, s.end).replace(/\s+/g, ' ');
      expect(quote).toBe(s.text);
    }
    const methods = doc.sections.find((s) => s.heading === 'Methods')!;
    expect(methods.start).toBeGreaterThanOrEqual(starts[1]);
  });

  it('HTML: main content only, no script, style, navigation or footer text', () => {
    const text = html.doc.source.text;
    expect(text).not.toMatch(/INJECTED|alert|color:red|About us|All rights reserved/);
  });
});

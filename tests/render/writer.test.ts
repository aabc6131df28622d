/**
 * The PDF objects the typesetter builds, serialised by pdf-lib: cross-reference offsets, trailer,
 * string and name encoding and a content-derived file identifier, read back by pdf.js and pdf-lib
 * through the typesetting entry point and directly.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { markdownToPdf } from '../../src/render/pdf/index.js';
import { fromMarkdown } from '../../src/render/markdown.js';
import { name, PdfLiteral, PdfStream, PdfText, PdfWriter } from '../../src/render/pdf/writer.js';
import { readPdf } from './read-pdf.js';

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

/** Checks that every cross-reference entry points at its object and startxref at the table. */
function checkXref(bytes: Uint8Array): number {
  const text = latin1(bytes);
  const start = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)![1]);
  expect(text.slice(start, start + 5)).toBe('xref\n');
  const lines = text.slice(start).split('\n');
  const count = Number(lines[1]!.split(' ')[1]);
  expect(lines[2]).toBe('0000000000 65535 f ');
  for (let id = 1; id < count; id++) {
    const entry = lines[2 + id]!;
    expect(entry, `entry ${id}`).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${id} 0 obj`.length), `object ${id}`).toBe(`${id} 0 obj`);
  }
  expect(text).toMatch(new RegExp(`/Size ${count}\\s`));
  return count;
}

describe('PDF writer', () => {
  it('writes a valid cross-reference table and escapes strings and names', async () => {
    const pdf = new PdfWriter();
    const catalog = pdf.alloc();
    const pages = pdf.alloc();
    const page = pdf.add({ Type: name('Page'), Parent: pages, MediaBox: [0, 0, 200.5, 100.25], Contents: pdf.add(new PdfStream({}, new TextEncoder().encode('0 0 1 rg 10 10 50 50 re f\n'))) });
    pdf.set(pages, { Type: name('Pages'), Kids: [page], Count: 1 });
    pdf.set(catalog, { Type: name('Catalog'), Pages: pages, Lang: new PdfLiteral('en (GB) \\ é'), Extra: name('A B#(x)'), Skipped: undefined });
    const info = pdf.add({ Title: new PdfText('Café “quoted” (1)'), Producer: new PdfLiteral('test') });
    const bytes = await pdf.save(catalog, info);
    expect(checkXref(bytes)).toBe(6);
    const text = latin1(bytes);
    expect(text).toContain('/Lang (en \\(GB\\) \\\\ \\351)');
    expect(text).toContain('/Extra /A#20B#23#28x#29');
    expect(text).not.toContain('Skipped');
    expect(text).toMatch(/\/MediaBox \[ ?0 0 200\.5 100\.25 ?\]/);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Café “quoted” (1)');
    expect(doc.getPage(0).getSize()).toEqual({ width: 200.5, height: 100.25 });
    // The same objects give the same file, identifier included.
    expect(Buffer.from(bytes).equals(Buffer.from(await pdf.save(catalog, info)))).toBe(true);
    // The file identifier is derived from the content: a different document gets a different one.
    const id = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(text);
    expect(id?.[1]).toBe(id?.[2]);
    expect(id?.[1]).not.toBe('0'.repeat(32));
  });

  it('rejects values a PDF cannot hold instead of writing a broken file', () => {
    const pdf = new PdfWriter();
    expect(() => pdf.add({ Bad: Number.NaN })).toThrow(/finite number/);
    expect(() => pdf.add({ Lang: new PdfLiteral('日本') })).toThrow(/Latin-1/);
  });

  it('gives typeset documents a valid file structure and Unicode metadata', async () => {
    const bytes = await markdownToPdf(fromMarkdown('# Über “Titles”\n\nMeta.\n\n## Part (one)\n\nText with a [link](https://example.org/a(b)c).'), { title: 'Über “Titles” (draft)', author: 'Ö. Author', date: '2023-11-14', pageSize: 'A4', keywords: ['one', 'twö'] });
    checkXref(bytes);
    const pdf = await readPdf(bytes);
    expect(pdf.info.Title).toBe('Über “Titles” (draft)');
    expect(pdf.info.Author).toBe('Ö. Author');
    expect(pdf.info.Keywords).toBe('one twö');
    expect(String(pdf.info.CreationDate)).toBe('D:20231114000000Z');
    expect(pdf.outline.map((o) => o.title)).toEqual(['Part (one)']);
    expect(pdf.pages[0]!.links.map((l) => l.url)).toEqual(['https://example.org/a%28b%29c']);
  });
});

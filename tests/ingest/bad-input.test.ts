/**
 * Source-side faults: encodings, binary files with a text extension, corrupt and encrypted PDFs,
 * corrupt DOCX and zip bombs, hostile and absurdly nested HTML. Each gives one diagnostic naming the
 * file (fatal: the source is skipped) or a warning, never an exception. Inputs are built here.
 */
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { checkZip } from '../../src/ingest/zip-guard.js';
import { paperDocx } from './fixtures.js';

async function run(path: string, bytes: Uint8Array): Promise<{ text: string | null; encoding?: string; report: Report }> {
  const report = new Report();
  const src = await ingest({ path, bytes }, { report });
  return { text: src?.text ?? null, encoding: src?.encoding, report };
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
function utf16(s: string, le: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/** A ZIP with one stored-as-deflated entry whose header may lie about its size. */
function zipWith(name: string, data: Uint8Array, declaredSize: number): Uint8Array {
  const deflated = deflateRawSync(data);
  const nameBytes = enc(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + nameBytes.length + deflated.length;
  const cdSize = 46 + nameBytes.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, deflated, central, nameBytes, eocd]));
}

describe('text encodings', () => {
  const sample = 'Café policy — naïve “quotes” and résumé.\nSecond line.';

  it('reads UTF-8 with and without a BOM the same way', async () => {
    const plain = await run('a.txt', enc(sample));
    const bom = await run('b.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(sample)]));
    expect(plain.text).toBe(sample);
    expect(bom.text).toBe(sample);
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.report.messages).toEqual([]);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    for (const le of [true, false]) {
      const r = await run('u.txt', utf16(sample, le));
      expect(r.text).toBe(sample);
      expect(r.encoding).toBe(le ? 'utf-16le' : 'utf-16be');
    }
  });

  it('normalises CRLF and CR line ends so offsets count one per break', async () => {
    const r = await run('crlf.md', enc('# Title\r\n\r\nFirst line.\r\nSecond.\rThird.'));
    expect(r.text).toBe('# Title\n\nFirst line.\nSecond.\nThird.');
  });

  it('reads Latin-1 text with a warning rather than mojibake', async () => {
    const latin1 = new Uint8Array([...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20], [...'na'].map((c) => c.charCodeAt(0)), [0xef, 0x76, 0x65, 0x2e]));
    const r = await run('latin.txt', latin1);
    expect(r.text).toBe('Café naïve.');
    expect(r.report.messages).toHaveLength(1);
    expect(r.report.messages[0]).toMatchObject({ severity: 'warning', rule: 'latin1-fallback', file: 'latin.txt' });
    expect(r.report.messages[0].message).toMatch(/byte 0xe9 at byte 3/);
  });

  it('refuses undecodable bytes with the byte offset, not mojibake', async () => {
    // a run of high bytes that is neither UTF-8 nor plausible Latin-1 text
    const bytes = new Uint8Array([...enc('Heading\n'), 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xfd, 0xfc, 0xfb]);
    const r = await run('bad.txt', bytes);
    expect(r.text).toBeNull();
    expect(r.report.messages[0]).toMatchObject({ severity: 'fatal', rule: 'undecodable', file: 'bad.txt' });
    expect(r.report.messages[0].message).toMatch(/at byte 8/);
  });

  it('refuses a binary file with a text extension', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const r = await run('image.txt', png);
    expect(r.text).toBeNull();
    expect(r.report.messages).toHaveLength(1);
    expect(r.report.messages[0]).toMatchObject({ severity: 'fatal', rule: 'binary-source', file: 'image.txt' });
  });

  it('refuses empty and whitespace-only sources', async () => {
    for (const bytes of [new Uint8Array(0), enc('  \n\t\n  ')]) {
      const r = await run('empty.md', bytes);
      expect(r.text).toBeNull();
      expect(r.report.messages[0]).toMatchObject({ severity: 'fatal', rule: 'empty-source' });
    }
  });
});

describe('PDF faults', () => {
  it('refuses a file that is not a PDF, and a corrupt one, with one message each', async () => {
    const notPdf = await run('notes.pdf', enc('just some text'));
    expect(notPdf.report.messages).toEqual([expect.objectContaining({ severity: 'fatal', rule: 'bad-pdf', file: 'notes.pdf' })]);
    const corrupt = await run('corrupt.pdf', enc('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage garbage\n%%EOF'));
    expect(corrupt.text).toBeNull();
    expect(corrupt.report.messages).toHaveLength(1);
    expect(corrupt.report.messages[0]).toMatchObject({ severity: 'fatal', file: 'corrupt.pdf' });
  });

  it('refuses an encrypted PDF, saying it needs a password', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    page.drawText('Secret', { font: await pdf.embedFont(StandardFonts.Helvetica), x: 50, y: 700 });
    let s = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
    // a standard security handler whose user password is not empty
    const hex = (b: number): string => b.toString(16).padStart(2, '0').repeat(32);
    s = s.replace('xref', `99 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(0x11)}> /U <${hex(0x22)}> /P -4 >>\nendobj\nxref`);
    s = s.replace('trailer\n<<', `trailer\n<< /Encrypt 99 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`);
    const r = await run('locked.pdf', new Uint8Array(Buffer.from(s, 'latin1')));
    expect(r.text).toBeNull();
    expect(r.report.messages).toHaveLength(1);
    expect(r.report.messages[0]).toMatchObject({ severity: 'fatal', file: 'locked.pdf' });
    expect(r.report.messages[0].rule).toBe('encrypted-pdf');
    expect(r.report.messages[0].message).toMatch(/password/);
  });
});

describe('DOCX faults', () => {
  it('refuses a corrupt DOCX', async () => {
    const good = await paperDocx();
    const cut = good.slice(0, Math.floor(good.length / 2));
    for (const bytes of [cut, enc('PK\u0003\u0004 not really a zip')]) {
      const r = await run('broken.docx', bytes);
      expect(r.text).toBeNull();
      expect(r.report.messages).toHaveLength(1);
      expect(r.report.messages[0]).toMatchObject({ severity: 'fatal', rule: 'bad-docx', file: 'broken.docx' });
    }
  });

  it('refuses a zip bomb without inflating it: declared huge, or lying about its size', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const declaredHuge = zipWith('word/document.xml', zeros, zeros.length);
    expect(checkZip(declaredHuge)).toMatch(/compression ratio/);
    const lying = zipWith('word/document.xml', zeros, 1000);
    expect(checkZip(lying)).toMatch(/beyond its declared size/);
    const t0 = performance.now();
    const r = await run('bomb.docx', lying);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.text).toBeNull();
    expect(r.report.messages[0]).toMatchObject({ severity: 'fatal', rule: 'bad-docx' });
    expect(checkZip(await paperDocx())).toBeNull();
  });
});

describe('HTML faults', () => {
  it('drops scripts, styles and event handlers from a page without an article', async () => {
    const html = '<html><head><script>var secret = "TOKEN"</script></head><body onload="steal()"><h1>Notice</h1><p>The council meets on Monday to discuss the water budget for the coming year and the new meters.</p><script>document.write("INJECT")</script><style>body{}</style></body></html>';
    const r = await run('page.html', enc(html));
    expect(r.text).toContain('The council meets on Monday');
    expect(r.text).not.toMatch(/TOKEN|INJECT|steal|body\{\}/);
  });

  it('reads 10,000 nested elements without overflowing the stack, in bounded time', async () => {
    const depth = 10_000;
    const html = `<html><body><h1>Deep Nesting</h1>${'<div><blockquote>'.repeat(depth / 2)}<p>Deep text that still counts as reading text for the brief.</p>${'</blockquote></div>'.repeat(depth / 2)}</body></html>`;
    const t0 = performance.now();
    const r = await run('deep.html', enc(html));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.text).toContain('Deep text that still counts');
    expect(r.report.messages.map((m) => m.rule)).toEqual(['deep-html']);
    const doc = structure({ id: 'deep', path: 'deep.html', format: 'html', sha256: '0'.repeat(64), encoding: 'utf-8', text: r.text! }, { report: new Report() });
    expect(doc.sentences.map((s) => s.text)).toContain('Deep text that still counts as reading text for the brief.');
  });
});

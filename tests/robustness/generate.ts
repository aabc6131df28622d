/** Hostile and broken inputs generated in code (no binary blobs committed): PDFs, DOCX/zip, deep nesting. */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

/** A PDF from object bodies (numbered from 1), with a correct xref table; `trailer` adds trailer keys. */
export function makePdf(objects: string[], trailer = ''): Buffer {
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A one-page PDF saying `text` (Helvetica), optionally encrypted with an unknown user password. */
export function textPdf(text: string, encrypted = false): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (!encrypted) return makePdf(objects);
  // Standard security handler, revision 2, with O/U entries that match no empty password.
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex(11)}> /U <${hex(91)}> /P -44 >>`);
  return makePdf(objects, `/Encrypt 6 0 R /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>] `);
}

/** Bytes that start like a PDF and then are garbage (truncated, no xref). */
export function corruptPdf(): Buffer {
  const head = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n', 'latin1');
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 0xff;
  return Buffer.concat([head, junk]);
}

export interface ZipEntry {
  name: string;
  /** Uncompressed data, or an already deflated body with its size and crc. */
  data: Buffer | { deflated: Buffer; size: number; crc: number };
}

/** A zip archive (deflate) from entries, written by hand so tests need no zip library. */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const isRaw = Buffer.isBuffer(e.data);
    const body = isRaw ? deflateRawSync(e.data as Buffer) : (e.data as { deflated: Buffer }).deflated;
    const size = isRaw ? (e.data as Buffer).length : (e.data as { size: number }).size;
    const crc = isRaw ? crc32(e.data as Buffer) : (e.data as { crc: number }).crc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const contentTypes = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const docHead = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const docTail = '</w:body></w:document>';

/** A small valid DOCX with one paragraph per entry of `paragraphs`. */
export function makeDocx(paragraphs: string[]): Buffer {
  const xml = docHead + paragraphs.map((p) => `<w:p><w:r><w:t>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('') + docTail;
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: Buffer.from(xml) },
  ]);
}

/** Zip magic followed by garbage: a DOCX that is not a zip. */
export function corruptDocx(): Buffer {
  const junk = Buffer.alloc(2048);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 29 + 3) & 0xff;
  return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), junk]);
}

/**
 * A DOCX whose document.xml inflates to about `megabytes` MB (one enormous run of "a"), compressed
 * about 200:1 — a zip bomb for readers without a decompression limit.
 */
export async function zipBombDocx(megabytes = 512): Promise<Buffer> {
  const head = Buffer.from(docHead + '<w:p><w:r><w:t>');
  const tail = Buffer.from('</w:t></w:r></w:p>' + docTail);
  const chunk = Buffer.alloc(1 << 20, 0x61);
  const deflate = createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((r) => deflate.on('end', () => r()));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    deflate.write(chunk);
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  const size = head.length + megabytes * chunk.length + tail.length;
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: { deflated: Buffer.concat(parts), size, crc } },
  ]);
}

/** Markdown nested `depth` levels deep: block quotes (`> > > … text`) or list items (`- - - … text`). */
export function deepMarkdown(kind: 'quote' | 'list', depth: number): string {
  const marker = kind === 'quote' ? '> ' : '- ';
  return `# Deep nesting\n\nA first paragraph that is fine.\n\n${marker.repeat(depth)}innermost text.\n\nA closing paragraph after the nesting.\n`;
}

/** HTML with `depth` nested elements around one sentence. */
export function deepHtml(depth: number): string {
  return `<!doctype html><html><head><title>Deep HTML</title></head><body>${'<div>'.repeat(depth)}<p>Deep text sits here.</p>${'</div>'.repeat(depth)}</body></html>`;
}

/** Bytes that no text decoder should accept as text: a PNG header followed by binary noise with NULs. */
export function binaryNoise(n = 4096): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 167 + (i >> 3)) & 0xff;
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  return b;
}

/** Roughly `bytes` of ordinary prose (distinct numbered sentences in paragraphs), for size tests. */
export function prose(bytes: number, lineBreaks = true): string {
  const parts: string[] = ['A Very Long Report', ''];
  let size = 22;
  for (let i = 0; size < bytes; i++) {
    const s = `Sentence ${i} reports that district ${i % 97} spent ${(i * 7) % 1000} million on schools in ${1990 + (i % 30)}.`;
    parts.push(s);
    size += s.length + 1;
    if (lineBreaks && i % 8 === 7) parts.push('');
  }
  return parts.join(lineBreaks ? '\n' : ' ');
}

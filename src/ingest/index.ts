/**
 * ingest: a file's bytes → one text per source. Readers are a table keyed by format; a new format
 * is one reader and one row.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { RawFile, SourceFormat, SourceText } from '../model/document.js';
import type { StageContext } from '../model/context.js';
import { decodeBytes } from './decode.js';
// The PDF, DOCX and HTML readers (pdfjs, mammoth, linkedom) load on first use: most builds read
// only text, and `formatOf`/`sourceIdOf` are used at CLI start-up.

/** A reader turns bytes into text (and what the format declares about itself). */
export type Reader = (file: RawFile, ctx: StageContext) => Promise<Omit<SourceText, 'id' | 'path' | 'format' | 'sha256'> | null>;

const readText: Reader = async (file, ctx) => decodeBytes(file.bytes, file.path, ctx);

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Readers keyed by format. */
export const readers: Readonly<Record<SourceFormat, Reader>> = {
  txt: readText,
  md: readText,
  pdf: async (file, ctx) => {
    // "%PDF" may follow a little junk; anything else is not a PDF
    if (!new TextDecoder('latin1').decode(file.bytes.subarray(0, 1024)).includes('%PDF-')) {
      ctx.report.fatal(file.path, 0, 'Unexpected content without a PDF header, expected a file starting with %PDF-', 'bad-pdf');
      return null;
    }
    const { readPdf } = await import('./pdf.js');
    const read = await readPdf(file.bytes, file.path, ctx);
    if (!read) return null;
    return { text: read.text, encoding: 'pdf', pageStarts: read.pageStarts, regions: read.regions, furniture: read.furniture, ...(read.title ? { declared: { title: read.title } } : {}) };
  },
  docx: async (file, ctx) => {
    if (!startsWith(file.bytes, [0x50, 0x4b, 0x03, 0x04])) {
      ctx.report.fatal(file.path, 0, 'Unexpected content that is not a ZIP container, expected a DOCX (Word) file', 'bad-docx');
      return null;
    }
    const { readDocx } = await import('./docx.js');
    const read = await readDocx(file.bytes, file.path, ctx);
    return read ? { text: read.text, encoding: 'docx' } : null;
  },
  html: async (file, ctx) => {
    const decoded = decodeBytes(file.bytes, file.path, ctx);
    if (!decoded) return null;
    const { readHtml } = await import('./html.js');
    const read = readHtml(decoded.text, file.path, ctx);
    return read ? { text: read.text, encoding: decoded.encoding } : null;
  },
};

/** The format of a path by its extension, or null when no reader handles it. */
export function formatOf(path: string): SourceFormat | null {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'markdown') return 'md';
  if (ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'text') return 'txt';
  return ext in readers ? (ext as SourceFormat) : null;
}

/** Source id: the file name without its extension. */
export function sourceIdOf(path: string): string {
  return basename(path, extname(path));
}

/** Read one source; returns null (with a fatal diagnostic) when it cannot be read. */
export async function ingest(file: RawFile, ctx: StageContext): Promise<SourceText | null> {
  const format = formatOf(file.path);
  if (!format) {
    ctx.report.fatal(file.path, undefined, `Unexpected file type "${extname(file.path)}", expected .txt, .md, .pdf, .docx or .html`, 'unsupported-format');
    return null;
  }
  if (file.bytes.length === 0) {
    ctx.report.fatal(file.path, 0, 'Unexpected empty source, expected some text', 'empty-source');
    return null;
  }
  let read: Awaited<ReturnType<Reader>>;
  try {
    read = await readers[format](file, ctx);
  } catch (e) {
    // a reader library failing on odd input is a bad source, not a crash of the build
    ctx.report.fatal(file.path, undefined, `Unexpected ${format.toUpperCase()} content (${((e as Error)?.message ?? String(e)).split('\n')[0]}), expected a readable file`, 'unreadable-source');
    return null;
  }
  if (!read) return null;
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return { id: file.id ?? sourceIdOf(file.path), path: file.path, format, sha256, ...read };
}

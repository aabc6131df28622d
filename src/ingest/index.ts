/**
 * ingest: a file's bytes → one text per source. Readers are a table keyed by format; a new format
 * is one reader and one row.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { RawFile, SourceFormat, SourceText } from '../model/document.js';
import type { StageContext } from '../model/context.js';

/** A reader turns bytes into text (and what the format declares about itself). */
export type Reader = (file: RawFile, ctx: StageContext) => Promise<Omit<SourceText, 'id' | 'path' | 'format' | 'sha256'> | null>;

const decodeText: Reader = async (file, ctx) => {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    ctx.report.fatal(file.path, undefined, 'Unexpected bytes that are not UTF-8, expected UTF-8 text', 'undecodable');
    return null;
  }
};

/** Readers keyed by format. */
export const readers: Readonly<Record<SourceFormat, Reader>> = {
  txt: decodeText,
  md: decodeText,
  pdf: async (file, ctx) => {
    ctx.report.fatal(file.path, undefined, 'Unexpected PDF source, expected txt or md (PDF reading not built yet)', 'unsupported-format');
    return null;
  },
  docx: async (file, ctx) => {
    ctx.report.fatal(file.path, undefined, 'Unexpected DOCX source, expected txt or md', 'unsupported-format');
    return null;
  },
  html: async (file, ctx) => {
    ctx.report.fatal(file.path, undefined, 'Unexpected HTML source, expected txt or md', 'unsupported-format');
    return null;
  },
};

/** The format of a path by its extension, or null when no reader handles it. */
export function formatOf(path: string): SourceFormat | null {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
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
  const read = await readers[format](file, ctx);
  if (!read) return null;
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return { id: file.id ?? sourceIdOf(file.path), path: file.path, format, sha256, ...read };
}

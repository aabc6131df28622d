/**
 * PDF → text from the text layer (pdfjs-dist, legacy build for Node). Each page's text runs are
 * taken with position, size and font and handed to the layout step (src/layout/), which puts them
 * in reading order, takes out page furniture and marks footnotes, captions, tables and list items.
 * Text-layer defects are reported per page; an encrypted, truncated or text-less PDF is a
 * one-line error naming the file.
 */
import type { StageContext } from '../model/context.js';
import { layoutPages, pageRanges, type FurnitureLine, type PdfItem, type PdfPage, type Region } from '../layout/index.js';

/** Limits of {@link readPdf}. */
export interface PdfOptions {
  maxPages: number;
  maxChars: number;
}

export const defaultPdfOptions: Readonly<PdfOptions> = { maxPages: 2000, maxChars: 20_000_000 };

/** What {@link readPdf} gives. */
export interface PdfRead {
  text: string;
  pageStarts: number[];
  title: string | null;
  regions: Region[];
  furniture: FurnitureLine[];
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

/**
 * pdfjs's legacy build installs polyfills over built-ins it does not need replaced on Node
 * (Array.prototype.push, JSON.parse/stringify), which slows every later stage of the process;
 * the originals are put back once it has loaded. Its parser (pdf.worker.mjs) installs them again
 * when pdfjs loads it lazily at the first getDocument, so it is loaded here too, before the
 * originals go back: it registers itself as `globalThis.pdfjsWorker`, which pdfjs then uses
 * in-thread instead of importing it a second time.
 */
function loadPdfJs(): Promise<PdfJs> {
  if (!loaded) {
    const push = Array.prototype.push;
    const parse = JSON.parse;
    const stringify = JSON.stringify;
    loaded = Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]).then(([m]) => {
      Array.prototype.push = push;
      JSON.parse = parse;
      JSON.stringify = stringify;
      return m;
    });
  }
  return loaded;
}

/** An open pdfjs document. */
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * Opens a PDF with pdfjs as the ingest stage does (also used by `make bench` to time pdfjs alone):
 * text only, nothing compiled with eval, no font faces, no system fonts.
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy
  return pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
}

/** Read a PDF's bytes. */
export async function readPdf(bytes: Uint8Array, path: string, ctx: StageContext, options: Readonly<PdfOptions> = defaultPdfOptions): Promise<PdfRead | null> {
  let doc: PdfDocument;
  try {
    doc = await openPdf(bytes);
  } catch (e) {
    const err = e as Error;
    if (err?.name === 'PasswordException') ctx.report.fatal(path, undefined, 'Unexpected encrypted PDF (it needs a password), expected a PDF that opens without one', 'encrypted-pdf');
    else ctx.report.fatal(path, undefined, `Unexpected PDF that cannot be read (${(err?.message ?? String(e)).split('\n')[0]}), expected a valid PDF`, 'bad-pdf');
    return null;
  }
  try {
    const pages: PdfPage[] = [];
    const count = Math.min(doc.numPages, options.maxPages);
    if (doc.numPages > options.maxPages) ctx.report.warn(path, undefined, `Unexpected PDF of ${doc.numPages} pages, expected at most ${options.maxPages}: the rest is not read`, 'pdf-too-long');
    let chars = 0;
    for (let p = 1; p <= count && chars < options.maxChars; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const [x0, y0, x1, y1] = page.view;
      const items: PdfItem[] = [];
      for (const raw of content.items as unknown[]) {
        const it = raw as TextItemLike;
        if (typeof it.str !== 'string' || !it.str) continue;
        const [a, b, c, d, e, f] = it.transform;
        chars += it.str.length;
        // a sheared run (synthetic italic) is still horizontal: only the baseline direction counts
        items.push({ str: it.str, x: e - x0, y: f - y0, w: it.width || 0, size: Math.hypot(c, d) || it.height || 10, font: it.fontName ?? '', rotated: Math.abs(b) > 0.01 * Math.abs(a) || a <= 0 });
      }
      pages.push({ page: p, width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    let infoTitle: string | null = null;
    try {
      const meta = await doc.getMetadata();
      const t = (meta.info as Record<string, unknown> | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) infoTitle = t.trim();
    } catch {
      infoTitle = null;
    }
    const laid = layoutPages(pages);
    // pages past the character limit are not read but still counted, so page numbers stay right
    while (laid.pageStarts.length < count) laid.pageStarts.push(laid.text.length);
    if (!laid.text.trim()) {
      ctx.report.fatal(path, undefined, 'Unexpected PDF without a text layer (scanned images?), expected selectable text', 'no-text-layer');
      return null;
    }
    for (const q of laid.quality) {
      const where = pageRanges(q.pages);
      if (q.rule === 'no-text-layer') ctx.report.warn(path, undefined, `Unexpected ${where} without a text layer (scanned images?), expected selectable text: their text is missing from the brief`, 'pdf-no-text-pages');
      else if (q.repaired) ctx.report.warn(path, undefined, `Unexpected text layer on ${where}: ${q.what}`, `pdf-${q.rule}`);
      else ctx.report.warn(path, undefined, `Unexpected garbled text layer on ${where}: ${q.what}; extracted text may be wrong`, `pdf-${q.rule}`);
    }
    // the info dictionary's title is trusted only when the page shows it too
    const title = infoTitle && laid.text.slice(0, 3000).toLowerCase().includes(infoTitle.toLowerCase()) ? infoTitle : null;
    return { text: laid.text, pageStarts: laid.pageStarts, title, regions: laid.regions, furniture: laid.furniture };
  } catch (e) {
    ctx.report.fatal(path, undefined, `Unexpected PDF content (${((e as Error)?.message ?? String(e)).split('\n')[0]}), expected a readable PDF`, 'bad-pdf');
    return null;
  } finally {
    await doc.destroy();
  }
}

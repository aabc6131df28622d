/**
 * PDF → text from the text layer (pdfjs-dist, legacy build for Node). Items are grouped into lines
 * by baseline, lines into paragraphs by vertical gaps; lines set larger than the body text become
 * `#` headings (largest first) so structure finds the same sections as in other formats. Pages are
 * separated by a blank line and their start offsets kept for citations.
 */
import type { StageContext } from '../model/context.js';

/** Limits of {@link readPdf}. */
export interface PdfOptions {
  maxPages: number;
  maxChars: number;
}

export const defaultPdfOptions: Readonly<PdfOptions> = { maxPages: 2000, maxChars: 20_000_000 };

interface PdfLine {
  text: string;
  y: number;
  size: number;
  page: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** Read a PDF's bytes. */
export async function readPdf(bytes: Uint8Array, path: string, ctx: StageContext, options: Readonly<PdfOptions> = defaultPdfOptions): Promise<{ text: string; pageStarts: number[]; title: string | null } | null> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (e) {
    const err = e as Error;
    if (err?.name === 'PasswordException') ctx.report.fatal(path, undefined, 'Unexpected encrypted PDF (it needs a password), expected a PDF that opens without one', 'encrypted-pdf');
    else ctx.report.fatal(path, undefined, `Unexpected PDF that cannot be read (${(err?.message ?? String(e)).split('\n')[0]}), expected a valid PDF`, 'bad-pdf');
    return null;
  }
  try {
    const lines: PdfLine[] = [];
    const pages = Math.min(doc.numPages, options.maxPages);
    if (doc.numPages > options.maxPages) ctx.report.warn(path, undefined, `Unexpected PDF of ${doc.numPages} pages, expected at most ${options.maxPages}: the rest is not read`, 'pdf-too-long');
    let chars = 0;
    for (let p = 1; p <= pages && chars < options.maxChars; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const pageLines = toLines((content.items as unknown[]).filter((i): i is TextItemLike => typeof (i as TextItemLike).str === 'string'), p);
      for (const l of pageLines) chars += l.text.length;
      lines.push(...pageLines);
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
    const { text, pageStarts } = toText(lines, pages);
    if (!text.trim()) {
      ctx.report.fatal(path, undefined, 'Unexpected PDF without a text layer (scanned images?), expected selectable text', 'no-text-layer');
      return null;
    }
    // the info dictionary's title is trusted only when the page shows it too
    const title = infoTitle && text.slice(0, 3000).toLowerCase().includes(infoTitle.toLowerCase()) ? infoTitle : null;
    return { text, pageStarts, title };
  } catch (e) {
    ctx.report.fatal(path, undefined, `Unexpected PDF content (${((e as Error)?.message ?? String(e)).split('\n')[0]}), expected a readable PDF`, 'bad-pdf');
    return null;
  } finally {
    await doc.destroy();
  }
}

/** Items of one page → lines (items that share a baseline), in content order. */
function toLines(items: TextItemLike[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: { parts: string[]; y: number; size: number; lastEnd: number } | null = null;
  const close = (): void => {
    if (cur) {
      const text = cur.parts.join('').replace(/\s+/g, ' ').trim();
      if (text) lines.push({ text, y: cur.y, size: cur.size, page });
    }
    cur = null;
  };
  for (const it of items) {
    const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 10;
    const x = it.transform[4];
    const y = it.transform[5];
    if (cur && Math.abs(y - cur.y) > size * 0.5) close();
    if (!cur) cur = { parts: [], y, size, lastEnd: x };
    const gap = x - cur.lastEnd;
    if (cur.parts.length && gap > size * 0.15 && !/\s$/.test(cur.parts[cur.parts.length - 1]) && !/^\s/.test(it.str)) cur.parts.push(' ');
    cur.parts.push(it.str);
    cur.size = Math.max(cur.size, it.str.trim() ? size : 0);
    cur.lastEnd = x + (it.width || 0);
    if (it.hasEOL) close();
  }
  close();
  return lines;
}

/** Lines → text with blank lines between paragraphs, `#` on large lines, and page start offsets. */
function toText(lines: PdfLine[], pages: number): { text: string; pageStarts: number[] } {
  // the body size: the size most characters are set in
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let body = 10;
  let best = -1;
  for (const [s, w] of [...weight.entries()].sort((a, b) => a[0] - b[0])) if (w > best) { best = w; body = s; }
  const larger = [...new Set(lines.filter((l) => l.size > body * 1.12 && l.text.split(/\s+/).length <= 20).map((l) => Math.round(l.size * 2) / 2))].sort((a, b) => b - a);
  const rank = (size: number): number => {
    const r = larger.indexOf(Math.round(size * 2) / 2);
    return r < 0 ? 0 : Math.min(6, r + 1);
  };
  // usual distance between baselines of body lines
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].page === lines[i - 1].page && rank(lines[i].size) === 0 && rank(lines[i - 1].size) === 0) {
      const g = lines[i - 1].y - lines[i].y;
      if (g > 0) gaps.push(g);
    }
  }
  gaps.sort((a, b) => a - b);
  const leading = gaps.length ? gaps[Math.floor(gaps.length / 2)] : body * 1.2;
  const bodyLengths = lines.filter((l) => rank(l.size) === 0).map((l) => l.text.length).sort((a, b) => a - b);
  const typicalLength = bodyLengths.length ? bodyLengths[Math.floor(bodyLengths.length * 0.75)] : 80;
  let text = '';
  const pageStarts: number[] = [];
  let page = 0;
  let prev: PdfLine | null = null;
  let prevRank = 0;
  for (const l of lines) {
    while (page < l.page) {
      if (text) text += '\n\n';
      pageStarts.push(text.length);
      page++;
      prev = null;
      prevRank = 0;
    }
    const r = rank(l.size);
    if (prev) {
      const gap = prev.y - l.y;
      const sameHeading = r > 0 && r === prevRank && gap > 0 && gap < l.size * 1.6;
      if (sameHeading) { text += ` ${l.text}`; prev = l; continue; }
      // a paragraph ends at a wider gap, or on a short line that ends a sentence
      const shortEnd = /[.!?:]["”’)]?$/.test(prev.text) && prev.text.length < typicalLength * 0.8;
      text += r > 0 || prevRank > 0 || gap > leading * 1.45 || gap < 0 || shortEnd ? '\n\n' : '\n';
    }
    text += r > 0 ? `${'#'.repeat(r)} ${l.text}` : l.text;
    prev = l;
    prevRank = r;
  }
  while (pageStarts.length < pages) pageStarts.push(text.length);
  return { text, pageStarts };
}

/**
 * Layout fixture PDFs built with pdf-lib at test time: each page is a list of runs placed where a
 * report's typesetting would put them (running lines, columns, footnotes, bullets).
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

/** One run of text: position in points from the bottom left, size, and bold or not. */
export interface Run {
  text: string;
  x: number;
  y: number;
  size?: number;
  bold?: boolean;
}

/** A PDF whose pages hold exactly these runs (A4). */
export async function layoutPdf(pages: Run[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const regular = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  for (const runs of pages) {
    const page = pdf.addPage([595, 842]);
    for (const r of runs) page.drawText(r.text, { x: r.x, y: r.y, size: r.size ?? 11, font: r.bold ? bold : regular });
  }
  return pdf.save({ useObjectStreams: false });
}

let times: PDFFont | null = null;

/** Width of a text in Times Roman at a size (the fixtures' body font). */
export function timesWidth(text: string, size: number): number {
  return times ? times.widthOfTextAtSize(text, size) : text.length * size * 0.45;
}

/** Load Times Roman's metrics once, for {@link timesWidth} and {@link wrap}. */
export async function loadMetrics(): Promise<void> {
  if (!times) times = await (await PDFDocument.create()).embedFont(StandardFonts.TimesRoman);
}

/** Words wrapped into lines no wider than `width` at `size`. */
export function wrap(text: string, width: number, size: number): string[] {
  const widthOf = (s: string): number => timesWidth(s, size);
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    const next = line ? `${line} ${w}` : w;
    if (widthOf(next) > width && line) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Runs of a paragraph set as lines from (x, y) down, `leading` apart. */
export function paragraph(text: string, x: number, y: number, width: number, size = 11, leading = 14): Run[] {
  return wrap(text, width, size).map((t, i) => ({ text: t, x, y: y - i * leading, size }));
}

/** Prose of a given number of sentences about one subject, so each column or page reads apart. */
export function prose(subject: string, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(`The ${subject} report describes finding number ${i + 1} in plain words for the reader.`);
  return out.join(' ');
}

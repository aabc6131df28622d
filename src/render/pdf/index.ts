/** PDF laid out from Markdown with pdf-lib (foundation version: wrapped paragraphs and headings). */
import { PDFDocument, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PdfOptions {
  title: string;
  author: string;
  /** ISO date; also the PDF's creation date, so builds are reproducible. */
  date: string;
  pageSize: 'A4' | 'Letter';
}

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export async function markdownToPdf(markdown: string, options: PdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const body = await pdf.embedFont(readFileSync(join(fontDir, 'DejaVuSerif.ttf')), { subset: true });
  const bold = await pdf.embedFont(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')), { subset: true });
  const [w, h] = options.pageSize === 'A4' ? [595.28, 841.89] : [612, 792];
  const margin = 64;
  let page = pdf.addPage([w, h]);
  let y = h - margin;
  const line = (text: string, font: PDFFont, size: number) => {
    const words = text.split(/\s+/).filter(Boolean);
    const space = font.widthOfTextAtSize(' ', size);
    let cur: string[] = [];
    let width = 0;
    const flush = () => {
      if (y < margin + size) { page = pdf.addPage([w, h]); y = h - margin; }
      page.drawText(cur.join(' '), { x: margin, y, size, font });
      y -= size * 1.4;
      cur = []; width = 0;
    };
    for (const word of words) {
      const ww = font.widthOfTextAtSize(word, size);
      if (cur.length && width + space + ww > w - 2 * margin) flush();
      width += (cur.length ? space : 0) + ww;
      cur.push(word);
    }
    if (cur.length) flush();
  };
  for (const block of markdown.split(/\n{2,}/)) {
    const m = /^(#{1,6})\s+(.*)$/s.exec(block);
    if (m) { y -= 6; line(m[2], bold, 18 - m[1].length * 2); } else line(block, body, 10.5);
    y -= 4;
  }
  const when = new Date(`${options.date}T00:00:00Z`);
  pdf.setTitle(options.title); pdf.setAuthor(options.author); pdf.setProducer('Briefwright'); pdf.setCreator('Briefwright');
  pdf.setCreationDate(when); pdf.setModificationDate(when);
  return pdf.save({ useObjectStreams: false });
}

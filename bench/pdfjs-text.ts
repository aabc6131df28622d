/**
 * `make bench`, PDF part: pdfjs alone over a folder of PDFs — every page's text content, opened as
 * the ingest stage opens it, nothing else (no layout, structure or analysis), on one thread. It is
 * the floor under `brief extract`'s time, run as a process of its own so its CPU time can be taken.
 *
 *   node dist/bench/pdfjs-text.js DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPdf } from '../src/ingest/pdf.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pdfjs-text.js DIR');
let pages = 0;
let items = 0;
for (const name of readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.pdf')).sort()) {
  const doc = await openPdf(new Uint8Array(readFileSync(join(dir, name))));
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  pages += doc.numPages;
  await doc.destroy();
}
process.stdout.write(JSON.stringify({ pages, items }) + '\n');

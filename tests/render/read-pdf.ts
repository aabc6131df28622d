/** Reading a PDF back with pdfjs (legacy build, for Node): words with their boxes, outline, metadata. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export interface Word {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ReadPdf {
  pages: { width: number; height: number; words: Word[]; text: string; links: { url?: string; dest?: unknown; rect: number[] }[] }[];
  outline: { title: string; items: { title: string }[] }[];
  info: Record<string, unknown>;
  /** Every font descriptor in the file has an embedded font program. */
  fontsEmbedded: boolean;
  fontNames: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: ReadPdf['pages'] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as number[];
    const content = await page.getTextContent();
    const words: Word[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      words.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
    }
    const annots = await page.getAnnotations();
    const links = annots.filter((a: { subtype: string }) => a.subtype === 'Link').map((a: { url?: string; dest?: unknown; rect: number[] }) => ({ url: a.url, dest: a.dest, rect: a.rect }));
    pages.push({ width: width!, height: height!, words, text: words.map((w) => w.str).join(' '), links });
  }
  const outline = ((await doc.getOutline()) ?? []).map((o: { title: string; items: { title: string }[] }) => ({ title: o.title, items: o.items.map((c) => ({ title: c.title })) }));
  const meta = await doc.getMetadata();
  await doc.destroy();

  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  let fontsEmbedded = true;
  const fontNames: string[] = [];
  for (const [, obj] of lib.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    if (obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    fontNames.push(String(obj.get(PDFName.of('FontName'))));
    if (!obj.has(PDFName.of('FontFile2')) && !obj.has(PDFName.of('FontFile3')) && !obj.has(PDFName.of('FontFile'))) fontsEmbedded = false;
  }
  const lang = lib.catalog.get(PDFName.of('Lang'));
  return { pages, outline, info: { ...(meta.info as Record<string, unknown>), Lang: lang ? lang.toString() : undefined }, fontsEmbedded, fontNames: fontNames.sort() };
}

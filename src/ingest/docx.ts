/**
 * DOCX → text with mammoth (Word styles → HTML headings), after a bounded-decompression check.
 */
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { StageContext } from '../model/context.js';
import { domToText, type DomNode } from './dom-text.js';
import { checkZip } from './zip-guard.js';

/** Styles mapped besides mammoth's defaults (Heading 1–6 → h1–h6): the Title style is the title. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** Read a DOCX file's bytes. */
export async function readDocx(bytes: Uint8Array, path: string, ctx: StageContext): Promise<{ text: string } | null> {
  const refused = checkZip(bytes);
  if (refused) {
    ctx.report.fatal(path, undefined, `Unexpected DOCX that cannot be opened safely (${refused}), expected a Word document`, 'bad-docx');
    return null;
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true });
    html = result.value;
  } catch (e) {
    ctx.report.fatal(path, undefined, `Unexpected DOCX content (${(e as Error).message.split('\n')[0]}), expected a Word document`, 'bad-docx');
    return null;
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const text = domToText(document.body as unknown as DomNode);
  if (!text.trim()) {
    ctx.report.fatal(path, undefined, 'Unexpected DOCX without text, expected some content', 'empty-source');
    return null;
  }
  return { text };
}

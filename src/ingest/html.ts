/**
 * HTML → text: the main content only (Mozilla Readability on a linkedom document), scripts and
 * styles dropped, headings kept as `#` lines so structure finds the same sections as in other formats.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { StageContext } from '../model/context.js';
import { domDepth, domToText, type DomNode } from './dom-text.js';

/** Deeper documents skip Readability (which recurses) and are read whole. */
const MAX_READABILITY_DEPTH = 400;

/**
 * Deeper markup is refused before parsing: the HTML parser keeps open elements in an array it
 * shifts and unshifts, so parsing is quadratic in depth (256 KB of nested tags took 13 s, 512 KB 67 s).
 */
const MAX_PARSE_DEPTH = 20_000;
const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Nesting depth of the tags in `html`, counted in one linear pass; stops counting past `limit`. */
export function markupDepth(html: string, limit: number): number {
  let depth = 0;
  let max = 0;
  // `[^<>]*` cannot run past the next tag, so an unclosed `<b a="` costs only up to the next `<`.
  const re = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (voidTags.has(m[2].toLowerCase()) || m[0].endsWith('/>')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) > limit) return max;
  }
  return max;
}

/** Headings that open a section, not name a page. */
const sectionWord = /^(?:summary|executive summary|abstract|introduction|overview|background|contents|table of contents|key (?:findings|points|messages|takeaways))\s*:?$/i;

/** Read an HTML string; `path` names the file in diagnostics. */
export function readHtml(html: string, path: string, ctx: StageContext, options: { readability: boolean } = { readability: true }): { text: string; title: string | null } | null {
  if (markupDepth(html, MAX_PARSE_DEPTH) > MAX_PARSE_DEPTH) {
    ctx.report.fatal(path, undefined, `Unexpected HTML nested more than ${MAX_PARSE_DEPTH} elements deep, expected ordinary HTML`, 'deep-html');
    return null;
  }
  let document: ReturnType<typeof parseHTML>['document'];
  try {
    ({ document } = parseHTML(html.includes('<html') || html.includes('<HTML') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`));
  } catch (e) {
    ctx.report.fatal(path, undefined, `Unexpected HTML that cannot be parsed (${(e as Error).message}), expected an HTML document`, 'bad-html');
    return null;
  }
  for (const el of [...document.querySelectorAll('script,style,noscript,template,iframe,object,embed')]) el.remove();
  const headTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const pageHeadings = new Set([...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()));
  const body = (document.body ?? document.documentElement) as unknown as DomNode | null;
  if (!body) {
    ctx.report.fatal(path, undefined, 'Unexpected HTML without a body, expected an HTML document', 'bad-html');
    return null;
  }
  const depth = domDepth(body, MAX_READABILITY_DEPTH);
  let text = '';
  let title: string | null = null;
  if (options.readability && depth <= MAX_READABILITY_DEPTH) {
    try {
      const article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
      if (article?.content) {
        const { document: doc } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
        text = domToText(doc.body as unknown as DomNode);
        title = article.title?.trim() || null;
      }
    } catch {
      text = '';
    }
  } else if (depth > MAX_READABILITY_DEPTH) {
    ctx.report.warn(path, undefined, `Unexpected nesting deeper than ${MAX_READABILITY_DEPTH} elements, expected ordinary HTML: read the whole page without picking the main content`, 'deep-html');
  }
  if (text.replace(/\s+/g, '').length < 100) {
    // Readability found no article: fall back to the whole body
    const { document: again } = parseHTML(html.includes('<html') || html.includes('<HTML') ? html : `<!doctype html><html><body>${html}</body></html>`);
    for (const el of [...again.querySelectorAll('script,style,noscript,template,iframe,object,embed,nav,footer,aside,form')]) el.remove();
    text = domToText((again.body ?? again.documentElement) as unknown as DomNode);
  }
  const h1 = /^# (.+)$/m.exec(text.slice(0, 2000));
  // A page's own first heading names it better than its <title>, which sites write for search
  // engines and tabs ("Pumps and Power | Forum"); Readability demotes that heading to "##".
  const lead = /^\s*##? ([^\n]{3,300})\n/.exec(text);
  if (lead && pageHeadings.has(lead[1].trim()) && !sectionWord.test(lead[1].trim())) {
    title = lead[1].trim();
    text = text.replace(/^\s*##? /, '# ');
  }
  title = title ?? h1?.[1] ?? headTitle;
  // Readability lifts the title out of the content: put it back as the first line
  if (title && !text.slice(0, title.length + 200).includes(title)) text = `# ${title}\n\n${text}`;
  if (!text.trim()) {
    ctx.report.fatal(path, undefined, 'Unexpected HTML without text, expected some content', 'empty-source');
    return null;
  }
  return { text, title };
}

/**
 * Reference-list entries formatted by citeproc-js with a CSL style: each source's entry as HTML
 * (for the HTML reader) and as escaped inline Markdown (for every template's `reference`).
 * Pure: the style and locale XML come from the caller (the CLI reads the shipped or the user's file).
 */
import { bibliographyStyle, citeproc, type Citeproc } from './citeproc.js';
import { cslItemTypes, type CslItem } from './csl-items.js';
import { escapeMarkdown } from './escape.js';

/** A CSL style and the locale it is used with, as XML text. */
export interface CslStyle {
  /** The style's name as configured ("chicago-author-date", or a .csl path). */
  name: string;
  style: string;
  locale: string;
}

/** One formatted entry per source id: HTML (citeproc's own output, safe) and inline Markdown. */
export interface FormattedReferences {
  html: Map<string, string>;
  markdown: Map<string, string>;
}

type CiteprocEngine = InstanceType<Citeproc['Engine']>;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#38': '&', '#60': '<', '#62': '>', '#39': "'", nbsp: '\u00a0' };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => entities[e] ?? (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));

/** citeproc's HTML for one entry as inline Markdown: italics kept, every other character escaped, DOI and URL links kept as links. */
export function entryMarkdown(html: string): string {
  const body = html.replace(/^\s*<div class="csl-entry">|<\/div>\s*$/g, '').trim();
  const out: string[] = [];
  for (const part of body.split(/(<\/?(?:i|em|b|strong)>|<span style="font-style:\s*italic;?">|<\/span>|<[^>]+>)/)) {
    if (/^<\/?(?:i|em)>$|^<span style="font-style/.test(part)) out.push('*');
    else if (part === '</span>') out.push(out.includes('*') && out.filter((x) => x === '*').length % 2 === 1 ? '*' : '');
    else if (/^<[^>]+>$/.test(part)) continue;
    else {
      const text = decode(part);
      out.push(text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;])/).map((t, k) => (k % 2 ? `<${t}>` : t ? escapeMarkdown(t).replace(/^ | $/g, '') + (t.endsWith(' ') ? ' ' : '') : '')).map((t, k, a) => (k % 2 === 0 && a[k - 1] && part.startsWith(' ') ? t : t)).join(''));
      if (/^\s/.test(text) && out.length > 1) out[out.length - 1] = ' ' + out[out.length - 1]!.replace(/^ /, '');
    }
  }
  return out.join('').replace(/\*\s*\*/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Formats every item with the style: entries keyed by item id. Throws when the style is not CSL
 * (the caller reports it against the style file).
 */
export function formatReferences(items: readonly CslItem[], style: CslStyle): FormattedReferences {
  return referenceFormatter(style)(items);
}

/**
 * A formatter for `style`: the citeproc engine is built now (most of the cost: seconds for a large
 * style such as APA), the items are formatted when the returned function is called, once. The
 * engine reads items only when asked to format them, so building it before the items are known
 * (while the sources are analysed, in a thread of its own) gives the same entries.
 */
export function referenceFormatter(style: CslStyle): (items: readonly CslItem[]) => FormattedReferences {
  const csl = citeproc();
  let byId = new Map<string, CslItem>();
  const sys = { retrieveLocale: () => style.locale, retrieveItem: (id: string) => byId.get(id) };
  // the style without what only citations or other item types use (see citeproc.ts): the same entries, a fraction of the work
  const engine = new csl.Engine(sys, bibliographyStyle(csl, style.style, cslItemTypes), 'en-US', true);
  return (items) => {
    byId = new Map(items.map((i) => [i.id, i]));
    return bibliography(engine, items);
  };
}

/** The engine's bibliography of `items`, keyed by item id. */
function bibliography(engine: CiteprocEngine, items: readonly CslItem[]): FormattedReferences {
  engine.updateItems(items.map((i) => i.id));
  const made = engine.makeBibliography();
  const html = new Map<string, string>();
  const markdown = new Map<string, string>();
  if (!made) return { html, markdown };
  const [meta, entries] = made;
  meta.entry_ids.forEach(([id], k) => {
    // A numbered style's own number is dropped: templates number the sources list themselves.
    const entry = entries[k]!.trim().replace(/<div class="csl-left-margin">[^<]*<\/div>/, '').replace(/<div class="csl-right-inline">([\s\S]*?)<\/div>/, '$1');
    html.set(id!, entry.replace(/^<div class="csl-entry">|<\/div>$/g, '').trim());
    markdown.set(id!, entryMarkdown(entry));
  });
  return { html, markdown };
}

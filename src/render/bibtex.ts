/**
 * CSL-JSON items as BibTeX: `@article` for journal articles, `@techreport` for reports (with
 * institution, type and number), `@misc` for web pages. Values are braced and TeX's special
 * characters escaped, so any title reads back as written.
 */
import type { CslItem, CslName } from './csl-items.js';

/** TeX's special characters escaped inside a braced value. */
export function bibEscape(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A citation key from an item id: letters, digits and `-_:` only, unique within the file. */
function keyOf(id: string, used: Set<string>): string {
  const base = id.normalize('NFKD').replace(/[^A-Za-z0-9_:-]+/g, '-').replace(/^-+|-+$/g, '') || 'source';
  let key = base;
  for (let k = 2; used.has(key); k++) key = `${base}-${k}`;
  used.add(key);
  return key;
}

/** A name as BibTeX writes it: "Family, Given", an organisation braced whole. */
const nameOf = (n: CslName): string => ('literal' in n ? `{${bibEscape(n.literal)}}` : n.given ? `${bibEscape(n.family)}, ${bibEscape(n.given)}` : bibEscape(n.family));

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One entry. */
function entryOf(item: CslItem, key: string): string {
  const kind = item.type === 'article-journal' ? 'article' : item.type === 'report' ? 'techreport' : 'misc';
  const fields: [string, string][] = [];
  if (item.author?.length) fields.push(['author', item.author.map(nameOf).join(' and ')]);
  // Double braces keep the title's capitals as written.
  if (item.title) fields.push(['title', `{${bibEscape(item.title)}}`]);
  if (item['container-title']) fields.push(['journal', bibEscape(item['container-title'])]);
  if (item.volume) fields.push(['volume', bibEscape(item.volume)]);
  if (item.issue) fields.push(['number', bibEscape(item.issue)]);
  if (item.page) fields.push(['pages', bibEscape(item.page).replace('-', '--')]);
  if (item.publisher) fields.push([kind === 'techreport' ? 'institution' : 'publisher', bibEscape(item.publisher)]);
  if (item.genre) fields.push(['type', bibEscape(item.genre)]);
  if (item.number) fields.push(['number', bibEscape(item.number)]);
  if (item['collection-title']) fields.push(['series', bibEscape(item['collection-title'])]);
  const [y, m] = item.issued?.['date-parts'][0] ?? [];
  if (y) fields.push(['year', String(y)]);
  if (m && months[m - 1]) fields.push(['month', months[m - 1]!]);
  if (item.DOI) fields.push(['doi', bibEscape(item.DOI)]);
  if (item.URL) fields.push(['url', item.URL.replace(/[{}\s]/g, '')]);
  // A report without an institution is still a valid entry as @misc (BibTeX requires one for @techreport).
  const type = kind === 'techreport' && !item.publisher ? 'misc' : kind;
  return `@${type}{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

/** A BibTeX file of the items, in the order given. */
export function toBibtex(items: readonly CslItem[]): string {
  const used = new Set<string>();
  return items.map((it) => entryOf(it, keyOf(it.id, used))).join('\n\n') + '\n';
}

/**
 * The sources list as data and as text: a CSL-JSON item per source, the entries formatted by the
 * configured CSL style, `references.json` and `references.bib`, and what each source lacks.
 */
import type { Brief } from '../model/schema.js';
import { cslItem, type CslItem, type SourceWithMeta } from './csl-items.js';
import { toBibtex } from './bibtex.js';
import { formatReferences, type CslStyle, type FormattedReferences } from './references.js';

/** The sources list of a brief. */
export interface ReferenceList {
  items: CslItem[];
  /** Sources lacking fields a reference needs (each left out, not invented). */
  missing: { path: string; fields: string[] }[];
  /** Entries formatted by the style (absent when no style was given). */
  formatted?: FormattedReferences;
}

/** The sources list, formatted with `style` when one is given. */
export function referenceList(brief: Brief, style?: CslStyle): ReferenceList {
  const list = unformatted(brief);
  return style ? { ...list, formatted: formatReferences(list.items, style) } : list;
}

/** The sources list, its entries formatted by `format` (a formatter whose style was loaded earlier, perhaps in another thread). */
export async function referenceListWith(brief: Brief, format: (items: CslItem[]) => Promise<FormattedReferences>): Promise<ReferenceList> {
  const list = unformatted(brief);
  return { ...list, formatted: await format(list.items) };
}

function unformatted(brief: Brief): ReferenceList {
  const results = brief.sources.map((s) => ({ s, ...cslItem(s as SourceWithMeta) }));
  return {
    items: results.map((r) => r.item),
    missing: results.filter((r) => r.missing.length).map((r) => ({ path: r.s.path, fields: r.missing })),
  };
}

/** `references.json` (CSL-JSON, one item per source, in source order) and `references.bib`. */
export function referenceFiles(list: ReferenceList): { name: string; bytes: Uint8Array }[] {
  const enc = new TextEncoder();
  return [
    { name: 'references.json', bytes: enc.encode(JSON.stringify(list.items, null, 2) + '\n') },
    { name: 'references.bib', bytes: enc.encode(toBibtex(list.items)) },
  ];
}

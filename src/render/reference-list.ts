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
  const results = brief.sources.map((s) => ({ s, ...cslItem(s as SourceWithMeta) }));
  const items = results.map((r) => r.item);
  return {
    items,
    missing: results.filter((r) => r.missing.length).map((r) => ({ path: r.s.path, fields: r.missing })),
    formatted: style ? formatReferences(items, style) : undefined,
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

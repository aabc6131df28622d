/**
 * In-page anchors of the HTML reader: a citation links to `#cite-N-START-END` (source number and
 * character span, so the same passage cited twice is one target, and the id survives re-rendering),
 * a bare source number to `#source-N` (the source's full entry).
 */

/** The fragment a citation of source `n` over `[start, end)` links to. */
export const citationHref = (n: number, start: number, end: number): string => `#cite-${n}-${start}-${end}`;

/** The fragment of source `n`'s full entry. */
export const sourceHref = (n: number): string => `#source-${n}`;

/** A citation fragment read back: source number and span, or null for any other URL. */
export function parseCitationHref(url: string): { n: number; start: number; end: number } | null {
  const m = /^#cite-(\d+)-(\d+)-(\d+)$/.exec(url);
  return m ? { n: Number(m[1]), start: Number(m[2]), end: Number(m[3]) } : null;
}

/** Whether `url` is one of the reader's own in-page anchors. */
export const isReaderAnchor = (url: string): boolean => /^#(?:cite-\d+-\d+-\d+|source-\d+)$/.test(url);

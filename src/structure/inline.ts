/** Small text helpers shared by the structure passes. */
import { cleanPieces } from './clean.js';

/** Text of a heading or title without Markdown emphasis and markers. */
export function stripInline(t: string): string {
  return cleanPieces(t, [{ start: 0, end: t.length }], { joinHyphen: () => false }).text.replace(/\s*:$/, '').trim();
}

/** The list without repeats, compared case-insensitively; the first spelling is kept. */
export function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

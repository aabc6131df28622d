/**
 * The document's title set as a heading on its first pages (a cover, an inner title page) is the
 * title, not a section: a section named like the document would hold everything else and repeat
 * the running line the title often is on every page.
 */
import type { DocumentMetadata } from '../model/document.js';
import { stripInline } from './inline.js';
import type { Unit } from './units.js';
import { zoneOfHeading } from './zone-names.js';

/** Words of a text, lower case, without punctuation. */
const wordsOf = (s: string): string[] => s.toLowerCase().replace(/[’‘]/g, "'").split(/[^\p{L}\p{N}']+/u).filter(Boolean);

/**
 * Mark as front matter the heading units before `limit` that repeat the title (with or without its
 * subtitle), or a good part of it in one piece (a cover's title set on two lines). A heading that
 * names a part of a report ("Key findings") is kept whatever the title says.
 */
export function markTitleHeadings(units: readonly Unit[], metadata: Pick<DocumentMetadata, 'title' | 'subtitle'>, limit: number): void {
  if (!metadata.title) return;
  const full = ` ${wordsOf([metadata.title, metadata.subtitle].filter(Boolean).join(' ')).join(' ')} `;
  const title = wordsOf(metadata.title);
  for (const u of units) {
    if (!u.lines.length) continue;
    if (u.lines[0].start >= limit) break;
    if (u.type !== 'heading' || u.front) continue;
    const h = stripInline(u.heading!.title);
    const w = wordsOf(h);
    if (!w.length || zoneOfHeading(h)) continue;
    if (full.includes(` ${w.join(' ')} `) && (w.length >= 4 || w.length >= 0.5 * title.length)) u.front = true;
  }
}

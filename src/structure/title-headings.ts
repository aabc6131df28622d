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
 * subtitle), or a good part of it in one piece (a cover's title set on two lines, or broken into
 * several heading lines one after another), or that are the byline (the authors' names). A heading
 * that names a part of a report ("Key findings") is kept whatever the title says.
 */
export function markTitleHeadings(units: readonly Unit[], metadata: Pick<DocumentMetadata, 'title' | 'subtitle' | 'authors'>, limit: number): void {
  if (!metadata.title) return;
  const full = ` ${wordsOf([metadata.title, metadata.subtitle].filter(Boolean).join(' ')).join(' ')} `;
  const title = wordsOf(metadata.title);
  const names = new Set(metadata.authors.flatMap(wordsOf));
  const inTitle = (w: readonly string[]): boolean => full.includes(` ${w.join(' ')} `);
  let run: Unit[] = [];
  let runWords: string[] = [];
  for (const u of units) {
    if (!u.lines.length) continue;
    if (u.lines[0].start >= limit) break;
    const h = u.type === 'heading' && !u.front ? stripInline(u.heading!.title) : null;
    const w = h ? wordsOf(h) : [];
    if (!h || !w.length || zoneOfHeading(h)) {
      run = [];
      runWords = [];
      continue;
    }
    if (inTitle(w) && (w.length >= 4 || w.length >= 0.5 * title.length)) u.front = true;
    else if (isByline(w, names)) u.front = true;
    // a title broken into heading lines: the lines so far, together, a good part of the title
    if (inTitle([...runWords, ...w])) {
      run.push(u);
      runWords.push(...w);
      if (runWords.length >= 4 && run.length > 1) for (const r of run) r.front = true;
    } else {
      run = inTitle(w) ? [u] : [];
      runWords = inTitle(w) ? [...w] : [];
    }
  }
}

/** Words that are all the authors' names, but for joining words and note marks ("Rohan Joshi and Pranay Kotasthane1"). */
function isByline(words: readonly string[], names: ReadonlySet<string>): boolean {
  const rest = words.map((w) => w.replace(/\d+$/, '')).filter((w) => w && !/^(?:and|by|with|et|al)$/.test(w));
  return rest.length > 0 && rest.every((w) => names.has(w));
}

/**
 * Sources as CSL-JSON items (the data reference managers and citeproc read): one item per source,
 * typed by what it is (a journal article when it names a journal, else grey literature as a
 * report), with the authors as names, the publisher, series number and date the reading stage
 * found. A field the source does not give is left out, never filled with "Anonymous" or a file
 * name, and each gap is listed so the build can report it.
 */
import type { SourceEntry } from '../model/schema.js';

/** A CSL name: a person's family and given names, or an organisation's literal name. */
export type CslName = { family: string; given?: string } | { literal: string };

/** Every CSL item type Briefwright writes (the formatter relies on there being no other). */
export const cslItemTypes = ['article-journal', 'report', 'webpage'] as const;

/** One CSL-JSON item (the fields Briefwright writes). */
export interface CslItem {
  id: string;
  type: (typeof cslItemTypes)[number];
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts': [number, ...number[]][] };
  publisher?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  'collection-title'?: string;
  genre?: string;
  number?: string;
  DOI?: string;
  URL?: string;
}

/** A source with the metadata fields a later reading stage may add (publisher, series, date, url). */
export type SourceWithMeta = SourceEntry & { publisher?: string | null; series?: string | null; date?: string | null; url?: string | null };

/** An item and the fields it lacks ("author", "issued", "title"). */
export interface CslResult {
  item: CslItem;
  missing: string[];
}

/** Words that are not a person's name in an author list. */
const notAPerson = /^(?:et\.?\s*al\.?|anonymous|anon\.?|n\/?a|unknown|various|staff|editors?|admin(?:istrator)?)$/i;
/** Particles that belong with the family name ("van der Berg", "de Souza"). */
const particles = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ibn', 'ter', 'ten']);

/** A printed name as a CSL name: "Saima Qaisrani" → family Qaisrani, given Saima; "Khan, Ayesha" as written. */
export function cslName(raw: string): CslName | null {
  const name = raw.replace(/^(?:(?:dr|prof|professor|mr|mrs|ms|sir|amb|ambassador|gen|lt|col|maj|capt)\.?\s+)+/i, '').replace(/\s+/g, ' ').trim();
  if (!name || notAPerson.test(name) || !/\p{L}/u.test(name)) return null;
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
  const words = name.split(' ');
  if (words.length === 1) return { literal: name };
  let k = words.length - 1;
  while (k > 1 && particles.has(words[k - 1]!.toLowerCase())) k--;
  return { family: words.slice(k).join(' '), given: words.slice(0, k).join(' ') };
}

/** Whether a title is a file's slug ("farhan-2024-us-withdrawal") rather than a title. */
export function isSlugTitle(title: string, path: string): boolean {
  const t = title.trim();
  const base = (path.split(/[\\/]/).pop() ?? '').replace(/\.[a-z0-9]+$/i, '');
  if ((t.match(/\p{L}/gu) ?? []).length < 4) return true;
  if (base && t.toLowerCase() === base.toLowerCase()) return true;
  return !/\s/.test(t) && /[-_]/.test(t);
}

/** A series as printed ("Policy Brief No. 6") as a genre and number; a series with no number is its title. */
export function seriesParts(series: string): { genre?: string; number?: string; collection?: string } {
  const m = /^(.*?)[\s,]*(?:No\.?|Number|Nr\.?|#)\s*([\p{L}\p{N}][\p{L}\p{N}./-]*)$/iu.exec(series.trim());
  if (m && m[1]!.trim()) return { genre: m[1]!.trim(), number: m[2]! };
  return { collection: series.trim() };
}

/** A venue as printed ("Journal of X, 41(2), 40-69") as the journal's title, volume, issue and pages. */
export function journalParts(venue: string): Pick<CslItem, 'container-title' | 'volume' | 'issue' | 'page'> {
  const m = /^(.*?)[,\s]+(?:vol\.?\s*)?(\d+)\s*(?:\((\w+)\)|,\s*no\.?\s*(\w+))?(?:[,:]\s*(?:pp?\.\s*)?(\d+\s*[-–]\s*\d+))?\.?$/i.exec(venue.trim());
  if (!m || !m[1]!.trim() || (!m[3] && !m[4] && !m[5])) return { 'container-title': venue.trim() };
  const out: Pick<CslItem, 'container-title' | 'volume' | 'issue' | 'page'> = { 'container-title': m[1]!.trim(), volume: m[2]! };
  if (m[3] ?? m[4]) out.issue = (m[3] ?? m[4])!;
  if (m[5]) out.page = m[5].replace(/\s*[-–]\s*/, '-');
  return out;
}

/** The date parts of an ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), else of the year. */
function dateParts(date: string | null | undefined, year: number | null | undefined): [number, ...number[]] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? '');
  if (m) return [Number(m[1]), ...[m[2], m[3]].filter((x): x is string => !!x).map(Number)] as [number, ...number[]];
  return year ? [year] : null;
}

/** A source as a CSL-JSON item, with the fields it lacks. */
export function cslItem(source: SourceWithMeta): CslResult {
  const missing: string[] = [];
  const venue = source.venue?.trim() || null;
  // a report's venue is its series and publisher ("Policy Brief No. 6, CIGI"), not a journal
  const ofReport = (part: string | null | undefined) => !!part?.trim() && !!venue?.includes(part.trim());
  const journal = venue && !ofReport(source.publisher) && !ofReport(source.series) ? venue : null;
  const type: CslItem['type'] = journal ? 'article-journal' : source.format === 'html' && !source.publisher && !source.series ? 'webpage' : 'report';
  const item: CslItem = { id: source.id, type };
  const title = source.title.replace(/\s+/g, ' ').trim();
  if (title && !isSlugTitle(title, source.path)) item.title = source.subtitle ? `${title}: ${source.subtitle.trim()}` : title;
  else missing.push('title');
  const people = source.authors.map(cslName).filter((n): n is CslName => n !== null);
  const publisher = source.publisher?.replace(/\s+/g, ' ').trim() || null;
  // A report with no person named is authored by the body that published it.
  if (people.length) item.author = people;
  else if (publisher && type !== 'article-journal') item.author = [{ literal: publisher }];
  else missing.push('author');
  const parts = dateParts(source.date, source.year);
  if (parts) item.issued = { 'date-parts': [parts] };
  else missing.push('issued');
  if (journal) Object.assign(item, journalParts(journal));
  if (publisher) item.publisher = publisher;
  else if (type === 'report') missing.push('publisher');
  if (source.series) {
    const s = seriesParts(source.series);
    if (s.genre) item.genre = s.genre;
    if (s.number) item.number = s.number;
    if (s.collection) item['collection-title'] = s.collection;
  }
  if (source.doi && /^10\.\d{4,9}\/\S+$/i.test(source.doi)) item.DOI = source.doi;
  if (source.url && /^https?:\/\//.test(source.url)) item.URL = source.url;
  return { item, missing };
}

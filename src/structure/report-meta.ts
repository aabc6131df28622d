/**
 * Metadata of grey literature (reports of think tanks, NGOs, governments, intergovernmental bodies):
 * title and subtitle, authors, date and year, publisher and series, each taken from the most trusted
 * place that prints it — the report's suggested citation, then its cover (largest type, position),
 * its imprint and copyright lines, a byline or authorship sentence, running headers — and each kept
 * with where it came from. A value read from weaker evidence is said to be a guess in a diagnostic.
 */
import type { DocumentMetadata, MetadataField, MetadataSource, SourceText } from '../model/document.js';
import type { StageContext } from '../model/context.js';
import { isoDate } from './metadata.js';
import { readAboutAuthors, readAuthoredBy, readByline, type AuthorsRead } from './report-authors.js';
import { readCitationLine } from './report-citation.js';
import { isAcronymOf, likelyOrganisation, readImprints } from './report-imprint.js';
import { flatText, pageLines, type PageLine } from './report-lines.js';
import { isSeriesLine, readCoverTitle, repeats } from './report-title.js';

/** Kinds of evidence that are weak: a value read from them alone is reported as a guess. */
const WEAK = new Set<MetadataSource['kind']>(['running-header', 'organisation', 'about-authors', 'front']);

/**
 * Read a report's metadata into `metadata`. For paginated sources (PDF) what the report prints
 * decides over the generic front-matter reading; for other sources only fields it left empty are
 * filled (their own front matter and declared metadata stay).
 */
export function readReportMetadata(source: SourceText, metadata: DocumentMetadata, ctx: StageContext): void {
  const text = source.text;
  const paged = !!source.pageStarts && source.pageStarts.length > 0 && source.format === 'pdf';
  const lines = pageLines(text, source.pageStarts);
  if (!lines.length) return;
  const flat = flatText(text);
  const pageOf = (offset: number): number => lines.find((l) => l.end >= offset)?.page ?? 1;
  const set = (field: MetadataField, from: MetadataSource): void => {
    (metadata.metadataSources ??= {})[field] = from;
  };
  const citation = readCitationLine(lines);
  const cite = (kind: MetadataSource['kind'] = 'citation-line'): MetadataSource => ({ kind, start: citation!.start, end: citation!.end, page: citation!.page });
  const furniture = (source as { furniture?: { text: string }[] }).furniture?.map((f) => f.text) ?? [];

  // ── title ──
  const cover = paged ? readCoverTitle(lines, furniture) : null;
  if (paged || !metadata.title) {
    if (citation?.title) {
      metadata.title = citation.title;
      metadata.subtitle = citation.subtitle;
      set('title', cite());
      // the cover prints the title the citation names, perhaps with a subtitle
      if (cover && !metadata.subtitle && cover.subtitle && sameWords(cover.title, citation.title)) metadata.subtitle = cover.subtitle;
    } else if (cover) {
      metadata.title = cover.title;
      metadata.subtitle = cover.subtitle;
      set('title', { kind: cover.kind, start: cover.start, end: cover.end, page: cover.page, ...(cover.kind === 'cover' && repeats(lines, cover.title, furniture) ? { repeated: true } : {}) });
    } else if (paged && metadata.title && source.declared?.title === metadata.title) {
      set('title', { kind: 'pdf-info', start: null, end: null, page: null });
    }
    if (metadata.metadataSources?.title) {
      const from = metadata.metadataSources.title;
      if (from.start !== null) metadata.titleSpan = { start: from.start, end: from.end! };
      if (metadata.subtitle) set('subtitle', from);
    }
  }

  // ── authors ──
  const byline = paged ? readByline(lines, cover?.kind === 'cover' ? cover.lastLine : null) : null;
  const authoredBy = readAuthoredBy(flat, pageOf);
  const about = readAboutAuthors(lines, text);
  const fromCitation = citation?.authors.length ? citation.authors : null;
  let authors: AuthorsRead | null = byline ?? authoredBy ?? about;
  if (fromCitation) {
    // the citation's "S. Khanna" is the byline's "Shrey Khanna": keep the full names when surnames agree
    const full = [byline, authoredBy, about].find((a) => a && sameSurnames(a.authors, fromCitation));
    authors = full ?? { authors: fromCitation, kind: 'byline', start: citation!.start, end: citation!.end, page: citation!.page };
    if (!full) set('authors', cite());
  }
  if (authors && (paged || !metadata.authors.length)) {
    metadata.authors = authors.authors;
    if (!metadata.metadataSources?.authors) set('authors', { kind: authors.kind, start: authors.start, end: authors.end, page: authors.page });
  } else if (!metadata.authors.length && citation?.corporate) {
    metadata.authors = [citation.corporate];
    set('authors', cite());
  }

  // ── publisher, year, date, series ──
  const imprints = readImprints(lines);
  const publishedBy = imprints.find((i) => i.kind === 'published-by' && i.name);
  const copyright = imprints.find((i) => i.kind === 'copyright' && i.name);
  let publisher: { name: string; from: MetadataSource } | null = null;
  if (citation?.publisher) publisher = { name: citation.publisher, from: cite() };
  else if (publishedBy) publisher = { name: publishedBy.name!, from: { kind: 'published-by', start: publishedBy.start, end: publishedBy.end, page: publishedBy.page } };
  else if (copyright) publisher = { name: copyright.name!, from: { kind: 'copyright', start: copyright.start, end: copyright.end, page: copyright.page } };
  const banners = lines.filter((l) => l.page <= 2 && isSeriesLine(l.text)).map((l) => l.text);
  if (!publisher && paged) {
    const org = likelyOrganisation(text, [...banners, ...furniture, ...lines.filter((l) => repeats(lines, l.text) >= 2).slice(0, 20).map((l) => l.text)]);
    if (org) publisher = { name: org.name, from: { kind: 'organisation', start: org.start, end: org.end, page: pageOf(org.start) } };
  }
  if (publisher) {
    // a name and its acronym printed apart ("United Nations Educational, …" and "© UNESCO 2023")
    const names = [publisher.name, ...imprints.map((i) => i.name).filter((n): n is string => !!n), citation?.corporate ?? ''];
    const acronym = names.find((n) => isAcronymOf(n, publisher!.name)) ?? (/\s/.test(publisher.name) ? new RegExp(`${escape(publisher.name)}\\s*\\((\\p{Lu}{2,10})\\)`, 'u').exec(flat)?.[1] : undefined);
    const expansion = names.find((n) => isAcronymOf(publisher!.name, n));
    if (acronym && !publisher.name.includes(`(${acronym})`)) publisher.name = `${publisher.name} (${acronym})`;
    else if (expansion) publisher.name = `${expansion} (${publisher.name})`;
    // a report number on the cover ("JRC 139430") names the body that issued it, a part of the holder
    const issuer = paged ? issuerOfNumber(lines, flat) : null;
    if (issuer && !publisher.name.includes(issuer)) publisher.name = `${publisher.name}, ${issuer}`;
    if (paged || !metadata.publisher) {
      metadata.publisher = publisher.name;
      set('publisher', publisher.from);
    }
  }
  const series = citation?.series ?? lines.map((l) => /^series\s*:\s*(.{3,100})$/i.exec(l.text)?.[1]).find(Boolean) ?? seriesOfBanner(banners);
  if (series && (paged || !metadata.series)) {
    metadata.series = series;
    set('series', citation?.series ? cite() : { kind: 'cover', start: null, end: null, page: 1 });
  }

  const dated = coverDate(lines, paged);
  const yearFrom = citation?.year ? { year: citation.year, from: cite() } : imprints.find((i) => i.year) ? { year: imprints.find((i) => i.year)!.year!, from: imprintSource(imprints.find((i) => i.year)!) } : dated ? { year: Number(dated.date.slice(0, 4)), from: dated.from } : null;
  if (yearFrom && (paged || !metadata.year)) {
    metadata.year = yearFrom.year;
    set('year', yearFrom.from);
    const date = dated && dated.date.startsWith(String(yearFrom.year)) ? dated : null;
    metadata.date = date ? date.date : String(yearFrom.year);
    set('date', date ? date.from : yearFrom.from);
  }
  if (paged && (metadata.series || metadata.publisher)) metadata.venue = [metadata.series, metadata.publisher].filter(Boolean).join(', ');

  // say which values are guesses
  for (const [field, from] of Object.entries(metadata.metadataSources ?? {})) {
    if (!from || !WEAK.has(from.kind)) continue;
    from.guess = true;
    const value = field === 'authors' ? metadata.authors.join('; ') : String((metadata as unknown as Record<string, unknown>)[field] ?? '');
    ctx.report.info(source.path, from.start ?? undefined, `Unexpected report that does not print its ${field} where a reader looks for it (citation line, cover, imprint); "${value.slice(0, 80)}" is a guess from ${from.kind}${from.page ? ` (page ${from.page})` : ''}, expected a suggested citation or a cover naming it`, 'metadata-guess');
  }
}

function imprintSource(i: { kind: 'copyright' | 'published-by'; start: number; end: number; page: number }): MetadataSource {
  return { kind: i.kind, start: i.start, end: i.end, page: i.page };
}

/**
 * The date printed on the first pages: a banner's month and year ("Policy Brief No. 6 — February
 * 2024", "January, 2016"), a running header's day ("… 01 – 13 NOVEMBER 2014"), or a labelled date
 * ("Adopted on 22/05/2019", "Published 20 October 2025"); the most precise one wins.
 */
function coverDate(lines: readonly PageLine[], paged: boolean): { date: string; from: MetadataSource } | null {
  // the first page that prints a date decides; on it a labelled date wins, then the first printed
  let found: { date: string; from: MetadataSource; labelled: boolean }[] = [];
  for (const l of lines) {
    if (paged ? l.page > 3 : l.start > 3000) break;
    if (found.length && l.page > found[0].from.page!) break;
    const words = l.text.split(/\s+/).length;
    const labelled = /^(?:published|released|issued|adopted|dated?|date of (?:publication|issue))\b/i.test(l.text);
    if (words > 12 && !labelled) continue;
    const date = isoDate(l.text.replace(/,/g, ' '));
    if (date) found.push({ date, from: { kind: 'cover-date', start: l.start, end: l.end, page: l.page }, labelled });
  }
  found = found.filter((f) => f.labelled).concat(found.filter((f) => !f.labelled));
  return found.length ? { date: found[0].date, from: found[0].from } : null;
}

/** "TAKSHASHILA DISCUSSION DOCUMENT 2016-01", "Policy Brief No. 6 — February 2024" → the series part. */
function seriesOfBanner(banners: readonly string[]): string | null {
  for (const b of banners) {
    const s = b.replace(/\s*[—–-]+\s*(?:\d{1,2}\s+)?[A-Za-z]{3,9},?\s+\d{4}$/, '').replace(/\s*[—–-]\s*$/, '').trim();
    if (s.split(/\s+/).length >= 2) return s;
  }
  return null;
}

/**
 * The body behind a report number printed on the cover ("JRC 139430"): its acronym spelled out
 * where the text names it ("Joint Research Centre (JRC)"), or null.
 */
function issuerOfNumber(lines: readonly PageLine[], flat: string): string | null {
  for (const l of lines) {
    if (l.page > 1) break;
    const m = /^(\p{Lu}{2,8})[\s-]?\d{3,}$/u.exec(l.text);
    if (!m) continue;
    const acr = m[1];
    const re = new RegExp(String.raw`\b${[...acr].map((c) => `${c}[\\p{L}'’-]+`).join(String.raw`\s+(?:(?:of|for|and|on|the)\s+)*`)}`, 'gu');
    const found = re.exec(flat);
    if (found) return `${found[0]} (${acr})`;
  }
  return null;
}

function sameWords(a: string, b: string): boolean {
  const k = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return k(a) === k(b) || k(a).startsWith(k(b)) || k(b).startsWith(k(a));
}

function sameSurnames(a: readonly string[], b: readonly string[]): boolean {
  const sn = (n: string): string => n.split(/\s+/).pop()!.toLowerCase();
  return a.length === b.length && a.every((x, i) => sn(x) === sn(b[i]));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

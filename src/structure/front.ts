/**
 * Reading the front matter of a source: which units before the body are front, then its title and
 * authors (front-title.ts), fields and abstract (front-fields.ts), DOI, dates and imprint, and the
 * declared metadata (YAML front matter, PDF/HTML info) over what was inferred.
 */
import type { DocumentMetadata, SourceText } from '../model/document.js';
import type { StageContext } from '../model/context.js';
import { readFrontFields } from './front-fields.js';
import { authorsFollow, readTitleAndAuthors } from './front-title.js';
import { kindOf } from './headings.js';
import { dedupe, stripInline } from './inline.js';
import { plainOf } from './lines.js';
import { imprintOf, isoDate, readAuthorLine, type Imprint } from './metadata.js';
import { readReportMetadata } from './report-meta.js';
import { recordFollows } from './sections.js';
import type { Unit } from './units.js';

/** What the front matter gave. */
export interface FrontResult {
  metadata: DocumentMetadata;
}

/** Read the front matter: title, authors, affiliations, fields, keywords, abstract. */
export function readFront(units: Unit[], text: string, declared: Record<string, unknown>, source: SourceText, ctx: StageContext): FrontResult {
  recordFollows(units);
  const metadata: DocumentMetadata = {
    title: '', titleSpan: null, subtitle: null, authors: [], affiliations: [], keywords: [], abstract: null, abstractSpan: null,
    dates: [], doi: null, venue: null, year: null,
  };
  const { front, noBodyHeading } = frontUnits(units);
  const title = readTitleAndAuthors(front, metadata);
  const frontText = readFrontFields(front, text, metadata, title, noBodyHeading);
  readFrontText(frontText.join('\n'), metadata);
  applyDeclared(declared, units, text, metadata);
  readReportMetadata(source, metadata, ctx);
  metadata.affiliations = dedupe(metadata.affiliations);
  metadata.keywords = dedupe(metadata.keywords);
  if (!metadata.abstract) ctx.report.info(source.path, metadata.titleSpan?.end ?? 0, 'Unexpected front matter without an abstract, expected a paragraph after "Abstract"', 'no-abstract');
  return { metadata };
}

/**
 * The front: units before the first body heading (one that is not the abstract or a front field).
 * Weak headings in it become text: they are field values and labels, not sections.
 */
function frontUnits(units: Unit[]): { front: Unit[]; noBodyHeading: boolean } {
  let bodyStart = units.length;
  let sawTitle = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.type !== 'heading') { sawTitle = true; continue; }
    const kind = kindOf(u.heading!);
    const frontName = /^(keywords|key words|index terms|categories and subject descriptors|general terms|article info|article history|acknowledge?ments?)$/i.test(u.heading!.title);
    if (!sawTitle) { sawTitle = true; continue; } // the first line of a paper is its title, whatever its form
    if (kind === 'abstract' || frontName) continue;
    // A heading with the author line still to come is part of the title block (a report's cover:
    // series, then title, set large, then the authors), not the start of the body.
    if (kind === 'other' && authorsFollow(units, i)) continue;
    // a weak heading opens the body only when a paragraph follows it (keyword lists and labels do not)
    if (u.heading!.strength === 'plain' || u.heading!.strength === 'caps' || u.heading!.strength === 'bold') {
      const next = units[i + 1];
      if (readAuthorLine(u.lines.map((l) => l.text).join(' '))) continue;
      if (!next || next.type !== 'text' || next.lines.map((l) => l.text).join(' ').split(/\s+/).length < 25) continue;
    }
    bodyStart = i;
    break;
  }
  const noBodyHeading = bodyStart === units.length;
  if (noBodyHeading) {
    // no body heading: only the first few units can be front matter
    bodyStart = Math.min(units.length, 3);
    for (let i = 0; i < units.length; i++) if (units[i].type === 'heading' && kindOf(units[i].heading!) === 'abstract') bodyStart = Math.max(bodyStart, i + 2);
  }
  const front = units.slice(0, bodyStart);
  // weak headings in the front matter are field values and labels, not sections
  front.forEach((u, i) => {
    if (i > 0 && u.type === 'heading' && (u.heading!.strength === 'plain' || u.heading!.strength === 'caps') && kindOf(u.heading!) !== 'abstract') {
      u.type = 'text';
      delete u.heading;
    }
  });
  return { front, noBodyHeading };
}

/** DOI, a cover's date line and a report's imprint (series, publisher, date) from the front text. */
function readFrontText(ft: string, metadata: DocumentMetadata): void {
  const doi = /\b(10\.\d{4,9}\/[^\s<>"'\]]+)/.exec(ft);
  if (doi) metadata.doi = doi[1].replace(/[.,;)>]+$/, '');
  // A date line of a report's cover: "Published 20 October 2025", "Released: March 2024".
  if (!metadata.dates.length) {
    for (const line of ft.split('\n')) {
      const m = /^(published|released|issued)\b:?\s+(?:on\s+)?(.{6,40})$/i.exec(plainOf(line).trim());
      const date = m ? isoDate(m[2]) : null;
      if (date) {
        metadata.dates.push({ label: m![1].toLowerCase(), date });
        break;
      }
    }
  }
  // A report's imprint lines (a kicker, a byline): its series, publisher and date, the first of
  // each, are what a reference cites it by.
  const imprint: Imprint = { series: null, publisher: null, date: null };
  for (const line of ft.split('\n')) {
    const found = imprintOf(plainOf(line));
    if (!found) continue;
    imprint.series ??= found.series;
    imprint.publisher ??= found.publisher;
    imprint.date ??= found.date;
  }
  if (imprint.date && !metadata.dates.some((d) => d.label === 'date')) metadata.dates.push({ label: 'date', date: imprint.date });
  if (!metadata.venue && (imprint.series || imprint.publisher)) metadata.venue = [imprint.series, imprint.publisher].filter(Boolean).join(', ');
  const dated = metadata.dates.find((d) => /publish|online|available/i.test(d.label)) ?? metadata.dates[metadata.dates.length - 1];
  if (dated && !metadata.year) metadata.year = Number(dated.date.slice(0, 4));
}

/** Declared metadata (YAML front matter, PDF/HTML info) wins over what was inferred. */
function applyDeclared(declared: Record<string, unknown>, units: Unit[], text: string, metadata: DocumentMetadata): void {
  if (typeof declared.title === 'string' && declared.title) {
    metadata.title = declared.title;
    const at = metadata.titleSpan ? null : text.indexOf(declared.title);
    if (at !== null && at >= 0) metadata.titleSpan = { start: at, end: at + declared.title.length };
    // a Markdown "# Title" repeating the declared title is the title, not a section
    const first = units.find((u) => u.type === 'heading' && !u.front);
    if (first && stripInline(first.heading!.title).toLowerCase() === declared.title.toLowerCase()) first.front = true;
  }
  if (typeof declared.subtitle === 'string') metadata.subtitle = declared.subtitle;
  if (Array.isArray(declared.authors) && declared.authors.length) metadata.authors = declared.authors as string[];
  if (Array.isArray(declared.keywords) && declared.keywords.length) metadata.keywords = declared.keywords as string[];
  if (typeof declared.date === 'string') {
    const d = isoDate(declared.date) ?? (/^\d{4}(-\d{2}){0,2}$/.test(declared.date) ? declared.date : null);
    if (d) {
      metadata.dates = [{ label: 'date', date: d }, ...metadata.dates.filter((x) => x.label !== 'date')];
      metadata.year = Number(d.slice(0, 4));
    }
  }
}

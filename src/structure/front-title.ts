/**
 * The title and the author line of a source's front: a run-on "**Title**Authors" header, the unit
 * before the author line, or the first unit that is not a running head, ISSN or URL.
 */
import type { DocumentMetadata, Span } from '../model/document.js';
import { kindOf } from './headings.js';
import { stripInline } from './inline.js';
import { plainOf, type Line } from './lines.js';
import { isSeries, readAuthorLine } from './metadata.js';
import { TERMINAL, type Unit } from './units.js';

/** What the title pass found: where the author line is, and a title read from a run-on header. */
export interface TitleRead {
  /** Index into the front units of the author line, or -1. */
  authorUnit: number;
  authorLine: ReturnType<typeof readAuthorLine>;
  titleFromRunOn: { title: string; span: Span; rest: number } | null;
}

/** Read the title (and journal/venue lines before it) and the author line; sets `metadata` and marks the units it takes. */
export function readTitleAndAuthors(front: Unit[], metadata: DocumentMetadata): TitleRead {
  let authorUnit = -1;
  let authorLine: ReturnType<typeof readAuthorLine> = null;
  let titleFromRunOn: { title: string; span: Span; rest: number } | null = null;
  for (let i = 0; i < Math.min(front.length, 14); i++) {
    const u = front[i];
    const t = u.lines[0].text;
    // authors come before the abstract and the first named section
    if (i > 0 && u.type === 'heading' && (u.heading!.strength === 'named' || kindOf(u.heading!) !== 'other')) break;
    // run-on header: "**Title**Authors¹, …"
    const runOn = /^\*\*([^*]{10,300})\*\*(?=\S)(.+)$/.exec(t.slice(0, 4000));
    if (runOn && i < 4) {
      const rest = runOn[2];
      const al = readAuthorLine(rest);
      if (al) {
        titleFromRunOn = { title: runOn[1].trim(), span: { start: u.lines[0].start + 2, end: u.lines[0].start + 2 + runOn[1].length }, rest: u.lines[0].start + t.length - rest.length };
        authorUnit = i;
        authorLine = al;
        break;
      }
    }
    // A block of more lines may open with its author line, the affiliation and date under it
    // ("Losana Vakaloloma, Daniel Okonkwo-Hart and Priya Naidu" / "Observatory, Suva" / "Published …").
    const al = u.lines.length > 2 ? (i > 0 && u.type !== 'heading' && u.lines.length <= 5 ? readAuthorLine(u.lines[0].text) : null) : readAuthorLine(u.lines.map((l) => l.text).join(' '));
    if (al && i > 0) { authorUnit = i; authorLine = al; break; }
  }
  if (titleFromRunOn) {
    metadata.title = titleFromRunOn.title;
    metadata.titleSpan = titleFromRunOn.span;
    front[authorUnit].front = true;
  } else {
    // the title: the unit right before the author line, or the first unit that is not a running head, ISSN, URL…
    let ti = -1;
    // A page's own h1 is its title when the unit above its byline is not a heading (a standfirst).
    const h1 = authorUnit > 0 && front[authorUnit - 1].type !== 'heading' ? front.slice(0, authorUnit).findIndex((u) => u.type === 'heading' && u.heading!.strength === 'markdown' && u.heading!.level === 1) : -1;
    if (h1 >= 0) ti = h1;
    else if (authorUnit > 0) {
      for (let k = authorUnit - 1; k >= 0; k--) {
        if (isPreTitleNoise(front[k])) continue;
        ti = k;
        // a title printed twice (styled, then plain): take the first
        while (ti > 0 && sameText(front[ti - 1], front[ti])) ti--;
        break;
      }
    } else {
      for (let k = 0; k < front.length; k++) {
        if (isPreTitleNoise(front[k])) continue;
        ti = k;
        break;
      }
    }
    // a "title" longer than a paragraph is not one: the source starts with prose
    if (ti >= 0 && front[ti].lines.slice(0, 3).reduce((n, l) => n + l.text.length, 0) > 400 && front[ti].type !== 'heading') ti = -1;
    if (ti >= 0) {
      const u = front[ti];
      const titleLines = u.type === 'heading' || authorUnit > 0 ? u.lines : titleLinesOf(u.lines);
      metadata.title = stripInline(titleLines.map((l) => plainOf(l.text)).join(' '));
      metadata.titleSpan = { start: titleLines[0].start, end: titleLines[titleLines.length - 1].end };
      if (titleLines.length === u.lines.length) u.front = true;
      else {
        u.lines = u.lines.slice(titleLines.length);
        // The authors printed on the line under the title, with no blank line between.
        const al = authorUnit < 0 && !authorLine ? readAuthorLine(plainOf(u.lines[0].text)) : null;
        if (al) {
          authorLine = al;
          u.lines = u.lines.slice(1);
          if (!u.lines.length) u.front = true;
        }
      }
      // journal/venue lines before the title
      for (let k = 0; k < ti; k++) {
        front[k].front = true;
        const v = plainOf(front[k].lines[0].text);
        if (!metadata.venue && ((/\b(journal|review|archives|proceedings|transactions|bulletin|quarterly|magazine|annals|studies|letters|conference)\b/i.test(v) && !/https?:|www\./.test(v) && v.length < 150) || isSeries(v))) metadata.venue = v;
      }
      for (let k = ti + 1; k < authorUnit; k++) if (sameText(front[k], u) || isPreTitleNoise(front[k])) front[k].front = true;
    }
    if (authorUnit >= 0) front[authorUnit].front = true;
  }
  if (authorLine) metadata.authors = authorLine.authors;
  return { authorUnit, authorLine, titleFromRunOn };
}

/**
 * The lines of a title at the head of a text block: the first, and those after it that continue it
 * ("Development through communicative action and information system" / "design: a case study from
 * South Africa"), starting in lower case after a line that does not end a sentence.
 */
function titleLinesOf(lines: readonly Line[]): Line[] {
  let n = 1;
  let length = lines[0].text.length;
  while (n < lines.length && /^\p{Ll}/u.test(lines[n].text) && !TERMINAL.test(lines[n - 1].text) && length + lines[n].text.length <= 250) length += lines[n++].text.length;
  return lines.slice(0, n);
}

/** Do two units print the same words (a title set twice, styled then plain)? */
function sameText(a: Unit, b: Unit): boolean {
  const norm = (u: Unit): string => u.lines.map((l) => plainOf(l.text)).join(' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}

/**
 * Does the author line come after unit `i`: as the next unit but headings, or, marked "By …", a few
 * units on (a web page's kicker and standfirst stand between its title and its byline)?
 */
export function authorsFollow(units: readonly Unit[], i: number): boolean {
  let prose = 0;
  for (let k = i + 1; k < Math.min(units.length, i + 4); k++) {
    const v = units[k];
    if (v.type === 'heading') continue;
    const first = v.lines[0].text;
    if (v.lines.length <= 5 && (prose === 0 || /^by\s/i.test(first)) && readAuthorLine(first) !== null) return true;
    prose++;
  }
  return false;
}

/** Lines before a title that are not it: ISSN, URLs, DOIs, page numbers, journal banners. */
function isPreTitleNoise(u: Unit): boolean {
  const t = plainOf(u.lines[0].text);
  if (u.lines.length > 3) return false;
  return /^(?:e-?issn|issn|isbn|vol\.?|volume|issue|doi|https?:|<https?:|www\.|page\s|pp\.|received|published|citation|©)/i.test(t) ||
    /^<?https?:\/\/\S+>?$/.test(t) || /^\d+$/.test(t) ||
    (t === t.toUpperCase() && /\b(JOURNAL|REVIEW|ARCHIVES|PROCEEDINGS|TRANSACTIONS|BULLETIN|QUARTERLY|MAGAZINE|ANNALS)\b/.test(t));
}

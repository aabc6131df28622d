/**
 * A report's authors: the byline under its cover title ("Nitin Pai", "By A and B", "Authors: …"),
 * a sentence in which the document says who wrote it ("This policy brief is authored by …", "the
 * drafting of the publication was led by X", "Y, …, who co-drafted the publication"), and the
 * "About the author(s)" notes ("X is the founder of …"). Signatories of a letter are not authors.
 */
import { nameOf, readAuthorLine } from './metadata.js';
import { isBodyName } from './report-imprint.js';
import type { PageLine } from './report-lines.js';

/** Authors read from one place in the source. */
export interface AuthorsRead {
  authors: string[];
  kind: 'byline' | 'authored-by' | 'about-authors';
  start: number;
  end: number;
  page: number;
}

const BY_LABEL = /^(?:by|authors?\s*:|written by|prepared by|authored by)\s*/i;

/** People named on one byline: a list of names, or one name alone; footnote marks dropped. */
export function namesOfLine(t: string): string[] {
  const s = t.replace(BY_LABEL, '').replace(/(\p{L})\d{1,2}(?=[\s,;&]|$)/gu, '$1').trim();
  const list = readAuthorLine(s);
  if (list && list.authors.length) return list.authors.filter((n) => !isBodyName(n));
  const one = nameOf(s);
  return one && !isBodyName(one) ? [one] : [];
}

/**
 * The byline: within a few lines after the title on its page, or a line labelled "By"/"Authors:"
 * on the first pages.
 */
export function readByline(lines: readonly PageLine[], titleLine: number | null): AuthorsRead | null {
  if (titleLine !== null) {
    const page = lines[titleLine]?.page;
    for (let k = titleLine + 1; k < lines.length && k <= titleLine + 4 && lines[k].page === page; k++) {
      const l = lines[k];
      // one name alone is believed where it is set apart (in larger type) or marked "By"
      const names = l.text.length > 250 ? [] : readAuthorLine(l.text.replace(BY_LABEL, '')) || l.level > 0 || BY_LABEL.test(l.text) ? namesOfLine(l.text) : [];
      if (names.length) return { authors: names, kind: 'byline', start: lines[k].start, end: lines[k].end, page };
    }
  }
  for (const l of lines) {
    if (l.page > 3) break;
    // labelled, or a list of two or more names set apart on the cover
    const list = l.page === 1 && l.text.length <= 250 && !BY_LABEL.test(l.text) ? readAuthorLine(l.text.replace(/(\p{L})\d{1,2}(?=[\s,;&]|$)/gu, '$1')) : null;
    if (list && list.authors.length >= 2 && list.restAt >= l.text.length - 3) return { authors: list.authors, kind: 'byline', start: l.start, end: l.end, page: l.page };
    if (!BY_LABEL.test(l.text) || l.text.length > 250) continue;
    const names = namesOfLine(l.text);
    if (names.length) return { authors: names, kind: 'byline', start: l.start, end: l.end, page: l.page };
  }
  return null;
}

/** Names listed one after another until the first segment that is not a name ("A, B and C, Chief of …"). */
function leadingNames(s: string): string[] {
  const out: string[] = [];
  for (const seg of s.split(/\s*(?:,|;|&|\band\b)\s*/)) {
    if (!seg.trim()) continue;
    const n = nameOf(seg);
    if (!n) break;
    out.push(n);
  }
  return out;
}

const DOC = String.raw`(?:report|paper|brief|briefing|assessment|document|publication|study|note|guidance|analysis|handbook|guide|review|volume|book|chapter|edition)`;
/** "This policy brief is authored by", "This … Assessment has been made by", "The report was written by". */
const AUTHORED_BY = new RegExp(String.raw`\b(?:this|the)\s+(?:[\p{L}-]+\s+){0,3}${DOC}\s+(?:has been|have been|was|is|were)\s+(?:(?:jointly|co-?)\s*)?(?:authored|written|prepared|made|drafted|produced|compiled)\s+by\s+`, 'giu');
/** "the drafting of the publication was led by X". */
const LED_BY = new RegExp(String.raw`\b(?:drafting|writing|preparation|authoring)\s+of\s+(?:the|this)\s+(?:[\p{L}-]+\s+){0,2}${DOC}\s+(?:was|has been)\s+(?:led|coordinated|undertaken|carried out)\s+by\s+`, 'giu');
/** "X, Associate Professor at …, who co-drafted the publication". */
const WHO_WROTE = /(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})(?:,[^,.;]{0,120},)?\s+who\s+(?:co-?)?(?:drafted|wrote|authored|co-authored|prepared)\b/gu;

/** People the document says wrote it, in the order it names them. */
export function readAuthoredBy(flat: string, pageOf: (offset: number) => number): AuthorsRead | null {
  const found: { name: string; at: number }[] = [];
  for (const re of [AUTHORED_BY, LED_BY]) {
    for (const m of flat.matchAll(re)) {
      const at = m.index! + m[0].length;
      const rest = flat.slice(at, at + 400).split(/[.;:](?:\s|$)(?!\s*\p{Ll})/u)[0];
      for (const name of leadingNames(rest.replace(/(\p{L})\d{1,2}(?=[\s,;&]|$)/gu, '$1'))) found.push({ name, at });
    }
  }
  for (const m of flat.matchAll(WHO_WROTE)) {
    const name = nameOf(m[1]);
    if (name) found.push({ name, at: m.index! });
  }
  if (!found.length) return null;
  found.sort((a, b) => a.at - b.at);
  const names = [...new Set(found.map((f) => f.name))];
  return { authors: names, kind: 'authored-by', start: found[0].at, end: found[found.length - 1].at, page: pageOf(found[0].at) };
}

/** The people an "About the author(s)" section introduces: each note opens with a name ("X is …"). */
export function readAboutAuthors(lines: readonly PageLine[], text: string): AuthorsRead | null {
  const at = lines.findIndex((l) => /^(?:about|on) the authors?:?$|^the authors?:?$|^authors?$/i.test(l.text));
  if (at < 0) return null;
  const names: string[] = [];
  let end = lines[at].end;
  for (let k = at + 1; k < lines.length && k <= at + 60; k++) {
    const l = lines[k];
    if (l.level > 0 && k > at + 1) break;
    // a note opens a paragraph: first line of the section, or after a blank line
    const opens = k === at + 1 || text.slice(lines[k - 1].end, l.start).includes('\n\n');
    if (!opens) continue;
    const m = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})(?:\s*\([^)]*\))?,?\s+(?:is|was|has|holds|serves|works|leads|heads|directs|teaches|joined|received)\b/u.exec(l.text);
    const name = m ? nameOf(m[1]) : null;
    if (name) {
      names.push(name);
      end = l.end;
    }
  }
  return names.length ? { authors: names, kind: 'about-authors', start: lines[at].start, end, page: lines[at].page } : null;
}

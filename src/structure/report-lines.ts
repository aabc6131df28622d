/**
 * The lines of a source as the report-metadata readers see them: text without heading marks and
 * emphasis, the heading level the layout gave it (1 = largest type), its span and its page.
 */
import { isFieldLine, kindOf } from './headings.js';

/** One line of the source, with what the metadata readers need to weigh it. */
export interface PageLine {
  /** The line without `#` marks, emphasis and surrounding space. */
  text: string;
  /** Span of the whole line in the source. */
  start: number;
  end: number;
  /** 1-based page (1 for sources without pages). */
  page: number;
  /** Heading level from the layout's type size (1 = largest), 0 for body-size lines. */
  level: number;
}

/** Split a source into lines with pages and heading levels. Linear in the text. */
export function pageLines(text: string, pageStarts: readonly number[] | undefined): PageLine[] {
  const out: PageLine[] = [];
  let page = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    while (pageStarts && page < pageStarts.length && pageStarts[page] <= start) page++;
    const raw = text.slice(start, end);
    const m = /^(#{1,6})\s+/.exec(raw);
    const t = (m ? raw.slice(m[0].length) : raw).replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
    if (t) out.push({ text: t, start, end, page, level: m ? m[1].length : 0 });
    start = end + 1;
  }
  return out;
}

/** The text with single line breaks turned into spaces (same length, so offsets still hold). */
export function flatText(text: string): string {
  return text.replace(/(?<!\n)\n(?!\n)/g, ' ');
}

/** Words a line is set in, for comparisons that ignore case, spacing and punctuation. */
export function wordKey(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A line that names a part of a document or labels a value, never a title: "Key Points",
 * "Executive Summary", "Table of contents", "Status: Final", "Date: 8 July 2025", "For further
 * information, visit …".
 */
export function isLabelLine(t: string): boolean {
  const s = t.replace(/[:.\s]+$/, '').trim();
  // a section name ("Introduction", "Recommendations"); a long line naming one is a title ("Recommendation of the Council on …")
  if (s.split(/\s+/).length <= 4 && kindOf(s) !== 'other') return true;
  if (/^(?:key (?:points|messages|findings|takeaways|judge?ments|recommendations)|highlights|summary|short summary|in brief|at a glance|(?:table of )?contents?|foreword|preface|acknowledge?ments?|acronyms|abbreviations|about (?:the )?(?:authors?|us|this \w+)|disclaimer|contact(?: information)?|date\(?s?\)?|status|version|draft|final|english|french|spanish|background(?: information)?|note|notes|figure \d.*|table \d.*|annex.*|appendix.*)$/i.test(s)) return true;
  // a labelled value ("Status: Final", "Date: 8th July 2025", "Prepared for: …")
  if (/^[A-Z][\p{L} ]{1,25}:\s*\S/u.test(s) && isFieldLine(s)) return true;
  return /^(?:for (?:further|more) information|visit|find out more|please (?:visit|contact|cite)|www\.|https?:)/i.test(s);
}

/** A line that is a date and nothing more, or a page number. */
export function isDateOrNumber(t: string): boolean {
  return /^[\d\s./–—-]+$/.test(t) || /^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Za-z]{3,9}\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}$/.test(t);
}

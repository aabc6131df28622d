/**
 * A report's own suggested citation ("Suggested citation:", "Please cite this document as:",
 * "Cite as:", "How to cite:", "Citation:"): the most trusted statement of its authors, year,
 * title and publisher, because the publisher wrote it to be copied.
 */
import { nameOf } from './metadata.js';
import { isBodyName } from './report-imprint.js';
import type { PageLine } from './report-lines.js';

/** What a suggested citation gives, with the span it was read from. */
export interface CitationRead {
  start: number;
  end: number;
  page: number;
  /** People, as "Initials Surname" or full names. */
  authors: string[];
  /** A body named as the author ("World Bank.", "OECD,") when no person is. */
  corporate: string | null;
  year: number | null;
  title: string | null;
  subtitle: string | null;
  publisher: string | null;
  series: string | null;
}

const LABEL = /^(?:suggested citation|recommended citation|citation|how to cite(?: this (?:document|publication|report|paper|brief|work))?|cite (?:this (?:document|publication|report|paper|brief|work) )?as|(?:please )?cite (?:this (?:document|publication|report|paper|brief|work)|the work|it) as(?: follows)?|to cite this (?:document|publication|report|paper|brief|work)(?:, please use)?)\s*[:.]?\s*/i;

/** "Khanna, S." / "Soler Garrido, J." — a surname and initials, as citations print people. */
const INVERTED = /^(\p{Lu}[\p{L}'’-]+(?:\s+(?:de|van|von|der|da|del|\p{Lu}[\p{L}'’-]+)){0,2}),\s*((?:\p{Lu}\.\s?-?){1,3})$/u;

/** Find and read the first suggested-citation line; null when the source prints none. */
export function readCitationLine(lines: readonly PageLine[]): CitationRead | null {
  for (let i = 0; i < lines.length; i++) {
    const m = LABEL.exec(lines[i].text);
    if (!m) continue;
    // the value: the rest of the line, and the lines under it up to the end of the entry
    let value = lines[i].text.slice(m[0].length);
    let end = lines[i].end;
    for (let k = i + 1; k < lines.length && k <= i + 4 && value.length < 400; k++) {
      // the entry goes on in the same paragraph; a label standing alone takes the next one
      if ((value ? lines[k].start > end + 1 : lines[k].start > end + 2) || lines[k].page !== lines[i].page || LABEL.test(lines[k].text)) break;
      value = value ? `${value} ${lines[k].text}` : lines[k].text;
      end = lines[k].end;
    }
    const read = parseCitation(value.trim());
    if (read) return { start: lines[i].start, end, page: lines[i].page, ...read };
  }
  return null;
}

/** Read one citation: "Khanna, S. (2021). Title: Subtitle. Publisher." or "OECD, Title, OECD/LEGAL/0449". */
export function parseCitation(value: string): Omit<CitationRead, 'start' | 'end' | 'page'> | null {
  if (value.length < 15) return null;
  const out: Omit<CitationRead, 'start' | 'end' | 'page'> = { authors: [], corporate: null, year: null, title: null, subtitle: null, publisher: null, series: null };
  let who = '';
  let rest = '';
  const dated = /^(.{2,300}?\.?)[\s,]*\(((?:19|20)\d{2})[a-z]?\)[.,]?\s*(.*)$/.exec(value) ?? /^(.{2,300}?)[.,]\s+((?:19|20)\d{2})[a-z]?[.,]\s+(.*)$/.exec(value);
  if (dated) {
    who = dated[1];
    out.year = Number(dated[2]);
    rest = dated[3];
  } else {
    // "Body, Title, Number": the first part names the author, the last a series or number
    const parts = value.split(/,\s+/);
    if (parts.length < 2) return null;
    who = parts[0];
    rest = parts.slice(1).join(', ');
    const tail = /,\s+([^,]*\d[^,]*)$/.exec(rest);
    if (tail && /[/\d]/.test(tail[1]) && !/\s(?:19|20)\d{2}$/.test(tail[1])) {
      out.series = tail[1].replace(/\.$/, '');
      rest = rest.slice(0, tail.index);
    }
    const y = /\b((?:19|20)\d{2})\b/.exec(rest);
    if (y) out.year = Number(y[1]);
  }
  readWho(who.trim(), out);
  // the title: in quotes, or the first sentence after the year
  const quoted = /[“"]([^”"]{5,300})[”"]/.exec(rest);
  let title = quoted ? quoted[1] : splitSentence(rest);
  let after = quoted ? rest.slice(quoted.index + quoted[0].length) : rest.slice(title.length);
  title = title.replace(/[.,\s]+$/, '').trim();
  if (title && !dated && !quoted) after = '';
  // the title as the citation prints it ("Title: Subtitle" stays whole, as on the cover)
  if (title) out.title = title;
  // what follows the title: series, place: publisher, URL or DOI
  // parts end at a full stop, not at the one of "No. 9"
  for (const part of after.split(/(?<!\b(?:No|Vol|Nr|pp|Ed|ed))\.\s+(?!\d)|\.$/).map((p) => p.trim()).filter(Boolean)) {
    if (/^(?:https?:|www\.|doi|isbn|issn|available|retrieved|accessed)/i.test(part) || /^\d/.test(part)) continue;
    if (/\d/.test(part) && !out.series) { out.series = part; continue; }
    if (!out.publisher) out.publisher = publisherOf(part, out.corporate);
  }
  if (!out.publisher && out.corporate) out.publisher = out.corporate;
  return out.title || out.authors.length || out.year ? out : null;
}

/**
 * The publisher of a "Place: Publisher" or "Publisher: Place" part: the side that names the
 * corporate author or a body, not the side that reads as a place ("Washington, DC").
 */
function publisherOf(part: string, corporate: string | null): string | null {
  const sides = part.split(/\s*:\s+/).map((x) => x.trim()).filter(Boolean);
  if (sides.length !== 2) return part.trim() || null;
  const place = (x: string): boolean => /,\s*\p{Lu}{2}$/u.test(x) || /^\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?$/u.test(x) && !/\b(?:Bank|Institut\w*|Centre|Center|Press|Foundation|Council|Organi[sz]ation|Office|Agency|Union)\b/.test(x);
  if (corporate && sides[0].toLowerCase() === corporate.replace(/\.$/, '').toLowerCase()) return sides[0];
  if (place(sides[1]) && !place(sides[0])) return sides[0];
  return sides[1];
}

/** The first sentence of a citation's remainder: up to ". " before a capital, not after an initial. */
function splitSentence(s: string): string {
  const re = /[.?!]\s+(?=[\p{Lu}\d])/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 3), m.index);
    if (/(?:^|\s)\p{Lu}$/u.test(before) || /\b(?:No|Vol|pp|ed|eds)$/i.test(before)) continue;
    return s.slice(0, m.index + 1);
  }
  return s;
}

/** The author part: inverted people ("Joshi, R. and Kotasthane, P."), plain names, or a body. */
function readWho(who: string, out: Omit<CitationRead, 'start' | 'end' | 'page'>): void {
  const w = who.trim();
  // people printed surname first: split at "; ", " & ", " and ", or after each initials group
  const people: string[] = [];
  const re = /(\p{Lu}[\p{L}'’-]+(?:\s+(?:de|van|von|der|da|del|\p{Lu}[\p{L}'’-]+)){0,2}),\s*((?:\p{Lu}\.\s?-?){1,3})/gu;
  let covered = 0;
  for (let m = re.exec(w); m; m = re.exec(w)) {
    if (!INVERTED.test(`${m[1]}, ${m[2].trim()}`)) continue;
    people.push(`${m[2].replace(/\s+/g, '').replace(/\./g, '. ').trim()} ${m[1]}`);
    covered += m[0].length;
  }
  if (people.length && covered >= w.replace(/,?\s*(?:and|&|;)\s*/g, '').length * 0.6) {
    out.authors = people;
    return;
  }
  const plain = w.replace(/\.$/, '').split(/\s*(?:,|;|&|\band\b)\s*/).map((s) => nameOf(s)).filter((n): n is string => !!n && !isBodyName(n));
  if (plain.length && plain.length === w.split(/\s*(?:,|;|&|\band\b)\s*/).filter(Boolean).length) {
    out.authors = plain;
    return;
  }
  if (w && w.length <= 120 && /^\p{Lu}/u.test(w)) out.corporate = w.replace(/\.$/, '');
}

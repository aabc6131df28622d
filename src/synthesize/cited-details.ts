/**
 * Bibliographic details a source does not print, taken from the reference lists of the other
 * sources that cite it. Papers on one subject cite each other, and a reference entry carries the
 * year, venue and DOI that a converted PDF or a web page often lacks ("Akhtar, N., & Holland, K.
 * (2023). US withdrawal from Afghanistan: … Pakistan Journal of American Studies, 41(2), 40-69.").
 *
 * An entry is taken to cite a source when the source's whole title appears in it, word for word
 * (case, punctuation and dotted abbreviations aside), and the surname of the source's first author
 * appears before the title. Only missing fields are filled, and every entry used is kept as a
 * citation, so a reader can check where a year or venue came from.
 */
import type { ReferenceEntry, StructuredSource } from '../model/document.js';
import type { Citation } from '../model/schema.js';
import { citationOf } from './cite.js';
import { surnameOf } from '../structure/references.js';

/** Details found for one source, and the entries they come from. */
export interface CitedDetails {
  year: number | null;
  venue: string | null;
  doi: string | null;
  /** Fields filled from citing sources, in this order: year, venue, doi. */
  fields: ('year' | 'venue' | 'doi')[];
  citations: Citation[];
}

/** A title shorter than this many words ("Introduction", "Annual report") is too common to match on. */
const minTitleWords = 4;

interface Word {
  word: string;
  start: number;
  end: number;
}

/** Words of a text, lower-cased, with "U.S." read as "us" and diacritics dropped; offsets into the text. */
function wordsWithOffsets(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu)) {
    const word = m[0].replace(/\./g, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Does `title` occur in `entry` from word `at` on? */
function titleAt(entry: readonly Word[], at: number, title: readonly string[]): boolean {
  if (at + title.length > entry.length) return false;
  for (let j = 0; j < title.length; j++) if (entry[at + j].word !== title[j]) return false;
  return true;
}

const doiPattern = /\b10\.\d{4,9}\/[-._;()/:a-z0-9]+[a-z0-9]/i;

/**
 * The venue printed after the title: "Pakistan Journal of American Studies, 41(2), 40-69", up to
 * a DOI, a web address or a retrieval note; null when nothing that reads as a name is left.
 */
function venueAfter(rest: string): string | null {
  const cut = rest.search(/\bdoi\b|https?:\/\/|\bwww\.|\b10\.\d{4,9}\/|\b(?:retrieved|available|accessed)\b/i);
  const v = (cut < 0 ? rest : rest.slice(0, cut))
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,:;”"’')\]]+/, '')
    .replace(/[\s.,:;(\[]+$/, '')
    .trim();
  if (v.length < 3 || v.length > 200 || !/^\p{Lu}/u.test(v) || !/\p{L}{3}/u.test(v)) return null;
  return v;
}

/**
 * Citing sources may disagree (a preprint year, a misprint): the most common value wins, the first
 * citing source breaking ties; null when none gives one.
 */
function mostCommon<T>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/**
 * For each source, the details other sources' reference lists give for it (null when no other
 * source cites it, or it already prints everything they could add).
 *
 * Titles are looked up by their first three words, so each reference entry is read once whatever
 * the number of sources.
 */
export function citedDetails(docs: readonly StructuredSource[]): (CitedDetails | null)[] {
  const titles = docs.map((d) => (d.metadata.year && d.metadata.venue && d.metadata.doi ? [] : wordsWithOffsets(d.metadata.title ?? '').map((w) => w.word)));
  const byOpening = new Map<string, number[]>();
  titles.forEach((t, s) => {
    if (t.length < minTitleWords) return;
    const key = t.slice(0, 3).join(' ');
    (byOpening.get(key) ?? byOpening.set(key, []).get(key)!).push(s);
  });
  const surnames = docs.map((d) => (d.metadata.authors[0] ? surnameOf(d.metadata.authors[0]) : ''));
  const found: { doc: StructuredSource; entry: ReferenceEntry; rest: string }[][] = docs.map(() => []);
  if (byOpening.size) {
    docs.forEach((other, o) => {
      for (const entry of other.references) {
        const words = wordsWithOffsets(entry.text);
        const matched = new Set<number>();
        // From the second word on: what opens an entry is its author (an organisation named as one,
        // "Pacific Resilience Finance Observatory (2023). …", is not the title of a source).
        for (let i = 1; i + 3 <= words.length; i++) {
          for (const s of byOpening.get(`${words[i].word} ${words[i + 1].word} ${words[i + 2].word}`) ?? []) {
            if (s === o || matched.has(s) || !titleAt(words, i, titles[s])) continue;
            // The cited work's first author is named before its title.
            if (surnames[s] && !words.slice(0, i).some((w) => w.word === surnames[s])) continue;
            matched.add(s);
            found[s].push({ doc: other, entry, rest: entry.text.slice(words[i + titles[s].length - 1].end) });
          }
        }
      }
    });
  }
  return docs.map((doc, s) => {
    const meta = doc.metadata;
    const cites = found[s];
    if (!cites.length) return null;
    const year = meta.year ? null : mostCommon(cites.map((f) => f.entry.year));
    const venue = meta.venue ? null : mostCommon(cites.map((f) => venueAfter(f.rest)));
    const doi = meta.doi ? null : mostCommon(cites.map((f) => doiPattern.exec(f.rest)?.[0].toLowerCase() ?? null));
    const fields = ([['year', year], ['venue', venue], ['doi', doi]] as const).filter(([, v]) => v !== null).map(([k]) => k);
    if (!fields.length) return null;
    return { year, venue, doi, fields: [...fields], citations: cites.map((f) => citationOf(f.doc, f.entry)) };
  });
}

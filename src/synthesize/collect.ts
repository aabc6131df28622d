/**
 * Corpus-wide glossary, timeline and quotes: per-source items merged and put in a fixed order.
 */
import type { ExtractedTerm, SourceAnalysis } from '../model/document.js';
import type { Citation, GlossaryEntry, Quote, TimelineEvent } from '../model/schema.js';
import { citationOf } from './cite.js';
import { acronymKey } from '../analyze/glossary.js';
import { nearDuplicateGroups } from './merge.js';
import { contentTerms, cosine, countTerms, norm, type TermVector } from '../analyze/text/vectors.js';

/** Citations in reading order: by source (in `order`), then by position in the source. */
export const byCitation = (a: Citation, b: Citation, order: ReadonlyMap<string, number>) =>
  (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) || a.start - b.start || a.end - b.end;

const kindOf = (t: ExtractedTerm): 'acronym' | 'concept' => ((t as { kind?: string }).kind === 'concept' ? 'concept' : 'acronym');
// Spellings of one long form compare equal when letters are lower-cased and separators ignored.
const spellingKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * One entry per acronym (short forms equal up to dots and case) or concept: the most frequent
 * definition (first seen on ties), other spellings as variants, every occurrence cited.
 */
export function mergeGlossary(analyses: readonly SourceAnalysis[], order: ReadonlyMap<string, number>): GlossaryEntry[] {
  const groups = new Map<string, { term: string; kind: 'acronym' | 'concept'; defs: Map<string, { text: string; count: number; first: number }>; citations: Citation[] }>();
  let seq = 0;
  for (const a of analyses) {
    for (const t of a.terms) {
      const kind = kindOf(t);
      const key = kind === 'acronym' ? `a:${acronymKey(t.term)}` : `c:${t.term.toLowerCase()}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { term: t.term, kind, defs: new Map(), citations: [] }));
      // Prefer the short form as most often written ("U.S" and "US" → the first seen, unless "US" is more common).
      const dk = spellingKey(t.definition);
      const d = g.defs.get(dk);
      if (d) d.count++;
      else g.defs.set(dk, { text: t.definition, count: 1, first: seq });
      seq++;
      g.citations.push(citationOf(a.doc, t));
    }
  }
  return [...groups.values()]
    .map((g) => {
      const defs = [...g.defs.values()].sort((a, b) => b.count - a.count || a.first - b.first);
      // Long forms that differ in more than spelling (a different expansion) stay variants too.
      const variants = [...new Set(defs.slice(1).map((d) => d.text))];
      const entry: GlossaryEntry = { term: g.term, definition: defs[0].text, citations: g.citations.sort((a, b) => byCitation(a, b, order)), kind: g.kind };
      if (variants.length) entry.variants = variants;
      return entry;
    })
    .sort((a, b) => a.term.toLowerCase().localeCompare(b.term.toLowerCase()) || a.term.localeCompare(b.term) || (a.kind ?? '').localeCompare(b.kind ?? ''));
}

/** Sort key of an ISO date or decade: a decade sorts before the dates inside it. */
function dateKey(date: string): string {
  return date.endsWith('s') ? `${date.slice(0, 4)}-00-00` : date.length === 4 ? `${date}-00-01` : date.length === 7 ? `${date}-00` : date;
}

/**
 * Whether two texts are similar enough, with IDF taken over the two of them alone (a term in both
 * weighs log 1.5, a term in one log 3), as `vectorsOf([a, b])` would weigh them; term counts are read
 * once per text through `counts`.
 */
export function similarEnough(a: string, b: string, threshold: number, counts: Map<string, TermVector> = new Map()): boolean {
  const tfOf = (t: string) => counts.get(t) ?? counts.set(t, countTerms(contentTerms(t))).get(t)!;
  const ta = tfOf(a);
  const tb = tfOf(b);
  const weighed = (tf: TermVector, other: TermVector) => {
    const v: TermVector = new Map();
    for (const [t, f] of tf) v.set(t, f * (other.has(t) ? inBoth : inOne));
    return v;
  };
  const va = weighed(ta, tb);
  const vb = weighed(tb, ta);
  return cosine(va, vb, norm(va), norm(vb)) >= threshold;
}
const inOne = Math.log(3 / 1);
const inBoth = Math.log(3 / 2);

/**
 * Events a source contributes to the timeline, in document order. Papers have a hundred or so;
 * thousands mean generated or unsplit text, and merging compares events pairwise.
 */
const maxEventsPerSource = 500;

/** Events with the same date and similar text (from any source) are one event; ordered by date. */
export function mergeTimeline(analyses: readonly SourceAnalysis[], order: ReadonlyMap<string, number>): TimelineEvent[] {
  const raw = analyses.flatMap((a, i) => a.events.slice(0, maxEventsPerSource).map((e) => ({ ...e, source: i })));
  // The more precise the shared date, the less the wording must agree: two sources on the same
  // day are most likely telling one event; on the same year, only if they say the same thing.
  const counts = new Map<string, TermVector>();
  const groups = nearDuplicateGroups(
    raw,
    0.15,
    (a, b) => a.date === b.date && (a.date.length === 10 || similarEnough(a.text, b.text, a.date.length === 7 ? 0.25 : 0.4, counts)),
    [],
    (e) => e.date,
    // Whether two events merge depends on their dates and texts only.
    () => '',
  );
  return groups
    .map((g) => {
      const items = g.map((k) => raw[k]);
      // The shortest text that names the event reads best in a timeline.
      const lead = [...items].sort((a, b) => a.text.length - b.text.length || a.source - b.source || a.start - b.start)[0];
      const citations = items.map((e) => citationOf(analyses[e.source].doc, e)).sort((a, b) => byCitation(a, b, order));
      return { date: lead.date, text: lead.text, citations, support: new Set(items.map((e) => e.source)).size };
    })
    .sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || byCitation(a.citations[0], b.citations[0], order));
}

/** Quotes: the same words quoted by several sources are one quote with every citation; document order. */
export function mergeQuotes(analyses: readonly SourceAnalysis[], order: ReadonlyMap<string, number>): Quote[] {
  const map = new Map<string, Quote>();
  for (const a of analyses) {
    for (const q of a.quotes) {
      const key = q.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const c = citationOf(a.doc, q);
      const hit = map.get(key);
      if (hit) {
        hit.citations.push(c);
        hit.speaker ??= q.speaker;
      } else map.set(key, { text: q.text, speaker: q.speaker, citations: [c] });
    }
  }
  return [...map.values()].map((q) => ({ ...q, citations: q.citations.sort((a, b) => byCitation(a, b, order)) })).sort((a, b) => byCitation(a.citations[0], b.citations[0], order));
}

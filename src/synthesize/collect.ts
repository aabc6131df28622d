/**
 * Corpus-wide glossary, timeline and quotes: per-source items merged and put in a fixed order.
 */
import type { ExtractedTerm, SourceAnalysis } from '../model/document.js';
import type { Citation, GlossaryEntry, Quote } from '../model/schema.js';
import { citationOf } from './cite.js';
import { acronymKey } from '../analyze/glossary.js';
import { rankGlossary } from './glossary-rank.js';
import { contentTerms, cosine, countTerms, norm, type TermVector } from '../analyze/text/vectors.js';

/** Citations in reading order: by source (in `order`), then by position in the source. */
export const byCitation = (a: Citation, b: Citation, order: ReadonlyMap<string, number>) =>
  (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) || a.start - b.start || a.end - b.end;

const kindOf = (t: ExtractedTerm): 'acronym' | 'concept' => ((t as { kind?: string }).kind === 'concept' ? 'concept' : 'acronym');
// Spellings of one long form compare equal when letters are lower-cased and separators ignored.
const spellingKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** An acronym in the plural: capitals then a lower-case s ("LLMs", "NGOs", "SDGs"). */
const pluralAcronym = /^[\p{Lu}\d&-]{2,}s$/u;

/**
 * One entry per acronym (short forms equal up to dots and case, a plural with its singular) or concept: the most frequent
 * definition (first seen on ties), other spellings as variants, every occurrence cited.
 */
export function mergeGlossary(analyses: readonly SourceAnalysis[], order: ReadonlyMap<string, number>): GlossaryEntry[] {
  const groups = new Map<string, { term: string; kind: 'acronym' | 'concept'; defs: Map<string, { text: string; count: number; first: number; plural: boolean }>; citations: Citation[] }>();
  let seq = 0;
  for (const a of analyses) {
    for (const t of a.terms) {
      const kind = kindOf(t);
      // "LLMs" is the plural of "LLM": one entry, named and defined in the singular when a source writes it so.
      const plural = kind === 'acronym' && pluralAcronym.test(t.term);
      const key = kind === 'acronym' ? `a:${acronymKey(plural ? t.term.slice(0, -1) : t.term)}` : `c:${t.term.toLowerCase()}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { term: t.term, kind, defs: new Map(), citations: [] }));
      else if (!plural && kind === 'acronym' && pluralAcronym.test(g.term)) g.term = t.term;
      // Prefer the short form as most often written ("U.S" and "US" → the first seen, unless "US" is more common).
      const dk = spellingKey(t.definition);
      const d = g.defs.get(dk);
      if (d) d.count++;
      else g.defs.set(dk, { text: t.definition, count: 1, first: seq, plural });
      seq++;
      g.citations.push(citationOf(a.doc, t));
    }
  }
  const merged = [...groups.values()]
    .map((g) => {
      const defs = [...g.defs.values()].sort((a, b) => Number(a.plural) - Number(b.plural) || b.count - a.count || a.first - b.first);
      // Long forms that differ in more than spelling (a different expansion) stay variants too.
      const variants = [...new Set(defs.slice(1).map((d) => d.text))];
      const entry: GlossaryEntry = { term: g.term, definition: defs[0].text, citations: g.citations.sort((a, b) => byCitation(a, b, order)), kind: g.kind };
      if (variants.length) entry.variants = variants;
      return entry;
    })
    .sort((a, b) => a.term.toLowerCase().localeCompare(b.term.toLowerCase()) || a.term.localeCompare(b.term) || (a.kind ?? '').localeCompare(b.kind ?? ''));
  // Each entry says how much it matters, so a brief shows the terms its sources use most.
  return rankGlossary(merged, analyses);
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

// The timeline is merged by happening (kind, compatible dates, parties) in its own module.
export { mergeTimeline } from './timeline-merge.js';

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

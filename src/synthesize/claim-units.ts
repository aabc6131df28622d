/**
 * The claims of a corpus that agreement and disagreement compare: each body sentence cut into its
 * clauses, because two papers rarely agree sentence for sentence — one says "the withdrawal
 * increased mistrust between the US and Pakistan", the other says the same in one clause of a long
 * sentence that goes on about something else. A clause is compared; the sentence is cited.
 *
 * Where a claim may come from is read from the document's zones: a report's summary, findings,
 * conclusions and body state what it holds; its methods describe the study, its reference list,
 * bios, imprint and notes are not about the subject at all. Questions (research questions), sentences
 * about the paper itself and fragments too short to assert anything are not claims.
 */
import type { SourceAnalysis } from '../model/document.js';
import type { ZoneKind } from '../model/schema.js';
import { bodySentences, isBoilerplate } from '../analyze/body-text.js';
import { zoneKindAt } from '../structure/zones.js';
import type { Claim, ClaimSpace } from './claim-space.js';

/** One clause of a body sentence, read as a claim. */
export interface ClaimUnit {
  source: number;
  /** Span of the whole sentence (what is cited). */
  start: number;
  end: number;
  /** Index of the sentence among the unit list's sentences (clauses of one sentence share it). */
  sentence: number;
  /** The zone the sentence lies in. */
  zone: ZoneKind;
  /** How much the zone speaks for the source's own view (0..1; see `zoneWeight`). */
  weight: number;
  claim: Claim;
}

/**
 * How much a zone states its source's own view: summaries and conclusions most, the body and
 * introduction less, a literature review least (it reports others' views). Zones absent here
 * hold no claims.
 */
const zoneWeights: Partial<Record<ZoneKind, number>> = {
  'key-findings': 1,
  'executive-summary': 1,
  abstract: 1,
  conclusions: 1,
  recommendations: 0.9,
  body: 0.8,
  introduction: 0.7,
  foreword: 0.6,
  'literature-review': 0.5,
};

/** The weight of a zone as a source of claims; 0 when it holds none (methods, references, bios, …). */
export function zoneWeight(zone: ZoneKind): number {
  return zoneWeights[zone] ?? 0;
}

/**
 * A sentence about the paper itself ("This paper aims to…", "The purpose of this study is…", "we
 * argue"): its framing, not a claim about the subject, so two papers "agreeing" on it say nothing.
 */
const aboutThePaper = /\b(?:this|the present|our|the current)\s+(?:paper|study|article|research|analysis|chapter|section|report|work)\b|\bthe (?:paper|study|article|research)\s+(?:aims|seeks|explores|examines|investigates|argues|focuses|will|is)\b/i;

/** The authors speaking ("we argue", "our analysis"); case matters: "US" is a country, "us" the authors. */
const authorsSpeaking = /\b(?:[Ww]e|us|[Oo]ur)\b/;

/** Whether a sentence can be a claim: not a question, not about the paper itself. */
export function isClaim(text: string): boolean {
  return !aboutThePaper.test(text) && !authorsSpeaking.test(text) && !/\?\s*["”’)]*\s*$/.test(text);
}

/**
 * Clause breaks: semicolons and colons, and a comma before a word that opens a new statement
 * ("…, which …", "…, while …", "…, but …", "…, and the …"). A list's commas do not break.
 */
const clauseBreak = /\s*[;:]\s+|,\s+(?=(?:which|while|whereas|but|although|though|yet|thereby)\b)|,\s+and\s+(?=(?:the|this|it|its|their|they|these|those|such|there)\b)/gi;

/** Words a clause needs to state something (shorter pieces are fragments: "on the borders of Afghanistan"). */
const minClauseWords = 6;

/** The clauses of a sentence: the whole sentence, and its parts when it has more than one. */
export function clausesOf(text: string): string[] {
  // "not only X, but (also) Y" is one statement: its first half alone says less than the sentence
  if (/\bnot\s+(?:only|just|merely|simply)\b[^.;:]*,?\s+but\b/i.test(text)) return [text];
  const parts = text
    .split(clauseBreak)
    .map((p) => p.trim())
    // A relative clause ("which has significant influence in …") has lost its subject: not a claim alone.
    .filter((p) => p.split(/\s+/).length >= minClauseWords && !/^which\b/i.test(p));
  return parts.length > 1 ? [text, ...parts] : [text];
}

/** Every claim of the corpus, by clause, with its zone; sources in `skip` are left out. */
export function claimUnits(analyses: readonly SourceAnalysis[], space: ClaimSpace, skip: ReadonlySet<number> = new Set()): ClaimUnit[] {
  const out: ClaimUnit[] = [];
  // A clause repeated across sources (a quoted passage, a report reissued) is read once.
  const read = new Map<string, Claim>();
  let sentence = 0;
  analyses.forEach((a, source) => {
    if (skip.has(source)) return;
    for (const s of bodySentences(a.doc)) {
      if (s.duplicateOf !== undefined || s.text.split(/\s+/).length < minClauseWords || isBoilerplate(s.text) || !isClaim(s.text)) continue;
      const zone = zoneKindAt(a.doc, s.start);
      const weight = zoneWeight(zone);
      if (!weight) continue;
      for (const clause of clausesOf(s.text)) {
        const claim = read.get(clause) ?? read.set(clause, space.read(clause)).get(clause)!;
        out.push({ source, start: s.start, end: s.end, sentence, zone, weight, claim });
      }
      sentence++;
    }
  });
  return out;
}

/**
 * One clause text of the corpus and every unit stating it. Sources quote and reissue one another,
 * so a clause may stand in many of them; comparing each text once keeps the work in step with
 * what the corpus says, not with how often it says it (a folder of 500 reports that share
 * passages otherwise makes millions of identical comparisons).
 */
export interface DistinctClaim {
  claim: Claim;
  /** Units stating it, in order. */
  units: number[];
  /** Sources stating it, ascending, each once. */
  sources: number[];
  /** The heaviest zone weight among its units. */
  weight: number;
}

/** The distinct claims of a unit list, in the order of their first unit. */
export function distinctClaims(units: readonly ClaimUnit[]): DistinctClaim[] {
  const byText = new Map<string, DistinctClaim>();
  units.forEach((u, i) => {
    const d = byText.get(u.claim.text);
    if (!d) {
      byText.set(u.claim.text, { claim: u.claim, units: [i], sources: [u.source], weight: u.weight });
      return;
    }
    d.units.push(i);
    if (d.sources[d.sources.length - 1] !== u.source) d.sources.push(u.source);
    d.weight = Math.max(d.weight, u.weight);
  });
  return [...byText.values()];
}

/** Whether two distinct claims are stated by different sources somewhere (not both by one source alone). */
function crossSource(a: DistinctClaim, b: DistinctClaim): boolean {
  return !(a.sources.length === 1 && b.sources.length === 1 && a.sources[0] === b.sources[0]);
}

/**
 * Pairs of distinct claims stated by different sources that share at least `minShared`
 * distinctive stems (IDF ≥ `floor`), found through an inverted index of those stems rather than by
 * comparing every pair: claims on one point share some of its rarer words, and a corpus of
 * thousands of clauses has millions of pairs. Each pair once, `i < j`, in order.
 *
 * A claim is compared with at most `maxPerClaim` later ones, those sharing the most distinctive
 * words: a handful of reports never comes near it (the bundled papers' busiest claim has under
 * 200), while in a folder of hundreds of reports a claim in common words would otherwise be
 * compared with thousands, and the work would grow with the square of the corpus.
 */
export function candidatePairs(claims: readonly DistinctClaim[], floor: number, minShared = 1, maxPerClaim = 200): [number, number][] {
  const postings = new Map<string, number[]>();
  claims.forEach((c, i) => {
    for (const w of c.claim.words) if (w.weight >= floor) (postings.get(w.stem) ?? postings.set(w.stem, []).get(w.stem)!).push(i);
  });
  const out: [number, number][] = [];
  // shared-word counts by claim, and the claims counted for the current one (reset after it)
  const count = new Int32Array(claims.length);
  const touched: number[] = [];
  claims.forEach((c, i) => {
    for (const w of c.claim.words) {
      if (w.weight < floor) continue;
      const list = postings.get(w.stem)!;
      // postings are in claim order: start after this claim
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] <= i) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < list.length; k++) {
        const j = list[k];
        if (count[j] === 0) {
          if (!crossSource(c, claims[j])) continue;
          touched.push(j);
        }
        count[j]++;
      }
    }
    let found = touched.filter((j) => count[j] >= minShared);
    // the claims sharing most with this one, when there are too many to compare
    if (found.length > maxPerClaim) found = found.sort((x, y) => count[y] - count[x] || x - y).slice(0, maxPerClaim);
    for (const j of found.sort((x, y) => x - y)) out.push([i, j]);
    for (const j of touched) count[j] = 0;
    touched.length = 0;
  });
  return out;
}

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
  let sentence = 0;
  analyses.forEach((a, source) => {
    if (skip.has(source)) return;
    for (const s of bodySentences(a.doc)) {
      if (s.duplicateOf !== undefined || s.text.split(/\s+/).length < minClauseWords || isBoilerplate(s.text) || !isClaim(s.text)) continue;
      const zone = zoneKindAt(a.doc, s.start);
      const weight = zoneWeight(zone);
      if (!weight) continue;
      for (const clause of clausesOf(s.text)) out.push({ source, start: s.start, end: s.end, sentence, zone, weight, claim: space.read(clause) });
      sentence++;
    }
  });
  return out;
}

/**
 * Pairs of units of different sources that share at least `minShared` distinctive stems (IDF ≥
 * `floor`), found through an inverted index of those stems rather than by comparing every pair:
 * claims on one point share some of its rarer words, and a corpus of thousands of clauses has
 * millions of pairs. Each pair once, `i < j`, in order.
 */
export function candidatePairs(units: readonly ClaimUnit[], floor: number, minShared = 1): [number, number][] {
  const postings = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const w of u.claim.words) if (w.weight >= floor) (postings.get(w.stem) ?? postings.set(w.stem, []).get(w.stem)!).push(i);
  });
  const out: [number, number][] = [];
  const count = new Map<number, number>();
  units.forEach((u, i) => {
    count.clear();
    for (const w of u.claim.words) {
      if (w.weight < floor) continue;
      for (const j of postings.get(w.stem)!) if (j > i && units[j].source !== u.source) count.set(j, (count.get(j) ?? 0) + 1);
    }
    for (const [j, n] of [...count].sort((x, y) => x[0] - y[0])) if (n >= minShared) out.push([i, j]);
  });
  return out;
}

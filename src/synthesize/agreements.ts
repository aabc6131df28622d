/**
 * Agreement across sources by meaning: a claim of one source (a finding, or a sentence of its
 * summary) agrees with the passage of another source that states the same thing in other words.
 * For each claim, each other source's body sentences are compared (claim-space.ts) and the closest
 * is kept when it is close in meaning *and* shares claim-specific words, states no conflicting
 * date or figure, and is not negated where the claim is not (or the reverse). Claims supported by
 * the same passages are one agreement.
 */
import type { Citation } from '../model/schema.js';
import { alignment, semanticSimilarity, intersects, type Claim } from './claim-space.js';

/** A body sentence of a source, read as a claim, with its span. */
export interface CorpusClaim {
  source: number;
  start: number;
  end: number;
  claim: Claim;
}

/** A claim to find support for: its text read as a claim, its sources and citations. */
export interface AnchorClaim {
  claim: Claim;
  sources: readonly number[];
  citations: readonly Citation[];
  /** Finding id when the claim is a finding. */
  findingId?: string;
  score: number;
}

/** An agreement found: the anchor, and the supporting passages of other sources with their similarity. */
export interface FoundAgreement {
  anchor: number;
  support: { sentence: number; similarity: number }[];
}

/** Thresholds: `semantic` (corpus-centred sentence vectors, a first cut) and `alignment` (soft word alignment). */
export interface AgreementThresholds {
  semantic: number;
  alignment: number;
}

/** Calibrated on the bundled papers' gold list (tests/fixtures/synthesis). */
export const defaultAgreementThresholds: AgreementThresholds = { semantic: 0.3, alignment: 0.45 };

/** Whether two claims state conflicting dates or figures (both state some, none in common). */
export function conflictingValues(a: Claim, b: Claim): boolean {
  if (a.months.size && b.months.size && !intersects(a.months, b.months)) return true;
  if (a.years.size && b.years.size && !intersects(a.years, b.years)) return true;
  return false;
}

/** Whether `b` can support `a`: same polarity, no conflicting values, similar enough. Returns the blend, or 0. */
export function supports(a: Claim, b: Claim, t: AgreementThresholds): number {
  if (a.negated !== b.negated || conflictingValues(a, b)) return 0;
  const quick = semanticSimilarity(a, b);
  if (quick !== null && quick < t.semantic) return 0;
  const s = alignment(a, b);
  return s >= t.alignment ? s : 0;
}

/**
 * For each anchor, the best supporting sentence in each source it does not come from. Anchors with
 * no support are left out; anchors whose support (with themselves) cites the same passages as an
 * earlier, stronger anchor's are folded into it.
 */
export function findSemanticAgreements(anchors: readonly AnchorClaim[], sentences: readonly CorpusClaim[], sourceCount: number, t: AgreementThresholds = defaultAgreementThresholds): FoundAgreement[] {
  const bySource: number[][] = Array.from({ length: sourceCount }, () => []);
  sentences.forEach((s, i) => bySource[s.source]?.push(i));
  const found: FoundAgreement[] = [];
  anchors.forEach((a, k) => {
    const support: FoundAgreement['support'] = [];
    for (let src = 0; src < sourceCount; src++) {
      if (a.sources.includes(src)) continue;
      let best = -1;
      let bestSim = 0;
      for (const i of bySource[src]) {
        const sim = supports(a.claim, sentences[i].claim, t);
        if (sim > bestSim) {
          bestSim = sim;
          best = i;
        }
      }
      if (best >= 0) support.push({ sentence: best, similarity: bestSim });
    }
    if (support.length) found.push({ anchor: k, support });
  });
  // Anchors stating the same point through the same passages: keep the strongest.
  found.sort((x, y) => y.support.length - x.support.length || anchors[y.anchor].score - anchors[x.anchor].score || x.anchor - y.anchor);
  const used = new Set<number>();
  const kept: FoundAgreement[] = [];
  for (const f of found) {
    const own = f.support.map((s) => s.sentence);
    if (own.every((s) => used.has(s))) continue;
    own.forEach((s) => used.add(s));
    kept.push(f);
  }
  return kept;
}

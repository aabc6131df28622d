/**
 * Corpus-level keyphrase ranking: the per-source candidate features of collectCandidates combined
 * with document frequencies across all sources. Scoring follows the ideas of KP-Miner (TF-IDF with
 * a boost for multi-word phrases and a cut-off on late first occurrence), PositionRank (weight of
 * early occurrences) and YAKE (spread and casing-free statistics), re-derived, not copied.
 */
import type { CandidateFeatures, CandidateStats, Keyphrase } from '../model/document.js';

/** Options of rankKeyphrases. */
export interface RankKeyphrasesOptions {
  /** How many keyphrases to keep per source. */
  limit: number;
  /** Keep single-word keyphrases (when false, only phrases of two words or more are returned). */
  singleWords: boolean;
}

export const defaultRankKeyphrasesOptions: Readonly<RankKeyphrasesOptions> = { limit: 15, singleWords: true };

/** Inverse document frequency against the rest of the corpus (smoothed so one source still ranks). */
function idfOf(df: number, n: number): number {
  return Math.log((n + 1) / df) + 1;
}

/** Score of one candidate in its source. */
export function scoreCandidate(c: CandidateFeatures, idf: number): number {
  const tf = c.tf;
  // Earliest mention: a phrase first used deep in a long text is rarely what it is about.
  const early = 1 / Math.log2(2 + 20 * c.first);
  const spread = 0.5 + Math.min(1, c.last - c.first + (c.sections > 1 ? 0.25 : 0));
  const length = c.words === 1 ? 1 : c.words === 2 ? 2.2 : c.words === 3 ? 2.4 : 2;
  const title = c.title ? 2 : 1;
  const lead = 1 + Math.min(2, c.lead) * 0.5;
  return Math.log2(1 + tf) * idf * early * spread * length * title * lead;
}

/**
 * Ranks the candidates of each source against the whole corpus; one list per source, best first.
 * Candidates are already merged by stem; a phrase is also dropped when every one of its occurrences
 * lies inside a better-ranked longer phrase.
 */
export function rankKeyphrases(candidates: readonly CandidateStats[], options: Partial<RankKeyphrasesOptions> = {}): Keyphrase[][] {
  const opts = { ...defaultRankKeyphrasesOptions, ...options };
  const df = new Map<string, number>();
  for (const cs of candidates) for (const k of Object.keys(cs)) df.set(k, (df.get(k) ?? 0) + 1);
  const n = candidates.length;
  return candidates.map((cs) => {
    const scored = Object.entries(cs)
      .filter(([, c]) => opts.singleWords || c.words > 1)
      .map(([key, c]) => ({ key, text: c.text, c, score: scoreCandidate(c, idfOf(df.get(key) ?? 1, n)) }))
      .filter((x) => x.score > 0)
      .sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const out: Keyphrase[] = [];
    const kept: { key: string; tf: number }[] = [];
    for (const x of scored) {
      if (out.length >= opts.limit) break;
      // A phrase that never occurs apart from a kept longer one adds nothing.
      if (kept.some((k) => k.tf >= x.c.tf && (` ${k.key} `).includes(` ${x.key} `))) continue;
      kept.push({ key: x.key, tf: x.c.tf });
      out.push({ text: x.text, score: Number(x.score.toFixed(6)) });
    }
    return out;
  });
}

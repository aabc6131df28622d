/**
 * Baselines that `brief eval` runs beside ours under the same protocol, on the same structured
 * sources and the same noun-phrase candidates, so that every figure reads against them.
 */
import type { CandidateStats, StructuredSource } from '../model/document.js';
import { graphCentrality, prepareSentences } from '../analyze/summary.js';
import { wordCount } from '../analyze/summary-features.js';

/** Keyphrases: the first k distinct candidate phrases of the source, in order of first occurrence. */
export function firstPhrases(candidates: CandidateStats, k: number): string[] {
  return Object.entries(candidates)
    .sort((a, b) => a[1].first - b[1].first || b[1].words - a[1].words || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([, c]) => c.text);
}

/** Keyphrases: plain TF-IDF over the candidates, tf × ln(N / df), no other signal. */
export function tfidfPhrases(all: readonly CandidateStats[], k: number): string[][] {
  const df = new Map<string, number>();
  for (const cs of all) for (const key of Object.keys(cs)) df.set(key, (df.get(key) ?? 0) + 1);
  return all.map((cs) =>
    Object.entries(cs)
      .map(([key, c]) => ({ key, text: c.text, score: c.tf * Math.log(all.length / (df.get(key) ?? 1)) }))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
      .slice(0, k)
      .map((x) => x.text),
  );
}

/** Summary: lead sentences of the source until the budget is reached (the last one may overrun). */
export function leadSummary(doc: StructuredSource, budget: number): string {
  const out: string[] = [];
  let used = 0;
  for (const s of doc.sentences) {
    if (used >= budget) break;
    out.push(s.text);
    used += wordCount(s.text);
  }
  return out.join(' ');
}

/** Summary: LexRank (thresholded cosine graph) top sentences until the budget, in document order. */
export function lexRankSummary(doc: StructuredSource, budget: number): string {
  const { feats, sim } = prepareSentences(doc);
  const rank = graphCentrality(sim);
  const order = feats.map((_, i) => i).sort((a, b) => rank[b] - rank[a] || a - b);
  const chosen: number[] = [];
  let used = 0;
  for (const i of order) {
    if (used >= budget) break;
    chosen.push(i);
    used += feats[i].words;
  }
  return chosen.sort((a, b) => a - b).map((i) => feats[i].sentence.text).join(' ');
}

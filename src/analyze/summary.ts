/**
 * Extractive summary of one source: sentences chosen for centrality (similarity to the source's
 * centroid and LexRank-style graph centrality) and coverage (maximal marginal relevance against
 * sentences already chosen), weighted by priors for position, section role, similarity to the
 * title and cue phrases; never from references or notes; returned in document order within
 * `summaryWords` words, each sentence with its span.
 */
import type { SpanText, StructuredSource } from '../model/document.js';
import type { AnalyzeOptions } from '../model/context.js';
import { sentenceFeatures, type SentenceFeatures } from './summary-features.js';
import { contentTerms, cosine, countTerms, inverseFrequencies, weigh, type TermVector } from './text/vectors.js';

/** Tunable weights of the summarizer (general defaults; see `brief eval`). */
export interface SummaryWeights {
  centroid: number;
  centrality: number;
  title: number;
  cue: number;
  /** Strength of the position prior at the start of the source. */
  lead: number;
  /** Penalty factor for orphan openers. */
  orphan: number;
  /** Trade-off between relevance and novelty in MMR (1 = relevance only). */
  lambda: number;
}

export const defaultSummaryWeights: Readonly<SummaryWeights> = {
  centroid: 0.5,
  centrality: 0.3,
  title: 0.25,
  cue: 0.15,
  lead: 0.8,
  orphan: 0.75,
  lambda: 0.7,
};

/** Stationary distribution of a similarity graph (LexRank with a threshold, damping 0.85). */
export function graphCentrality(sim: readonly Float64Array[], threshold = 0.1, damping = 0.85, iterations = 50): Float64Array {
  const n = sim.length;
  const rank = new Float64Array(n).fill(1 / Math.max(1, n));
  if (n === 0) return rank;
  // Edges once, as adjacency lists: the power iteration then costs only the edges.
  const edges: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const list: number[] = [];
    for (let j = 0; j < n; j++) if (i !== j && sim[i][j] >= threshold) list.push(j);
    edges.push(Int32Array.from(list));
  }
  const next = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    let dangling = 0;
    next.fill((1 - damping) / n);
    for (let i = 0; i < n; i++) {
      const out = edges[i];
      if (out.length === 0) {
        dangling += rank[i];
        continue;
      }
      const share = (damping * rank[i]) / out.length;
      for (let e = 0; e < out.length; e++) next[out[e]] += share;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      const v = next[i] + (damping * dangling) / n;
      delta += Math.abs(v - rank[i]);
      rank[i] = v;
    }
    if (delta < 1e-7) break;
  }
  return rank;
}

/** Pairwise cosine similarities of TF-IDF sentence vectors (sparse vectors as sorted id/weight arrays). */
export function similarityMatrix(vectors: readonly TermVector[]): Float64Array[] {
  const ids = new Map<string, number>();
  const sparse = vectors.map((v) => {
    const entries = [...v.entries()].map(([t, w]) => [ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1), w] as const).sort((x, y) => x[0] - y[0]);
    let norm2 = 0;
    for (const [, w] of entries) norm2 += w * w;
    return { id: Int32Array.from(entries.map((e) => e[0])), w: Float64Array.from(entries.map((e) => e[1])), norm: Math.sqrt(norm2) };
  });
  const sim = vectors.map(() => new Float64Array(vectors.length));
  for (let i = 0; i < sparse.length; i++) {
    sim[i][i] = 1;
    const a = sparse[i];
    for (let j = i + 1; j < sparse.length; j++) {
      const b = sparse[j];
      if (a.norm === 0 || b.norm === 0) continue;
      let dot = 0;
      let x = 0;
      let y = 0;
      while (x < a.id.length && y < b.id.length) {
        const d = a.id[x] - b.id[y];
        if (d === 0) dot += a.w[x++] * b.w[y++];
        else if (d < 0) x++;
        else y++;
      }
      sim[i][j] = sim[j][i] = dot / (a.norm * b.norm);
    }
  }
  return sim;
}

/** Scales values to 0..1 by their maximum. */
function byMax(xs: ArrayLike<number>): number[] {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]);
  return Array.from(xs, (x) => (m > 0 ? x / m : 0));
}

/** Relevance of each candidate sentence (before redundancy removal). */
export function scoreSentences(doc: StructuredSource, feats: readonly SentenceFeatures[], sim: readonly Float64Array[], vectors: readonly TermVector[], idf: ReadonlyMap<string, number>, w: SummaryWeights): number[] {
  const centroid: TermVector = new Map();
  for (const v of vectors) for (const [t, x] of v) centroid.set(t, (centroid.get(t) ?? 0) + x);
  // The centroid keeps its strongest terms only, as in MEAD: the rest is noise.
  const top = new Map([...centroid.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 60));
  const toCentroid = byMax(vectors.map((v) => cosine(v, top)));
  const central = byMax(graphCentrality(sim));
  const titleVec = weigh(countTerms(contentTerms(doc.metadata.title ?? '')), idf);
  const toTitle = byMax(vectors.map((v) => cosine(v, titleVec)));
  return feats.map((f, i) => {
    const position = 1 + w.lead * Math.exp(-f.at * 12);
    const content = w.centroid * toCentroid[i] + w.centrality * central[i] + w.title * toTitle[i] + (f.cue ? w.cue : 0);
    return content * position * f.role * f.quality * (f.orphan ? w.orphan : 1);
  });
}

/**
 * Picks sentences by maximal marginal relevance until the word budget is used, skipping any that
 * would overrun it, then returns them in document order.
 */
export function selectByMmr(feats: readonly SentenceFeatures[], scores: readonly number[], sim: readonly Float64Array[], budget: number, lambda: number): number[] {
  const chosen: number[] = [];
  const maxScore = Math.max(1e-12, ...scores);
  let used = 0;
  const open = new Set(feats.map((_, i) => i));
  while (open.size && used < budget) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of open) {
      if (used + feats[i].words > budget) continue;
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, sim[i][j]);
      const value = lambda * (scores[i] / maxScore) - (1 - lambda) * redundancy;
      if (value > bestValue || (value === bestValue && i < best)) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    open.delete(best);
    chosen.push(best);
    used += feats[best].words;
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Most sentences the similarity graph takes: its matrix is dense, so a very long source is first
 * narrowed to the sentences closest to its centroid (weighted by the priors) before the graph.
 */
export const maxGraphSentences = 800;

/** Sentence features, TF-IDF vectors and similarity matrix of a source's summary candidates. */
export function prepareSentences(doc: StructuredSource, limit = Infinity) {
  let feats = sentenceFeatures(doc);
  const idf = inverseFrequencies(feats.map((f) => f.terms));
  let vectors = feats.map((f) => weigh(countTerms(f.terms), idf));
  if (feats.length > limit) {
    const centroid: TermVector = new Map();
    for (const v of vectors) for (const [t, x] of v) centroid.set(t, (centroid.get(t) ?? 0) + x);
    const prior = feats.map((f, i) => cosine(vectors[i], centroid) * f.role * f.quality * (1 + Math.exp(-f.at * 12)));
    const keep = feats.map((_, i) => i).sort((a, b) => prior[b] - prior[a] || a - b).slice(0, limit).sort((a, b) => a - b);
    feats = keep.map((i) => feats[i]);
    vectors = keep.map((i) => vectors[i]);
  }
  const sim = similarityMatrix(vectors);
  return { feats, idf, vectors, sim };
}

/** The extractive summary of a source in document order, at most `summaryWords` words. */
export function summarize(doc: StructuredSource, options: Pick<AnalyzeOptions, 'summaryWords'>, weights: SummaryWeights = defaultSummaryWeights): SpanText[] {
  const { feats, idf, vectors, sim } = prepareSentences(doc, maxGraphSentences);
  if (!feats.length) return [];
  const scores = scoreSentences(doc, feats, sim, vectors, idf, weights);
  return selectByMmr(feats, scores, sim, options.summaryWords, weights.lambda).map((i) => {
    const s = feats[i].sentence;
    return { start: s.start, end: s.end, text: s.text };
  });
}

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
import { contentTerms, cosine, countTerms, inverseFrequencies, norm, weigh, type TermVector } from './text/vectors.js';

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

/**
 * Pairwise cosine similarities of TF-IDF sentence vectors. Sparse vectors become id/weight arrays
 * sorted by term id, and only pairs that share a term are visited, through an inverted index (term →
 * sentences holding it): papers have few such pairs, and the rest of the matrix stays 0. Each dot
 * product adds its terms in ascending id order, as a merge of the two sorted arrays would.
 */
export function similarityMatrix(vectors: readonly TermVector[]): Float64Array[] {
  const n = vectors.length;
  const ids = new Map<string, number>();
  const rows = vectors.map((v) => {
    // Sort the entries by term id with a native numeric sort: each key packs the id with the
    // entry's place (ids are distinct within a vector, so the order is the ids' order).
    const weights = [...v.values()];
    const keys = new Float64Array(weights.length);
    let k = 0;
    for (const t of v.keys()) {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      keys[k] = id * 0x1000000 + k;
      k++;
    }
    keys.sort();
    let norm2 = 0;
    const id = new Int32Array(keys.length);
    const w = new Float64Array(keys.length);
    for (let q = 0; q < keys.length; q++) {
      const at = keys[q] % 0x1000000;
      id[q] = (keys[q] - at) / 0x1000000;
      w[q] = weights[at];
      norm2 += w[q] * w[q];
    }
    return { id, w, norm: Math.sqrt(norm2) };
  });
  // Postings in sentence order, laid out flat: term `t` owns [first[t], first[t + 1]).
  const count = new Int32Array(ids.size + 1);
  for (const r of rows) for (let k = 0; k < r.id.length; k++) count[r.id[k] + 1]++;
  for (let t = 0; t < ids.size; t++) count[t + 1] += count[t];
  const first = count.slice();
  const fill = count.slice(0, ids.size);
  const who = new Int32Array(count[ids.size]);
  const weight = new Float64Array(count[ids.size]);
  rows.forEach((r, i) => {
    for (let k = 0; k < r.id.length; k++) {
      const at = fill[r.id[k]]++;
      who[at] = i;
      weight[at] = r.w[k];
    }
  });
  // Sentences are visited in order, so each term's cursor sits on the current sentence's posting.
  const cursor = first.slice(0, ids.size);
  const sim = vectors.map(() => new Float64Array(n));
  const dot = new Float64Array(n);
  const touched = new Int32Array(n);
  // seen[j] === i + 1 once row i has met sentence j.
  const seen = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sim[i][i] = 1;
    const a = rows[i];
    let m = 0;
    for (let k = 0; k < a.id.length; k++) {
      const t = a.id[k];
      const x = a.w[k];
      const end = first[t + 1];
      for (let p = ++cursor[t]; p < end; p++) {
        const j = who[p];
        if (seen[j] !== i + 1) {
          seen[j] = i + 1;
          touched[m++] = j;
        }
        dot[j] += x * weight[p];
      }
    }
    for (let q = 0; q < m; q++) {
      const j = touched[q];
      sim[i][j] = sim[j][i] = dot[j] / (a.norm * rows[j].norm);
      dot[j] = 0;
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

/** Heavier first; equal weights by term, so the order is total. */
const byWeight = (a: readonly [string, number], b: readonly [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

/**
 * The `k` heaviest terms of a vector, heaviest first: the first `k` of the whole vector sorted by
 * `byWeight`, found in one pass that keeps only the best `k` in order (a source has thousands of terms).
 */
function strongest(v: ReadonlyMap<string, number>, k: number): [string, number][] {
  const best: [string, number][] = [];
  for (const e of v) {
    if (best.length === k && byWeight(e, best[k - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && byWeight(e, best[at - 1]) < 0) at--;
    best.splice(at, 0, e);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Relevance of each candidate sentence (before redundancy removal). */
export function scoreSentences(doc: StructuredSource, feats: readonly SentenceFeatures[], sim: readonly Float64Array[], vectors: readonly TermVector[], idf: ReadonlyMap<string, number>, w: SummaryWeights): number[] {
  const centroid: TermVector = new Map();
  for (const v of vectors) for (const [t, x] of v) centroid.set(t, (centroid.get(t) ?? 0) + x);
  // The centroid keeps its strongest terms only, as in MEAD: the rest is noise.
  const top = new Map(strongest(centroid, 60));
  // Norms once per vector (cosine would recompute both on every call).
  const norms = vectors.map((v) => norm(v));
  const topNorm = norm(top);
  const toCentroid = byMax(vectors.map((v, i) => cosine(v, top, norms[i], topNorm)));
  const central = byMax(graphCentrality(sim));
  const titleVec = weigh(countTerms(contentTerms(doc.metadata.title ?? '')), idf);
  const titleNorm = norm(titleVec);
  const toTitle = byMax(vectors.map((v, i) => cosine(v, titleVec, norms[i], titleNorm)));
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
const maxGraphSentences = 800;

/** Sentence features, TF-IDF vectors and similarity matrix of a source's summary candidates. */
export function prepareSentences(doc: StructuredSource, limit = Infinity) {
  let feats = sentenceFeatures(doc);
  const idf = inverseFrequencies(feats.map((f) => f.terms));
  let vectors = feats.map((f) => weigh(countTerms(f.terms), idf));
  if (feats.length > limit) {
    const centroid: TermVector = new Map();
    for (const v of vectors) for (const [t, x] of v) centroid.set(t, (centroid.get(t) ?? 0) + x);
    const cn = norm(centroid);
    const prior = feats.map((f, i) => cosine(vectors[i], centroid, norm(vectors[i]), cn) * f.role * f.quality * (1 + Math.exp(-f.at * 12)));
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

/**
 * Non-negative matrix factorisation of a sparse sentence × term matrix V ≈ W·H, by the
 * multiplicative updates of Lee and Seung (2001) for the Frobenius norm. Each row of H is a topic
 * (a weighting of terms); each row of W says how much of each topic a sentence holds.
 *
 * The start is given (one term vector per topic) rather than drawn at random, so the result is
 * the same on every run, and the arithmetic runs in a fixed order, so it is the same on every
 * machine. The work per iteration is (non-zeros + terms) × topics², linear in the corpus.
 */

/** One sparse row: term ids and their (non-negative) values. */
export interface SparseRow {
  ids: Int32Array;
  values: Float64Array;
}

export interface Factors {
  /** Topics: `topics[k][term]`, each scaled to unit length. */
  topics: Float64Array[];
  /** Topic weights of each row: `weights[row * k + topic]`, scaled to match the unit topics. */
  weights: Float64Array;
}

/** Keeps divisions defined and lets a zero entry recover (multiplicative updates never leave 0). */
const floor = 1e-9;
/** Added to every entry of the starting topics, so terms outside the seeds can join a topic. */
const spread = 1e-3;

/** Factorises `rows` (over `terms` term ids) into `seeds.length` topics, starting from `seeds`. */
export function factorize(rows: readonly SparseRow[], terms: number, seeds: readonly Float64Array[], iterations: number): Factors {
  const k = seeds.length;
  const n = rows.length;
  // H is stored term by term (H[j * k + t]): a row's terms are read with all their topics at once.
  const H = new Float64Array(terms * k);
  for (let t = 0; t < k; t++) for (let j = 0; j < terms; j++) H[j * k + t] = seeds[t][j] + spread;
  // Start each row at its projection on the starting topics.
  const W = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const { ids, values } = rows[i];
    for (let q = 0; q < ids.length; q++) for (let t = 0; t < k; t++) W[i * k + t] += values[q] * H[ids[q] * k + t];
    for (let t = 0; t < k; t++) W[i * k + t] += spread;
  }
  const WtV = new Float64Array(terms * k);
  const gram = new Float64Array(k * k);
  // Per term or row: its old values and, for W, the numerators of the update.
  const prev = new Float64Array(k);
  const num = new Float64Array(k);
  for (let it = 0; it < iterations; it++) {
    // H ← H ∘ (WᵀV) / (WᵀW·H)
    WtV.fill(0);
    gram.fill(0);
    for (let i = 0; i < n; i++) {
      const { ids, values } = rows[i];
      const w = i * k;
      for (let q = 0; q < ids.length; q++) {
        const v = values[q];
        const base = ids[q] * k;
        for (let t = 0; t < k; t++) WtV[base + t] += W[w + t] * v;
      }
      for (let a = 0; a < k; a++) for (let b = a; b < k; b++) gram[a * k + b] += W[w + a] * W[w + b];
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[a * k + b] = gram[b * k + a];
    for (let j = 0; j < terms; j++) {
      const base = j * k;
      for (let t = 0; t < k; t++) prev[t] = H[base + t];
      for (let t = 0; t < k; t++) {
        let d = 0;
        for (let l = 0; l < k; l++) d += gram[t * k + l] * prev[l];
        H[base + t] = (prev[t] * WtV[base + t]) / (d + floor);
      }
    }
    // W ← W ∘ (V·Hᵀ) / (W·H·Hᵀ)
    gram.fill(0);
    for (let j = 0; j < terms; j++) {
      const base = j * k;
      for (let a = 0; a < k; a++) for (let b = a; b < k; b++) gram[a * k + b] += H[base + a] * H[base + b];
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[a * k + b] = gram[b * k + a];
    for (let i = 0; i < n; i++) {
      const { ids, values } = rows[i];
      num.fill(0);
      for (let q = 0; q < ids.length; q++) {
        const v = values[q];
        const base = ids[q] * k;
        for (let t = 0; t < k; t++) num[t] += v * H[base + t];
      }
      const w = i * k;
      for (let t = 0; t < k; t++) prev[t] = W[w + t];
      for (let t = 0; t < k; t++) {
        let d = 0;
        for (let l = 0; l < k; l++) d += prev[l] * gram[l * k + t];
        W[w + t] = (prev[t] * num[t]) / (d + floor);
      }
    }
  }
  // Unit topics; the weights carry the scale.
  const topics = seeds.map(() => new Float64Array(terms));
  for (let t = 0; t < k; t++) {
    let s = 0;
    for (let j = 0; j < terms; j++) s += H[j * k + t] * H[j * k + t];
    const len = Math.sqrt(s);
    for (let j = 0; j < terms; j++) topics[t][j] = len > 0 ? H[j * k + t] / len : 0;
    if (len > 0) for (let i = 0; i < n; i++) W[i * k + t] *= len;
  }
  return { topics, weights: W };
}

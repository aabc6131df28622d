/**
 * Themes across the corpus: the sources' keyphrases are pooled, each is represented by the
 * sentences that use it (the sum of their TF-IDF vectors, over every source), and the phrases are
 * grouped by agglomerative clustering with average linkage on cosine similarity. A theme is a
 * cluster: labelled by its strongest phrases, discussed by the sources whose body uses them, and
 * holding the findings and recommendations closest to it.
 */
import type { Keyphrase } from '../model/document.js';
import { cosine, norm, type TermVector } from '../analyze/text/vectors.js';
import { stemPhrase, stemWord, wordsOf } from '../analyze/text/stem.js';
import { isStopWord } from '../analyze/text/stopwords.js';
import { sentencesWith, vectorOf, type CorpusIndex } from './corpus-index.js';

/** Longest keyphrase (UTF-16 units) whose written forms are looked up in the sentences. */
const maxSurfaceLength = 200;
/**
 * Sentences (the first ones, in corpus order) read to learn how a phrase is written: enough to
 * find its usual form, and bounded, so a phrase in thousands of sentences is not read in each.
 */
const writtenSample = 200;
/** Options of theme finding. */
export interface ThemeOptions {
  /** Most themes to return. */
  max: number;
  /** Keyphrases taken from each source. */
  perSource: number;
  /** Average-linkage similarity below which clusters are not merged. */
  link: number;
  /** Largest share of corpus sentences a phrase may occur in and still name a theme. */
  maxShare: number;
}

/** Most phrases clustered into themes, whatever the corpus size. */
const maxPooledPhrases = 240;

export const defaultThemeOptions: Readonly<ThemeOptions> = { max: 6, perSource: 15, link: 0.3, maxShare: 0.06 };

/** A theme before ids are given. */
export interface ThemeCluster {
  label: string;
  keyphrases: string[];
  /** Indices of the sources that discuss it, ascending. */
  sources: number[];
  score: number;
  vector: TermVector;
  /** Euclidean norm of `vector`. */
  norm: number;
  /** Stemmed keys of its phrases, to test whether an item names the theme. */
  keys: string[];
}

/** A sparse vector over stem ids, its entries in the order they were first added (as a Map keeps them). */
export interface IdVector {
  ids: Int32Array;
  values: Float64Array;
  norm: number;
}

/** Sums sparse vectors over stem ids in a dense scratch array, remembering the order terms arrive in. */
class VectorSum {
  private readonly dense: Float64Array;
  private readonly has: Uint8Array;
  private order: number[] = [];
  constructor(size: number) {
    this.dense = new Float64Array(size);
    this.has = new Uint8Array(size);
  }
  add(id: number, x: number): void {
    if (this.has[id]) this.dense[id] += x;
    else {
      this.has[id] = 1;
      this.order.push(id);
      this.dense[id] = 0 + x;
    }
  }
  /** The sum so far as a sparse vector (norm summed in entry order), and a fresh start. */
  take(): IdVector {
    const ids = Int32Array.from(this.order);
    const values = new Float64Array(ids.length);
    let s = 0;
    for (let k = 0; k < ids.length; k++) {
      const x = this.dense[ids[k]];
      values[k] = x;
      s += x * x;
      this.dense[ids[k]] = 0;
      this.has[ids[k]] = 0;
    }
    this.order = [];
    return { ids, values, norm: Math.sqrt(s) };
  }
}

/**
 * Cosine similarity of every pair of vectors, as `cosine` over Maps computes it (the smaller vector
 * read in entry order against the larger one; on equal sizes, the first against the second). Each
 * vector is spread once into a dense array and the smaller ones are read against it, so the work is
 * the sum over pairs of the smaller size, with no hashing.
 */
export function cosineMatrix(vectors: readonly IdVector[], size: number): Float64Array[] {
  const n = vectors.length;
  const sim = vectors.map(() => new Float64Array(n));
  const dense = new Float64Array(size);
  const dot = (small: IdVector, large: IdVector): number => {
    for (let k = 0; k < large.ids.length; k++) dense[large.ids[k]] = large.values[k];
    let d = 0;
    for (let k = 0; k < small.ids.length; k++) d += small.values[k] * dense[small.ids[k]];
    for (let k = 0; k < large.ids.length; k++) dense[large.ids[k]] = 0;
    return d;
  };
  const order = vectors.map((_, i) => i).sort((a, b) => vectors[b].ids.length - vectors[a].ids.length || a - b);
  for (let x = 0; x < n; x++) {
    const i = order[x];
    const a = vectors[i];
    for (let k = 0; k < a.ids.length; k++) dense[a.ids[k]] = a.values[k];
    for (let y = x + 1; y < n; y++) {
      const j = order[y];
      const b = vectors[j];
      if (a.norm === 0 || b.norm === 0) continue;
      let d = 0;
      for (let k = 0; k < b.ids.length; k++) d += b.values[k] * dense[b.ids[k]];
      sim[j][i] = d / (b.norm * a.norm);
      sim[i][j] = b.ids.length < a.ids.length ? sim[j][i] : 0;
    }
    for (let k = 0; k < a.ids.length; k++) dense[a.ids[k]] = 0;
    // Equal sizes: the row's vector is the one read, so the other direction is its own sum.
    for (let y = x + 1; y < n; y++) {
      const j = order[y];
      const b = vectors[j];
      if (b.ids.length === a.ids.length && a.norm > 0 && b.norm > 0) sim[i][j] = dot(a, b) / (a.norm * b.norm);
    }
  }
  for (let i = 0; i < n; i++) if (vectors[i].norm > 0) sim[i][i] = dot(vectors[i], vectors[i]) / (vectors[i].norm * vectors[i].norm);
  return sim;
}

/** The words of a text as written: each run of letters and digits, lower-cased, and where it lies. */
export interface WordRuns {
  lower: string[];
  start: number[];
  end: number[];
}

const wordRun = /[\p{L}\p{N}]+/gu;
const separator = /^[\s-]+$/u;

export function wordRunsOf(text: string): WordRuns {
  const out: WordRuns = { lower: [], start: [], end: [] };
  for (const m of text.matchAll(wordRun)) {
    out.lower.push(m[0].toLowerCase());
    out.start.push(m.index);
    out.end.push(m.index + m[0].length);
  }
  return out;
}

/**
 * Counts how a phrase is written in a text: each occurrence of its words (compared lower-cased),
 * whole, in order, separated by white space or hyphens, left to right without overlap. A regular
 * expression per phrase said the same, but compiling hundreds of Unicode-class expressions cost
 * more than everything else in theme finding on a small corpus.
 */
export function countWritten(text: string, runs: WordRuns, words: readonly string[], into: Map<string, number>): void {
  const n = words.length;
  for (let i = 0; i + n <= runs.lower.length; ) {
    let k = 0;
    while (k < n && runs.lower[i + k] === words[k] && (k === 0 || separator.test(text.slice(runs.end[i + k - 1], runs.start[i + k])))) k++;
    if (k < n) {
      i++;
      continue;
    }
    const written = text.slice(runs.start[i], runs.end[i + n - 1]);
    into.set(written, (into.get(written) ?? 0) + 1);
    i += n;
  }
}

/** Find the corpus themes from each source's ranked keyphrases. */
export function findThemes(keyphrases: readonly (readonly Keyphrase[])[], index: CorpusIndex, options: Readonly<ThemeOptions> = defaultThemeOptions): ThemeCluster[] {
  // Pool the phrases by stem; weight = sum over sources of the phrase's score relative to that source's best.
  const pooled = new Map<string, { text: string; weight: number; best: number }>();
  keyphrases.forEach((list) => {
    const top = list.slice(0, options.perSource);
    const max = Math.max(...top.map((k) => k.score), 1e-9);
    for (const k of top) {
      const key = stemPhrase(k.text);
      if (!key) continue;
      const w = k.score / max;
      const p = pooled.get(key);
      if (!p) pooled.set(key, { text: k.text, weight: w, best: w });
      else {
        p.weight += w;
        if (w > p.best || (w === p.best && k.text < p.text)) Object.assign(p, { text: k.text, best: w });
      }
    }
  });
  // Only the best-weighted phrases are clustered: the pool grows with the corpus, and comparing
  // every phrase with every other (then linking clusters) is quadratic, cubic, in its size.
  const keys = [...pooled.keys()]
    .sort((a, b) => pooled.get(b)!.weight - pooled.get(a)!.weight || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxPooledPhrases)
    .sort();
  // Context vector and sources of each phrase: the sum of the TF-IDF vectors of the sentences using it.
  const sum = new VectorSum(index.stems.length);
  const count = new Int32Array(index.stems.length);
  const { tokens, start, content, idfById } = index;
  const runs = new Map<number, WordRuns>();
  const runsOf = (s: number) => runs.get(s) ?? runs.set(s, wordRunsOf(index.text[s])).get(s)!;
  const phrases = keys.map((key) => {
    const counts = new Map<number, number>();
    const surfaces = new Map<string, number>();
    // A "phrase" of hundreds of characters is unsplit text, not a name to look for.
    const phraseText = pooled.get(key)!.text;
    const surfaceWords = phraseText.length > maxSurfaceLength ? null : wordsOf(phraseText);
    // Phrases as common as the corpus's own subject ("pakistan", "relations") name no theme (see
    // `generic` below): known from the count alone, before their many sentences are read.
    // More than `cut` sentences means at least 5 and a share above maxShare.
    const cut = Math.max(4, Math.floor(options.maxShare * Math.max(1, index.size)));
    const using = sentencesWith(index, key, cut);
    if (using.length > cut) return null;
    for (let u = 0; u < using.length; u++) {
      const s = using[u];
      // Term counts of the sentence, in the order its terms first occur, weighed by IDF.
      const terms: number[] = [];
      for (let k = start[s]; k < start[s + 1]; k++) if (content[k] && count[tokens[k]]++ === 0) terms.push(tokens[k]);
      for (const id of terms) {
        sum.add(id, count[id] * idfById[id]);
        count[id] = 0;
      }
      counts.set(index.source[s], (counts.get(index.source[s]) ?? 0) + 1);
      if (surfaceWords && u < writtenSample) countWritten(index.text[s], runsOf(s), surfaceWords, surfaces);
    }
    const vector = sum.take();
    // Name the phrase as the sources most often write it ("South Asia", "Afghan Taliban").
    const written = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (written && written.toLowerCase().replace(/[\s-]+/g, ' ') === pooled.get(key)!.text.toLowerCase().replace(/[\s-]+/g, ' ')) pooled.get(key)!.text = written;
    const most = Math.max(...counts.values());
    const sources = [...counts.entries()].filter(([, n]) => n >= Math.min(2, most)).map(([i]) => i).sort((a, b) => a - b);
    const used = [...counts.values()].reduce((x, y) => x + y, 0);
    // Phrases as common as the corpus's own subject ("pakistan", "relations") name no theme.
    const share = used / Math.max(1, index.size);
    const single = !key.includes(' ');
    // (In a small corpus a phrase must still be used often before it counts as generic.)
    const generic = used >= 5 && (share > options.maxShare || (single && share > options.maxShare / 3 && !/^[A-Z]{2,}$/.test(pooled.get(key)!.text)));
    return { key, text: pooled.get(key)!.text, weight: pooled.get(key)!.weight * Math.log(1 / Math.max(share, 1e-6)), vector, norm: vector.norm, sources, generic };
  }).filter((p): p is NonNullable<typeof p> => p !== null && p.norm > 0 && !p.generic);

  // Agglomerative clustering, average linkage; ties broken by the lower cluster indices.
  const sim = cosineMatrix(phrases.map((p) => p.vector), index.stems.length);
  let clusters: number[][] = phrases.map((_, i) => [i]);
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        let total = 0;
        for (const a of clusters[i]) for (const b of clusters[j]) total += sim[a][b];
        const avg = total / (clusters[i].length * clusters[j].length);
        if (avg > best + 1e-12) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0 || best < options.link) break;
    clusters[bi] = [...clusters[bi], ...clusters[bj]].sort((a, b) => a - b);
    clusters = clusters.filter((_, k) => k !== bj);
  }

  const drafts = clusters.map((members) => {
    const ps = members.map((m) => phrases[m]).sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
    const sources = [...new Set(ps.flatMap((p) => p.sources))].sort((a, b) => a - b);
    const weight = ps.reduce((s, p) => s + p.weight, 0);
    return { ps, label: labelOf(ps.map((p) => p.text)), sources, score: Number((weight * sources.length).toFixed(6)) };
  });
  // Themes across the corpus first: more sources, then weight; a theme of one source only if room remains.
  const kept = drafts
    .filter((t) => t.sources.length > 0)
    .sort((a, b) => Number(b.sources.length > 1) - Number(a.sources.length > 1) || b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, options.max);
  // A theme's vector (the sum of its phrases' unit vectors) only for the themes kept.
  return kept.map(({ ps, label, sources, score }) => {
    for (const p of ps) for (let k = 0; k < p.vector.ids.length; k++) sum.add(p.vector.ids[k], p.vector.values[k] * (1 / p.norm));
    const sparse = sum.take();
    const vector: TermVector = new Map();
    for (let k = 0; k < sparse.ids.length; k++) vector.set(index.stems[sparse.ids[k]], sparse.values[k]);
    return { label, keyphrases: ps.map((p) => p.text), sources, score, vector, norm: sparse.norm, keys: ps.map((p) => p.key) };
  });
}

/** Is `short` an acronym of `long` ("SCO" of "Shanghai Cooperation Organization", "US" of "United States")? */
export function isAcronymOf(short: string, long: string): boolean {
  if (!/^\p{Lu}[\p{Lu}\p{N}&]+s?$/u.test(short)) return false;
  const letters = short.replace(/s$/, '').replace(/&/g, '').toLowerCase();
  const words = long.split(/[\s-]+/).filter(Boolean);
  const initials = (ws: string[]) => ws.map((w) => w[0]!.toLowerCase()).join('');
  return words.length > 1 && (letters === initials(words) || letters === initials(words.filter((w) => !isStopWord(w.toLowerCase()))));
}

/**
 * A readable label: the strongest phrase, joined with the next one that adds new words. An acronym
 * of the first phrase adds nothing ("Shanghai Cooperation Organization and SCO"); an acronym
 * first gives way to its expansion when that is among the phrases.
 */
export function labelOf(phrases: readonly string[]): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (!phrases.length) return 'Theme';
  const expansion = phrases.slice(1).find((p) => isAcronymOf(phrases[0], p));
  const first = expansion ?? phrases[0];
  const seen = new Set(wordsOf(first).map(stemWord));
  const second = phrases.slice(1).find((p) => p !== first && !isAcronymOf(p, first) && !isAcronymOf(first, p) && wordsOf(p).every((w) => !seen.has(stemWord(w))));
  return second && wordsOf(first).length + wordsOf(second).length <= 6 ? `${cap(first)} and ${second}` : cap(first);
}

/** Themes an item belongs to: the closest theme, and any other nearly as close; items naming a theme's phrase lean to it. */
export function themesOfItem(text: string, themes: readonly ThemeCluster[], index: CorpusIndex): number[] {
  if (!themes.length) return [];
  const v = vectorOf(text, index);
  const vn = norm(v);
  const stems = ` ${stemPhrase(text)} `;
  const scores = themes.map((t) => cosine(v, t.vector, vn, t.norm) + (t.keys.some((k) => stems.includes(` ${k} `)) ? 0.1 : 0));
  const best = Math.max(...scores);
  if (best < 0.05) return [];
  return scores.map((s, i) => [s, i] as const).filter(([s]) => s >= best * 0.85).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 2).map(([, i]) => i);
}

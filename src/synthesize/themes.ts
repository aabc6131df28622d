/**
 * Themes across the corpus. The body sentences are factorised into topics (non-negative matrix
 * factorisation of their TF-IDF weights), started from the sources' strongest keyphrases that differ
 * most, so a topic is a set of words the sentences use together ("taliban ttp afghan attack").
 * Each pooled keyphrase (represented by the sentences that use it) names the topic it is closest
 * to; a theme is a topic with a name: labelled by its most central phrases, discussed by the
 * sources with enough sentences mainly about it, and holding the findings and recommendations
 * closest to it.
 *
 * Notices printed in several sources and the words of academic prose ("section", "results", "we
 * present") are kept out of the topics: on the 209 NUS papers they made two of the six themes.
 *
 * Phrases used to be clustered directly (by the similarity of their sentences), which left themes
 * of one or two phrases, labels joining unrelated ones and findings placed at cosines of 0.05–0.1.
 */
import type { Keyphrase } from '../model/document.js';
import { cosine, norm, type TermVector } from '../analyze/text/vectors.js';
import { factorize, type SparseRow } from './factorize.js';
import { stemPhrase, stemWord, wordsOf } from '../analyze/text/stem.js';
import { genericWords, isStopWord } from '../analyze/text/stopwords.js';
import { sentencesWith, vectorOf, type CorpusIndex } from './corpus-index.js';
import { repeatedAcrossSources } from './notices.js';

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
  /** Cosine between a phrase's sentences and a topic below which the phrase does not name it. */
  minAffinity: number;
  /** Largest share of corpus sentences a phrase may occur in and still name a theme. */
  maxShare: number;
}

/** Most phrases considered for themes, whatever the corpus size. */
const maxPooledPhrases = 240;
/** Sentences factorised into topics at most (every n-th above it). */
const maxRows = 5_000;
/** Fewest terms a sentence needs to say what it is about. */
const minRowTerms = 4;
/** Multiplicative-update rounds: on the bundled papers 50 give the six subjects of 100 and 200 (one label gains a second phrase) at half the cost. */
const factorIterations = 50;
/** Fewest sentences that must use a phrase for it to name a theme. */
const minPhraseSentences = 2;
/** A second phrase joins a theme's label when its affinity is at least this share of the first's. */
const labelShare = 0.75;
/** Phrases listed for a theme at most. */
const maxThemePhrases = 6;
/** A source discusses a theme when at least this share of its sentences is mainly about it. */
const minSourceShare = 0.05;
/** A source discusses a theme most of all when its share is at least this many times the sources' mean. */
const leadRatio = 1.25;
/** Sources named as discussing a theme most of all, at most. */
const maxLeads = 3;
/** Topic weights below this are left out of a theme's vector (noise from the starting spread). */
const minTopicWeight = 1e-4;

export const defaultThemeOptions: Readonly<ThemeOptions> = { max: 6, perSource: 15, minAffinity: 0.2, maxShare: 0.06 };

/** A theme before ids are given. */
export interface ThemeCluster {
  label: string;
  keyphrases: string[];
  /** Indices of the sources that discuss it, ascending. */
  sources: number[];
  /**
   * Those that discuss it most of all (the largest share of their sentences about it, well above
   * the sources' mean), largest share first; none when the sources discuss it about equally.
   */
  leads: number[];
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
  // Only the best-weighted phrases are considered: the pool grows with the corpus, and each
  // phrase's sentences are read to place it.
  const keys = [...pooled.keys()]
    .sort((a, b) => pooled.get(b)!.weight - pooled.get(a)!.weight || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxPooledPhrases)
    .sort();
  // Context vector of each phrase: the sum of the TF-IDF vectors of the sentences using it.
  const sum = new VectorSum(index.stems.length);
  const count = new Int32Array(index.stems.length);
  const { tokens, start, content, idfById } = index;
  const runs = new Map<number, WordRuns>();
  const runsOf = (s: number) => runs.get(s) ?? runs.set(s, wordRunsOf(index.text[s])).get(s)!;
  const candidates = keys.map((key) => {
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
      if (surfaceWords && u < writtenSample) countWritten(index.text[s], runsOf(s), surfaceWords, surfaces);
    }
    const vector = sum.take();
    // Name the phrase as the sources most often write it ("South Asia", "Afghan Taliban").
    const written = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (written && written.toLowerCase().replace(/[\s-]+/g, ' ') === pooled.get(key)!.text.toLowerCase().replace(/[\s-]+/g, ' ')) pooled.get(key)!.text = written;
    const used = using.length;
    // Phrases as common as the corpus's own subject ("pakistan", "relations") name no theme.
    const share = used / Math.max(1, index.size);
    const single = !key.includes(' ');
    // (In a small corpus a phrase must still be used often before it counts as generic.)
    const generic = used >= 5 && (share > options.maxShare || (single && share > options.maxShare / 3 && !/^[A-Z]{2,}$/.test(pooled.get(key)!.text)));
    return { used, key, text: pooled.get(key)!.text, weight: pooled.get(key)!.weight * Math.log(1 / Math.max(share, 1e-6)), vector, norm: vector.norm, generic };
  });
  // A phrase of one sentence says what that sentence is about, not what the corpus discusses.
  const phrases = candidates.filter((p): p is NonNullable<typeof p> => p !== null && p.norm > 0 && !p.generic && p.used >= minPhraseSentences);

  if (!phrases.length) return [];

  // Topics of the corpus's sentences, started from the strongest phrases that differ most.
  const terms = index.stems.length;
  const { rows, sentence, stemOf } = sentenceRows(index);
  const seeds = pickSeeds(phrases, options.max, terms).map((seed) => Float64Array.from(stemOf, (id) => seed[id]));
  const factors = factorize(rows, stemOf.length, seeds, factorIterations);
  const { weights } = factors;
  // Topics back over all stems (those in no row weigh 0).
  const topics = factors.topics.map((c) => {
    const full = new Float64Array(terms);
    for (let x = 0; x < stemOf.length; x++) full[stemOf[x]] = c[x];
    return full;
  });
  const k = topics.length;

  // Each phrase names the topic its sentences are closest to, when close enough.
  const members: (typeof phrases)[] = topics.map(() => []);
  const affinity = new Map<string, number>();
  for (const p of phrases) {
    let best = -1;
    let score = 0;
    for (let t = 0; t < k; t++) {
      let d = 0;
      for (let q = 0; q < p.vector.ids.length; q++) d += p.vector.values[q] * topics[t][p.vector.ids[q]];
      d /= p.norm;
      if (d > score) {
        score = d;
        best = t;
      }
    }
    if (best >= 0 && score >= options.minAffinity) {
      members[best].push(p);
      affinity.set(p.key, score);
    }
  }

  // A source discusses a topic when enough of its sentences are mainly about it.
  let sourceCount = 0;
  for (let i = 0; i < index.size; i++) sourceCount = Math.max(sourceCount, index.source[i] + 1);
  const rowsOfSource = new Int32Array(sourceCount);
  const mainly = new Int32Array(sourceCount * k);
  const mass = new Float64Array(k);
  for (let i = 0; i < rows.length; i++) {
    const src = index.source[sentence[i]];
    rowsOfSource[src]++;
    let best = 0;
    for (let t = 0; t < k; t++) {
      mass[t] += weights[i * k + t];
      if (weights[i * k + t] > weights[i * k + best]) best = t;
    }
    if (weights[i * k + best] > 0) mainly[src * k + best]++;
  }
  let total = 0;
  for (let t = 0; t < k; t++) total += mass[t];

  const drafts = topics.flatMap((topic, t) => {
    if (!members[t].length) return [];
    const ps = withoutFragments(members[t].sort((a, b) => affinity.get(b.key)! - affinity.get(a.key)! || a.text.localeCompare(b.text))).slice(0, maxThemePhrases);
    // Named by its most central phrase, and a second one only when nearly as central.
    const naming = ps.filter((p) => affinity.get(p.key)! >= labelShare * affinity.get(ps[0].key)!);
    const sources: number[] = [];
    const shares: number[] = [];
    for (let src = 0; src < sourceCount; src++) {
      const n = mainly[src * k + t];
      shares.push(rowsOfSource[src] ? n / rowsOfSource[src] : 0);
      if (n > 0 && n >= minSourceShare * rowsOfSource[src]) sources.push(src);
    }
    const share = total > 0 ? mass[t] / total : 0;
    return [{ t, topic, ps, label: labelOf(naming.map((p) => p.text)), sources, leads: leadsOf(shares), score: Number((share * Math.max(1, sources.length)).toFixed(6)) }];
  });
  // Themes across the corpus first: more sources, then weight; a theme of one source only if room remains.
  const kept = drafts
    .filter((d) => d.sources.length > 0)
    .sort((a, b) => Number(b.sources.length > 1) - Number(a.sources.length > 1) || b.score - a.score || a.label.localeCompare(b.label));
  return kept.map(({ topic, ps, label, sources, leads, score }) => {
    // The topic's terms, in id order, as the vector items are compared with.
    const vector: TermVector = new Map();
    let s = 0;
    for (let j = 0; j < terms; j++) {
      if (topic[j] < minTopicWeight) continue;
      vector.set(index.stems[j], topic[j]);
      s += topic[j] * topic[j];
    }
    return { label, keyphrases: ps.map((p) => p.text), sources, leads, score, vector, norm: Math.sqrt(s), keys: ps.map((p) => p.key) };
  });
}

/**
 * The sources that discuss a theme most of all, given each source's share of sentences mainly about
 * it: "discussed by 5 of 5 sources" tells a reader little when every paper touches on a subject;
 * where to read more about it does. Those whose share is well above the sources' mean (and enough to
 * count as discussing it), largest first; none when that is every source touching on it.
 */
export function leadsOf(shares: readonly number[]): number[] {
  const touching = shares.filter((x) => x > 0).length;
  if (touching < 2) return [];
  const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
  const floor = Math.max(minSourceShare, leadRatio * mean);
  const leads = shares
    .map((x, src) => ({ x, src }))
    .filter(({ x }) => x >= floor)
    .sort((a, b) => b.x - a.x || a.src - b.src)
    .map(({ src }) => src);
  return leads.length < touching ? leads.slice(0, maxLeads) : [];
}

/**
 * The phrases without those that are mostly read as part of a longer one: "Pakistan relations" is
 * dropped beside "US-Pakistan relations" when half its uses are in it; "Cold War" stays beside the
 * rarer "Cold War era".
 */
function withoutFragments<T extends { key: string; used: number }>(ps: readonly T[]): T[] {
  return ps.filter((p) => !ps.some((q) => q !== p && q.key.length > p.key.length && ` ${q.key} `.includes(` ${p.key} `) && 2 * q.used >= p.used));
}

/**
 * Words that say how a paper is written, not what it is about ("in section 3 we present the results
 * shown in table 2"): left out of the topics, or a corpus of papers gets a theme of its prose.
 */
const proseWords: readonly string[] = [...genericWords, 'present', 'presents', 'presented', 'propose', 'proposed', 'describe', 'described', 'discuss', 'discussed', 'consider', 'considered', 'provide', 'provides', 'provided'];

/** FNV-1a of a text's UTF-16 units, as an unsigned 32-bit number. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The sentences as rows of TF-IDF weights over the terms used in two sentences or more (a term of
 * one sentence joins no topic), unit length, those with too few terms left out; above `maxRows`,
 * a sample of about `maxRows` sentences, so the work stays bounded on a corpus of hundreds of sources.
 */
export function sentenceRows(index: CorpusIndex): { rows: SparseRow[]; sentence: Int32Array; stemOf: Int32Array } {
  const { tokens, start, content, idfById } = index;
  const rare = Math.log((index.size + 1) / 2);
  // Above maxRows, a sentence is read when a hash of its text falls below the share kept: the same
  // sentences whatever else the corpus holds, so a source added or removed does not shift which of
  // the others are read (taking every n-th sentence did, and re-drew most themes).
  const keep = index.size > maxRows ? Math.floor((maxRows / index.size) * 0x100000000) : Infinity;
  const count = new Int32Array(index.stems.length);
  const plain = new Uint8Array(index.stems.length);
  for (const w of proseWords) {
    const id = index.ids.get(stemWord(w));
    if (id !== undefined) plain[id] = 1;
  }
  const boilerplate = repeatedAcrossSources(index);
  const rows: SparseRow[] = [];
  const sentence: number[] = [];
  for (let s = 0; s < index.size; s++) {
    if (boilerplate.has(s) || (keep !== Infinity && textHash(index.text[s]) >= keep)) continue;
    const ids: number[] = [];
    for (let k = start[s]; k < start[s + 1]; k++) {
      const id = tokens[k];
      if (content[k] && !plain[id] && idfById[id] > 0 && idfById[id] <= rare && count[id]++ === 0) ids.push(id);
    }
    if (ids.length >= minRowTerms) {
      const values = new Float64Array(ids.length);
      let sum = 0;
      for (let q = 0; q < ids.length; q++) {
        values[q] = count[ids[q]] * idfById[ids[q]];
        sum += values[q] * values[q];
      }
      const len = Math.sqrt(sum);
      for (let q = 0; q < ids.length; q++) values[q] /= len;
      rows.push({ ids: Int32Array.from(ids), values });
      sentence.push(s);
    }
    for (const id of ids) count[id] = 0;
  }
  // Rows over the terms they use only (ids in ascending stem order): the factorisation reads every
  // term of every topic at each round, and half the stems of a corpus are in no row.
  const used = new Uint8Array(index.stems.length);
  for (const r of rows) for (const id of r.ids) used[id] = 1;
  const stemOf: number[] = [];
  const compact = new Int32Array(index.stems.length);
  for (let id = 0; id < used.length; id++) if (used[id]) compact[id] = stemOf.push(id) - 1;
  for (const r of rows) for (let q = 0; q < r.ids.length; q++) r.ids[q] = compact[r.ids[q]];
  return { rows, sentence: Int32Array.from(sentence), stemOf: Int32Array.from(stemOf) };
}

/**
 * Starting topics: the context vectors (unit, dense) of the best-weighted phrase, then of the phrase
 * that best combines weight with distance from those already taken, until there are `max`.
 */
function pickSeeds(phrases: readonly { vector: IdVector; norm: number; weight: number }[], max: number, terms: number): Float64Array[] {
  const dense = (p: { vector: IdVector; norm: number }) => {
    const out = new Float64Array(terms);
    for (let q = 0; q < p.vector.ids.length; q++) out[p.vector.ids[q]] = p.vector.values[q] / p.norm;
    return out;
  };
  const taken: Float64Array[] = [];
  // Largest cosine of each phrase with the seeds taken so far.
  const near = new Float64Array(phrases.length);
  const used = new Uint8Array(phrases.length);
  while (taken.length < Math.min(max, phrases.length)) {
    let best = -1;
    let score = -Infinity;
    for (let i = 0; i < phrases.length; i++) {
      if (used[i]) continue;
      const s = phrases[i].weight * (1 - near[i]);
      if (s > score) {
        score = s;
        best = i;
      }
    }
    used[best] = 1;
    const seed = dense(phrases[best]);
    taken.push(seed);
    for (let i = 0; i < phrases.length; i++) {
      const { ids, values } = phrases[i].vector;
      let d = 0;
      for (let q = 0; q < ids.length; q++) d += values[q] * seed[ids[q]];
      near[i] = Math.max(near[i], d / phrases[i].norm);
    }
  }
  return taken;
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

/**
 * Themes an item belongs to, closest first, with how close it is: the closest theme, and any other
 * nearly as close; items naming a theme's phrase lean to it. An item far from every theme belongs
 * to none: on the bundled papers, items below a cosine of 0.1 with the topics were on other
 * subjects than the theme they joined.
 */
export function themesOfItem(text: string, themes: readonly ThemeCluster[], index: CorpusIndex): { theme: number; fit: number }[] {
  if (!themes.length) return [];
  const v = vectorOf(text, index);
  const vn = norm(v);
  const stems = ` ${stemPhrase(text)} `;
  const scores = themes.map((t) => cosine(v, t.vector, vn, t.norm) + (t.keys.some((k) => stems.includes(` ${k} `)) ? 0.05 : 0));
  const best = Math.max(...scores);
  if (best < 0.1) return [];
  return scores
    .map((fit, theme) => ({ theme, fit }))
    .filter(({ fit }) => fit >= best * 0.85)
    .sort((a, b) => b.fit - a.fit || a.theme - b.theme)
    .slice(0, 2);
}

/**
 * Meaning of claims, for agreement and disagreement across sources. A sentence becomes the
 * IDF-weighted mean of its content words' vectors (see word-vectors.ts), less the mean over the
 * corpus: every paper on one subject shares its vocabulary, and what is left after removing that
 * common direction is what a sentence says in particular. Similarity blends that semantic cosine
 * with the TF-IDF cosine of the stems, so a paraphrase ("pullout" / "withdrawal") scores and two
 * sentences sharing only the subject's words do not.
 *
 * The features that make two similar sentences the same claim or opposite ones are read here too:
 * the dates and figures a sentence states (inline citations masked), its negation, and the named
 * things (capitalised words, acronyms) it is about.
 */
import { maskCitations } from '../analyze/body-text.js';
import { isStopWord } from '../analyze/text/stopwords.js';
import { stemWord } from '../analyze/text/stem.js';
import { cosine, norm, type TermVector } from '../analyze/text/vectors.js';
import { vectorOf, type CorpusIndex } from './corpus-index.js';
import { wordVectors, type WordVectors } from './word-vectors.js';

/** A sentence read for comparison. */
export interface Claim {
  text: string;
  /** Unit semantic vector (corpus mean removed), or null when no word has a vector. */
  meaning: Float32Array | null;
  /** TF-IDF vector of stems, and its norm. */
  terms: TermVector;
  termNorm: number;
  /** Years stated (citations masked): "2020". */
  years: Set<string>;
  /** Months with years stated: "2020-02". */
  months: Set<string>;
  /** Other figures stated ("170", "1,000" as "1000", "79%"). */
  figures: Set<string>;
  /** Whether the sentence negates its claim ("did not", "no longer", "never"). */
  negated: boolean;
  /** Stems of the named things it mentions (capitalised words not opening the sentence, acronyms). */
  names: Set<string>;
  /** Its content words: stem, IDF weight and unit vector (null when the word has none). */
  words: ClaimWord[];
}

/** A content word of a claim. */
export interface ClaimWord {
  /** Index of the word among the text's words (for weighting by distance). */
  at: number;
  stem: string;
  weight: number;
  vector: Float32Array | null;
}

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthRe = new RegExp(`\\b(${monthNames.join('|')})\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d\\d)\\b|\\b\\d{1,2}\\s+(${monthNames.join('|')}),?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
// "not only … but also" (and "not just", "not merely") adds, it does not deny
const negation = /\b(?:not(?!\s+(?:only|just|merely|simply|least)\b)|no|never|neither|nor|cannot|without|n't|fail(?:ed|s)? to|lack(?:s|ed)?|unable)\b|n't\b/i;

/** The builder of claims over one corpus (its IDF and mean meaning). */
export interface ClaimSpace {
  read(text: string): Claim;
  /** The content words of a text (lower-cased tokens counted by `at`, numbers included in the count). */
  words(text: string): ClaimWord[];
}

function contentWords(text: string, index: CorpusIndex, vectors: WordVectors | null): ClaimWord[] {
  const out: ClaimWord[] = [];
  const seen = new Set<string>();
  let at = -1;
  for (const m of text.toLowerCase().matchAll(/[a-z0-9][a-z0-9'’-]*/g)) {
    at++;
    for (const w of m[0].split(/['’-]/)) {
      if (w.length < 3 || isStopWord(w) || /\d/.test(w)) continue;
      const stem = stemWord(w);
      if (seen.has(stem)) continue;
      seen.add(stem);
      out.push({ at, stem, weight: index.idf.get(stem) ?? 1, vector: vectors?.get(w) ?? null });
    }
  }
  return out;
}

function embed(text: string, index: CorpusIndex, vectors: WordVectors): Float32Array | null {
  const out = new Float32Array(vectors.dimensions);
  let total = 0;
  for (const m of text.toLowerCase().matchAll(/[a-z][a-z'’-]*[a-z]/g)) {
    for (const w of m[0].split(/['’-]/)) {
      if (w.length < 3 || isStopWord(w)) continue;
      const v = vectors.get(w);
      if (!v) continue;
      const weight = index.idf.get(stemWord(w)) ?? 1;
      for (let i = 0; i < out.length; i++) out[i] += v[i] * weight;
      total += weight;
    }
  }
  if (!total) return null;
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}

function unitMinus(v: Float32Array, mean: Float32Array | null): Float32Array {
  const out = new Float32Array(v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    out[i] = v[i] - (mean ? mean[i] : 0);
    s += out[i] * out[i];
  }
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) out[i] /= n;
  return out;
}

/** Build the claim reader for a corpus: the mean meaning is taken over its body sentences. */
export function claimSpace(index: CorpusIndex): ClaimSpace {
  const vectors = wordVectors();
  let mean: Float32Array | null = null;
  if (vectors) {
    mean = new Float32Array(vectors.dimensions);
    let n = 0;
    // A sample of at most 4000 sentences is enough for the mean and keeps large corpora fast.
    const step = Math.max(1, Math.floor(index.size / 4000));
    for (let i = 0; i < index.size; i += step) {
      const e = embed(index.text[i], index, vectors);
      if (!e) continue;
      for (let k = 0; k < mean.length; k++) mean[k] += e[k];
      n++;
    }
    if (n) for (let k = 0; k < mean.length; k++) mean[k] /= n;
  }
  return {
    words: (text) => contentWords(text, index, vectors),
    read(text) {
      const masked = maskCitations(text);
      const e = vectors ? embed(text, index, vectors) : null;
      const terms = vectorOf(text, index);
      const months = new Set<string>();
      for (const m of masked.matchAll(monthRe)) {
        const month = monthNames.indexOf((m[1] ?? m[3]).toLowerCase()) + 1;
        months.add(`${m[2] ?? m[4]}-${String(month).padStart(2, '0')}`);
      }
      const years = new Set([...masked.matchAll(/\b(?:19|20)\d\d\b(?!\s*%)/g)].map((m) => m[0]));
      const figures = new Set(
        [...masked.replace(/\b(?:19|20)\d\d\b/g, ' ').matchAll(/\b\d[\d,]*(?:\.\d+)?\s*%?/g)].map((m) => m[0].replace(/[,\s]/g, '')).filter((f) => f.length > 1 || f.endsWith('%')),
      );
      const names = new Set<string>();
      // "U.S." is the name "US"; a hyphen joins two names ("Taliban-US").
      const tokens = [...masked.replace(/\bU\.\s?S\.(?:\s?A\.)?/g, 'US').matchAll(/[\p{L}][\p{L}\p{N}'’]*/gu)];
      tokens.forEach((m, k) => {
        const w = m[0].replace(/['’]s$/, '');
        if (k > 0 && /^\p{Lu}/u.test(w) && (/^\p{Lu}{2,}$/u.test(w) || !isStopWord(w.toLowerCase()))) names.add(stemWord(w.toLowerCase()));
      });
      const words = contentWords(masked, index, vectors);
      return { text, meaning: e ? unitMinus(e, mean) : null, terms, termNorm: norm(terms), years, months, figures, negated: negation.test(masked), names, words };
    },
  };
}

/** Semantic similarity alone (cheap: a 100-dimension dot product), for a first cut of many pairs; null without vectors. */
export function semanticSimilarity(a: Claim, b: Claim): number | null {
  return a.meaning && b.meaning ? dot(a.meaning, b.meaning) : null;
}

/** Cosine of two unit vectors. */
function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Semantic and lexical similarity of two claims, and their blend (0..1). */
export function similarity(a: Claim, b: Claim): { semantic: number; lexical: number; blend: number } {
  const lexical = a.termNorm && b.termNorm ? cosine(a.terms, b.terms, a.termNorm, b.termNorm) : 0;
  const semantic = a.meaning && b.meaning ? Math.max(0, dot(a.meaning, b.meaning)) : lexical;
  return { semantic, lexical, blend: 0.5 * semantic + 0.5 * lexical };
}

/** Word-to-word closeness: 1 for one stem, else the part of the vectors' cosine above `floor`, rescaled to 0..1. */
function wordCloseness(a: ClaimWord, b: ClaimWord, floor: number): number {
  if (a.stem === b.stem) return 1;
  if (!a.vector || !b.vector) return 0;
  const c = dot(a.vector, b.vector);
  return c > floor ? (c - floor) / (1 - floor) : 0;
}

function coverage(a: readonly ClaimWord[], b: readonly ClaimWord[], floor: number): number {
  let got = 0;
  let total = 0;
  for (const w of a) {
    let best = 0;
    for (const v of b) {
      const c = wordCloseness(w, v, floor);
      if (c > best) best = c;
      if (best === 1) break;
    }
    got += w.weight * best;
    total += w.weight;
  }
  return total ? got / total : 0;
}

/**
 * Soft word alignment of two claims: each content word matched to its closest word of the other
 * (same stem, or near in meaning: "pullout" / "withdrawal", "mistrust" / "distrust"), weighted by
 * IDF, both ways; the harmonic mean of the two coverages (0..1).
 */
export function alignment(a: Claim, b: Claim, floor = 0.5): number {
  return alignWords(a.words, b.words, floor);
}

/** `alignment` over two lists of weighted words. */
export function alignWords(a: readonly ClaimWord[], b: readonly ClaimWord[], floor = 0.5): number {
  const x = coverage(a, b, floor);
  const y = coverage(b, a, floor);
  return x + y ? (2 * x * y) / (x + y) : 0;
}

/** Whether two sets share a member. */
export function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * The body sentences of the corpus, read once per synthesis: each sentence as a run of stem ids
 * (its words, lower-cased and Porter-stemmed, in order), which of them are content terms, the IDF of
 * every content term over the sentences, and an inverted index from stem to the sentences using it.
 *
 * Looking a phrase up is then a walk along the postings of its rarest stem, not a scan of every
 * sentence, so the work of synthesis grows with the corpus, not with corpus × phrases.
 */
import type { SourceAnalysis } from '../model/document.js';
import { bodySentences } from '../analyze/body-text.js';
import { stemWord, wordsOf } from '../analyze/text/stem.js';
import type { TermVector } from '../analyze/text/vectors.js';
import { contentTerms, countTerms, isContentWord, weigh } from '../analyze/text/vectors.js';

/** The sentences of the corpus with their stems, built once per synthesis. */
export interface CorpusIndex {
  /** Number of body sentences. */
  size: number;
  /** Source index of each sentence. */
  source: Int32Array;
  /** Cleaned text of each sentence. */
  text: string[];
  /** Stem ids of all sentences, one after the other; sentence `i` is `tokens[start[i]..start[i + 1])`. */
  tokens: Int32Array;
  start: Int32Array;
  /** 1 where the token is a content term (not a stop word, a number or one letter). */
  content: Uint8Array;
  /** Stem of each id, and the id of each stem. */
  stems: string[];
  ids: Map<string, number>;
  /** IDF of each stem as a content term (0 for a stem never used as one). */
  idfById: Float64Array;
  /** IDF by stem, for vectors of texts outside the corpus. */
  idf: Map<string, number>;
  /** Sentences using each stem, ascending: `postings[postingStart[id]..postingStart[id + 1])`. */
  postings: Int32Array;
  postingStart: Int32Array;
}

/** Index every body sentence of every source (but those in `skip`, by source index). */
export function indexCorpus(analyses: readonly SourceAnalysis[], skip: ReadonlySet<number> = new Set()): CorpusIndex {
  return indexSentences(analyses.flatMap((a, i) => (skip.has(i) ? [] : bodySentences(a.doc).map((s) => ({ source: i, text: s.text })))));
}

/** Index a list of sentences, each with the index of its source. */
export function indexSentences(sentences: readonly { source: number; text: string }[]): CorpusIndex {
  const ids = new Map<string, number>();
  const stems: string[] = [];
  // Per distinct word: stem id × 2 + 1 when it is a content term (tokenising and stemming once per word).
  const wordCode = new Map<string, number>();
  const codeOf = (w: string): number => {
    let c = wordCode.get(w);
    if (c === undefined) {
      const s = stemWord(w);
      let id = ids.get(s);
      if (id === undefined) {
        id = stems.length;
        ids.set(s, id);
        stems.push(s);
      }
      // Content words as vectorOf counts them, so the index's IDF and the vectors agree.
      c = id * 2 + (isContentWord(w) ? 1 : 0);
      wordCode.set(w, c);
    }
    return c;
  };
  const source: number[] = [];
  const text: string[] = [];
  const start: number[] = [0];
  // Room for a word every four characters (English prose averages one per six), so the arrays are
  // rarely regrown; each regrowth copies them and, at hundreds of sources, stresses the collector.
  let chars = 0;
  for (const s of sentences) chars += s.text.length;
  let tokens = new Int32Array(Math.max(1024, Math.ceil(chars / 4)));
  let content = new Uint8Array(tokens.length);
  let n = 0;
  for (const s of sentences) {
    const words = wordsOf(s.text);
    if (n + words.length > tokens.length) {
      const size = Math.max(Math.ceil(tokens.length * 1.5), n + words.length);
      const t = new Int32Array(size);
      t.set(tokens);
      tokens = t;
      const c = new Uint8Array(size);
      c.set(content);
      content = c;
    }
    for (const w of words) {
      const code = codeOf(w);
      tokens[n] = code >> 1;
      content[n] = code & 1;
      n++;
    }
    source.push(s.source);
    text.push(s.text);
    start.push(n);
  }
  const size = text.length;
  const starts = Int32Array.from(start);
  tokens = tokens.subarray(0, n);
  content = content.subarray(0, n);

  // Document frequencies: of content terms (for IDF) and of stems (for the postings), each once per sentence.
  const v = stems.length;
  const contentDf = new Int32Array(v);
  const stemDf = new Int32Array(v);
  const seenStem = new Int32Array(v).fill(-1);
  const seenContent = new Int32Array(v).fill(-1);
  // The order in which content terms are first met, so the IDF map iterates as it always did.
  const firstMet: number[] = [];
  for (let s = 0; s < size; s++) {
    for (let k = starts[s]; k < starts[s + 1]; k++) {
      const id = tokens[k];
      if (seenStem[id] !== s) {
        seenStem[id] = s;
        stemDf[id]++;
      }
      if (content[k] && seenContent[id] !== s) {
        if (seenContent[id] === -1) firstMet.push(id);
        seenContent[id] = s;
        contentDf[id]++;
      }
    }
  }
  const idfById = new Float64Array(v);
  const idf = new Map<string, number>();
  for (const id of firstMet) {
    idfById[id] = Math.log((size + 1) / contentDf[id]);
    idf.set(stems[id], idfById[id]);
  }
  const postingStart = new Int32Array(v + 1);
  for (let id = 0; id < v; id++) postingStart[id + 1] = postingStart[id] + stemDf[id];
  const postings = new Int32Array(postingStart[v]);
  const fill = postingStart.slice(0, v);
  seenStem.fill(-1);
  for (let s = 0; s < size; s++) {
    for (let k = starts[s]; k < starts[s + 1]; k++) {
      const id = tokens[k];
      if (seenStem[id] !== s) {
        seenStem[id] = s;
        postings[fill[id]++] = s;
      }
    }
  }
  return { size, source: Int32Array.from(source), text, tokens, start: starts, content, stems, ids, idfById, idf, postings, postingStart };
}

/** Stem ids of a stemmed key ("border secur"), or null when a stem never occurs in the corpus. */
function idsOfKey(index: CorpusIndex, key: string): number[] | null {
  const out: number[] = [];
  for (const s of key.split(' ')) {
    const id = index.ids.get(s);
    if (id === undefined) return null;
    out.push(id);
  }
  return out;
}

/**
 * Sentences (ascending) whose stems contain `key` (stems joined by single spaces) as consecutive
 * words: what `' ' + stems + ' '` containing `' ' + key + ' '` meant, without reading every sentence.
 * With `limit`, the search stops once more than `limit` sentences are found (for a count that only
 * needs to know whether it passes a bound).
 */
export function sentencesWith(index: CorpusIndex, key: string, limit = Infinity): number[] {
  const want = key ? idsOfKey(index, key) : null;
  if (!want || !want.length) return [];
  // Walk the postings of the rarest stem of the key.
  let rare = want[0];
  for (const id of want) if (index.postingStart[id + 1] - index.postingStart[id] < index.postingStart[rare + 1] - index.postingStart[rare]) rare = id;
  const { tokens, start, postings } = index;
  const from = index.postingStart[rare];
  const to = index.postingStart[rare + 1];
  if (want.length === 1) return Array.from(postings.subarray(from, Math.min(to, from + limit + 1)));
  const out: number[] = [];
  for (let p = from; p < to && out.length <= limit; p++) {
    const s = postings[p];
    const last = start[s + 1] - want.length;
    for (let k = start[s]; k <= last; k++) {
      let j = 0;
      while (j < want.length && tokens[k + j] === want[j]) j++;
      if (j === want.length) {
        out.push(s);
        break;
      }
    }
  }
  return out;
}

/** TF-IDF vector of any text against the corpus (terms the corpus never uses weigh 0). */
export function vectorOf(text: string, index: CorpusIndex): TermVector {
  return weigh(countTerms(contentTerms(text)), index.idf);
}


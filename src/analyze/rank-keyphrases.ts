/**
 * Corpus-level keyphrase ranking: the per-source candidate features of collectCandidates combined
 * with document frequencies across all sources. Scoring follows the ideas of KP-Miner (TF-IDF with
 * a boost for multi-word phrases and a cut-off on late first occurrence), PositionRank (weight of
 * early occurrences) and YAKE (spread and casing-free statistics), re-derived, not copied.
 */
import type { CandidateFeatures, CandidateStats, Keyphrase } from '../model/document.js';

/** Weights of the keyphrase score (general defaults, not fitted per data set). */
export interface KeyphraseWeights {
  /** Exponent of the IDF factor. */
  idf: number;
  /** How fast the score decays with the relative position of the first occurrence. */
  early: number;
  /** Multiplier by phrase length in words (index 1..4). */
  length: readonly number[];
  /** Multiplier for a phrase in the title. */
  title: number;
  /** Added multiplier per occurrence in the lead (at most two counted). */
  lead: number;
  /** Weight of spread (last − first occurrence). */
  spread: number;
  /** Weight of occurrences as a modifier inside a longer noun phrase (1 = counted like the rest). */
  modifier: number;
  /** Frequency transform: 0 for log2(1 + tf), else tf to this power. */
  tfPower: number;
  /** Added to the IDF (smoothing: with +1, phrases in every source still score). */
  idfFloor: number;
  /** Multiplier for a phrase that heads a section heading. */
  heading: number;
  /** Exponent of the position weight (sum of 1/(1 + word offset) over occurrences, as in PositionRank). */
  position: number;
  /** Phrases first met after this many words score `lateFactor` times less (KP-Miner's cut-off). */
  cutoff: number;
  lateFactor: number;
  /** Phrases seen fewer times than this score `rareFactor` times less (KP-Miner's least allowable frequency). */
  minTf: number;
  rareFactor: number;
  /**
   * Factor for a phrase nearly always seen inside one longer phrase ("cooperation organization" inside
   * "Shanghai Cooperation Organization"): the longer one is the keyphrase.
   */
  incomplete: number;
  /** Multiplier for a phrase the source spells out with an acronym ("network address translation (NAT)"). */
  acronym: number;
  /** Multiplier for a phrase ending in a generic noun ("response time", "clustering method"). */
  genericHead: number;
  /** Factor per kept phrase already sharing a word with this one (1 = no diversity). */
  diversity: number;
}

const defaultKeyphraseWeights: Readonly<KeyphraseWeights> = {
  idf: 1,
  early: 20,
  length: [0, 1, 2.2, 2.4, 2],
  title: 2,
  lead: 0.5,
  spread: 1,
  modifier: 0.3,
  tfPower: 0,
  idfFloor: 1,
  // A phrase naming a section is what that part is about: counted like the title.
  heading: 2,
  // A mild PositionRank factor: early and repeated mentions weigh a little more.
  position: 0.2,
  cutoff: 1e9,
  lateFactor: 1,
  minTf: 1,
  rareFactor: 1,
  incomplete: 0.5,
  diversity: 0.9,
  // A term the source defines with an acronym is one of its own terms (its acronym's mentions
  // already count as its own, see collectCandidates); 1.5 is flat from 1 to 2 on NUS.
  acronym: 1.5,
  // "response time" may be a term; "clustering method" rarely is: half weight (0.5 and 0.7 tie
  // on the even NUS ids, 0 and 1 are worse).
  genericHead: 0.5,
};

/** Options of rankKeyphrases. */
export interface RankKeyphrasesOptions {
  /** How many keyphrases to keep per source. */
  limit: number;
  /**
   * Single-word keyphrases: 'all'; 'distinctive' (only acronyms, or words rare in a
   * corpus large enough to tell, so "region" in five papers on one region does not make the list); or
   * 'none' (phrases of two words or more only). `true`/`false` mean 'all'/'none'.
   */
  singleWords: 'all' | 'distinctive' | 'none' | boolean;
  weights: Readonly<KeyphraseWeights>;
}

export const defaultRankKeyphrasesOptions: Readonly<RankKeyphrasesOptions> = { limit: 15, singleWords: 'distinctive', weights: defaultKeyphraseWeights };

/** Corpus size from which document frequency can tell a distinctive word from a common one. */
const minCorpusForRarity = 20;
/**
 * A single word is distinctive when at most this share of the sources use it as a candidate. In a
 * corpus of one field a topic word ("scheduling", "entropy") is shared by many sources, so one in
 * ten was too strict. On NUS (F1@10, even ids where it was chosen / odd ids held out): 0.2 gives
 * 0.305/0.299, 0.3 gives 0.307/0.301, 0.35 gives 0.306/0.301, 0.4 falls to 0.302/0.295.
 */
const maxShareOfDistinctive = 0.3;

/** May this candidate be kept under the single-word policy? */
function admits(c: CandidateFeatures, df: number, n: number, policy: RankKeyphrasesOptions['singleWords']): boolean {
  if (c.words > 1 || policy === 'all' || policy === true) return true;
  if (policy === 'none' || policy === false) return false;
  if (/^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(c.text)) return true;
  return n >= minCorpusForRarity && df / n <= maxShareOfDistinctive;
}

/** Inverse document frequency against the rest of the corpus (smoothed so one source still ranks). */
function idfOf(df: number, n: number, floor: number): number {
  return Math.log((n + 1) / df) + floor;
}

/** Score of one candidate in its source. */
export function scoreCandidate(c: CandidateFeatures, idf: number, w: Readonly<KeyphraseWeights> = defaultKeyphraseWeights): number {
  // Earliest mention: a phrase first used deep in a long text is rarely what it is about.
  const early = 1 / Math.log2(2 + w.early * c.first);
  const spread = 1 + w.spread * (Math.min(1, c.last - c.first + (c.sections > 1 ? 0.25 : 0)) - 0.5);
  const length = w.length[Math.min(c.words, w.length.length - 1)];
  const title = c.title ? w.title : 1;
  const lead = 1 + Math.min(2, c.lead) * w.lead;
  const head = c.head;
  const tf = head + w.modifier * (c.tf - head);
  const late = c.firstWord > w.cutoff ? w.lateFactor : 1;
  const rare = c.tf < w.minTf ? w.rareFactor : 1;
  const acronym = c.acronym ? w.acronym : 1;
  const genericHead = c.genericHead ? w.genericHead : 1;
  return late * rare * (w.position ? Math.pow(c.position, w.position) : 1) * (w.tfPower > 0 ? Math.pow(tf, w.tfPower) : Math.log2(1 + tf)) * (c.heading ? w.heading : 1) * Math.pow(idf, w.idf) * early * spread * length * title * lead * acronym * genericHead;
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
    // Highest frequency of a longer phrase containing each phrase.
    const within = new Map<string, number>();
    // Read once: a source's candidates are a dictionary of thousands of keys.
    const entries = Object.entries(cs);
    for (const [key, c] of entries) {
      // Word bounds in the key: each shorter phrase inside it is one slice (no arrays joined).
      const starts = [0];
      const ends: number[] = [];
      for (let k = key.indexOf(' '); k >= 0; k = key.indexOf(' ', k + 1)) {
        ends.push(k);
        starts.push(k + 1);
      }
      ends.push(key.length);
      for (let i = 0; i < starts.length; i++) {
        for (let j = i; j < ends.length; j++) {
          if (i === 0 && j === ends.length - 1) continue;
          const sub = key.slice(starts[i], ends[j]);
          if ((within.get(sub) ?? 0) < c.tf) within.set(sub, c.tf);
        }
      }
    }
    // The best candidates, best first (ties by key): kept in order as they come instead of
    // sorting thousands of candidates per source to read the first few dozen.
    type Scored = { key: string; text: string; c: CandidateFeatures; score: number; words?: string[] };
    const before = (x: Scored, y: Scored) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
    const size = Math.max(opts.limit * 5, 50);
    const pool: Scored[] = [];
    for (const [key, c] of entries) {
      if (!admits(c, df.get(key) ?? 1, n, opts.singleWords)) continue;
      const part = (within.get(key) ?? 0) >= 0.75 * c.tf ? opts.weights.incomplete : 1;
      const x = { key, text: c.text, c, score: part * scoreCandidate(c, idfOf(df.get(key) ?? 1, n, opts.weights.idfFloor), opts.weights) };
      if (!(x.score > 0) || (pool.length === size && before(x, pool[size - 1]!) >= 0)) continue;
      let at = pool.length;
      while (at > 0 && before(x, pool[at - 1]!) < 0) at--;
      pool.splice(at, 0, x);
      if (pool.length > size) pool.pop();
    }
    const out: Keyphrase[] = [];
    const kept: { key: string; tf: number }[] = [];
    const keptWords = new Map<string, number>();
    // Greedy selection with a penalty for words already covered by kept phrases (diversity).
    while (out.length < opts.limit && pool.length) {
      let best = -1;
      let bestScore = -Infinity;
      for (let i = 0; i < pool.length; i++) {
        const x = pool[i];
        let covered = 0;
        for (const w of (x.words ??= x.key.split(' '))) covered = Math.max(covered, keptWords.get(w) ?? 0);
        const s = x.score * Math.pow(opts.weights.diversity, covered);
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      }
      const [x] = pool.splice(best, 1);
      // A phrase that never occurs apart from a kept longer one adds nothing.
      if (kept.some((k) => k.tf >= x.c.tf && (` ${k.key} `).includes(` ${x.key} `))) continue;
      kept.push({ key: x.key, tf: x.c.tf });
      for (const w of x.words ?? x.key.split(' ')) keptWords.set(w, (keptWords.get(w) ?? 0) + 1);
      out.push({ text: x.text, score: Number(bestScore.toFixed(6)) });
    }
    return out;
  });
}

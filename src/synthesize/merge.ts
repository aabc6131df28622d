/**
 * Merging near-duplicates across sources: items whose TF-IDF vectors are close are one item with
 * every citation kept. Clusters are built by linking pairs above a threshold (union-find), a link
 * joining two groups only when their first items are alike too; the pairs are found through an
 * index of rare terms, not by comparing all pairs.
 */
import { contentTerms, cosine, countTerms, inverseFrequencies, norm, weigh, type TermVector } from '../analyze/text/vectors.js';

/** Item to merge: its text and where it comes from. */
export interface Mergeable {
  text: string;
  /** Index of the source in corpus order. */
  source: number;
  start: number;
}

/**
 * Every pair (i < j, sorted) whose cosine similarity may reach `threshold` (above 0): no pair that
 * reaches it is left out, and pairs that share no heavy rare term are never listed.
 *
 * Prefix filtering, as in all-pairs similarity search: each vector's terms are taken rarest first,
 * and only the shortest prefix whose remaining terms weigh less than `threshold` of its norm is
 * indexed. Two vectors sharing no term in that prefix have cosine below the threshold (the shared
 * terms all lie in the rest, whose part of the dot product is at most its norm times the other
 * vector's), so probing the index with all terms of the other vector finds every pair that counts.
 * Common terms ("pakistan" in a corpus on Pakistan) are rarely indexed, so the work follows the
 * pairs that could be similar, not all pairs.
 */
export function similarPairs(vectors: readonly TermVector[], norms: readonly number[], threshold: number): [number, number][] {
  const df = new Map<string, number>();
  for (const v of vectors) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  // A little below the threshold, so that rounding never drops a pair exactly at it.
  const bound = threshold * (1 - 1e-9);
  const postings = new Map<string, number[]>();
  const stamp = new Int32Array(vectors.length).fill(-1);
  const out: [number, number][] = [];
  vectors.forEach((v, i) => {
    if (norms[i] === 0) return;
    const found: number[] = [];
    for (const t of v.keys()) {
      const list = postings.get(t);
      if (list) for (const j of list) if (stamp[j] !== i) {
        stamp[j] = i;
        found.push(j);
      }
    }
    for (const j of found.sort((a, b) => a - b)) out.push([j, i]);
    const terms = [...v.keys()].sort(rarestFirst);
    let rest = 0;
    let p = terms.length;
    // Drop terms from the common end while what is dropped stays below the bound.
    while (p > 0) {
      const w = v.get(terms[p - 1])!;
      if (Math.sqrt(rest + w * w) / norms[i] >= bound) break;
      rest += w * w;
      p--;
    }
    for (let k = 0; k < p; k++) (postings.get(terms[k]) ?? postings.set(terms[k], []).get(terms[k])!).push(i);
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Groups of indices of near-duplicate items (similarity ≥ threshold, and `compatible`), each
 * group sorted, groups ordered by their first member. Pairs are taken in index order; a pair
 * joins two groups only when the groups' first items are near-duplicates as well. `blockOf`, when given, must return equal
 * keys for every compatible pair: only items in one block are compared. `identityOf`, when given,
 * says which items `compatible` cannot tell apart: items with the same text and identity (and a
 * vector that is not empty) are one item, compared once. Without it only an always-true
 * `compatible` lets equal texts be taken as one. `threshold` must be above 0.
 */
export function nearDuplicateGroups<T extends Mergeable>(
  items: readonly T[],
  threshold: number,
  compatible?: (a: T, b: T) => boolean,
  background: readonly (readonly string[])[] = [],
  blockOf?: (item: T) => string,
  identityOf?: (item: T) => string,
): number[][] {
  if (!(threshold > 0)) throw new RangeError(`Unexpected threshold ${threshold}, expected a similarity above 0`);
  const { vectors, norms } = vectorsOf(items.map((i) => i.text), background);
  const parent = items.map((_, i) => i);
  // Iterative with path halving: a recursive find can overflow the stack on a long chain.
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (i: number, j: number): void => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const similar = (i: number, j: number) => cosine(vectors[i], vectors[j], norms[i], norms[j]) >= threshold && (!compatible || compatible(items[i], items[j]));
  // Copies of one text (a sentence repeated by many sources) join their first copy at once; only
  // the first copies are compared. An empty vector is similar to nothing, so it is never merged.
  const identity = identityOf ?? (compatible ? null : () => '');
  const first = new Map<string, number>();
  const blocks = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (norms[i] === 0) return;
    const k = blockOf ? blockOf(item) : '';
    if (identity) {
      const key = `${k}\u0000${identity(item)}\u0000${item.text}`;
      const at = first.get(key);
      if (at !== undefined) {
        union(at, i);
        return;
      }
      first.set(key, i);
    }
    (blocks.get(k) ?? blocks.set(k, []).get(k)!).push(i);
  });
  for (const members of blocks.values()) {
    for (const [x, y] of similarPairs(members.map((m) => vectors[m]), members.map((m) => norms[m]), threshold)) {
      const i = members[x];
      const j = members[y];
      // The cheap test first: `compatible` may compare the texts again.
      if (!similar(i, j)) continue;
      // Two groups join only when their first items are alike too: otherwise single linkage chains
      // unrelated points through sentences that straddle both (a paragraph spliced at a page break).
      const a = find(i);
      const b = find(j);
      if (a === b || (a === i && b === j) || similar(a, b)) union(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

/**
 * Vectors of a list of texts, weighted by IDF over that list plus an optional background; each
 * distinct text is read once (corpora repeat sentences).
 */
function vectorsOf(texts: readonly string[], background: readonly (readonly string[])[] = []): { vectors: TermVector[]; norms: number[] } {
  const termsOf = new Map<string, string[]>();
  for (const t of texts) if (!termsOf.has(t)) termsOf.set(t, contentTerms(t));
  const idf = inverseFrequencies([...texts.map((t) => termsOf.get(t)!), ...background]);
  const byText = new Map<string, { vector: TermVector; norm: number }>();
  for (const [t, terms] of termsOf) {
    const vector = weigh(countTerms(terms), idf);
    byText.set(t, { vector, norm: norm(vector) });
  }
  return { vectors: texts.map((t) => byText.get(t)!.vector), norms: texts.map((t) => byText.get(t)!.norm) };
}

/**
 * Merging near-duplicates across sources: items whose TF-IDF vectors are close are one item with
 * every citation kept. Clusters are built by single linkage over pairs above a threshold
 * (union-find), visiting pairs in a fixed order so the result is deterministic.
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
 * Pairs worth comparing. Up to 400 items, all pairs; beyond, only items sharing one of their three
 * heaviest terms (blocking: two items with cosine similarity ≥ 0.5 almost always do), each block
 * cut to `maxBlock` members, so thousands of items are not compared all against all. Pairs come
 * sorted, so results stay deterministic.
 */
export function candidatePairs(vectors: readonly TermVector[], maxBlock = 200): [number, number][] {
  const out: [number, number][] = [];
  if (vectors.length <= 400) {
    for (let i = 0; i < vectors.length; i++) for (let j = i + 1; j < vectors.length; j++) out.push([i, j]);
    return out;
  }
  const blocks = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    const top = [...v.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
    for (const [t] of top) {
      const b = blocks.get(t) ?? blocks.set(t, []).get(t)!;
      if (b.length < maxBlock) b.push(i);
    }
  });
  const seen = new Set<number>();
  for (const b of blocks.values()) {
    for (let x = 0; x < b.length; x++) {
      for (let y = x + 1; y < b.length; y++) {
        const key = b[x] * vectors.length + b[y];
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([b[x], b[y]]);
      }
    }
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * Groups of indices of near-duplicate items (similarity ≥ threshold, and `compatible`), each
 * group sorted, groups ordered by their first member. `blockOf`, when given, must return equal
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
    for (const [x, y] of candidatePairs(members.map((m) => vectors[m]))) {
      const i = members[x];
      const j = members[y];
      // The cheap test first: `compatible` may compare the texts again.
      if (cosine(vectors[i], vectors[j], norms[i], norms[j]) >= threshold && (!compatible || compatible(items[i], items[j]))) union(i, j);
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
export function vectorsOf(texts: readonly string[], background: readonly (readonly string[])[] = []): { vectors: TermVector[]; norms: number[] } {
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

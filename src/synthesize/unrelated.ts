/**
 * Off-topic sources: a source whose vocabulary shares little with the rest of the corpus (a
 * computing paper in a folder of papers on foreign policy). Each source's TF-IDF profile (its body
 * sentences' content stems) is compared with the profile of all the other sources together; a
 * source far less like the rest than the sources typically are is unrelated. Such a source is
 * still summarised on its own, but kept out of cross-source themes, agreements and disagreements.
 */
import type { CorpusIndex } from './corpus-index.js';

/** Fewer sources than this have no "rest of the corpus" to judge against. */
const minSources = 3;

/** A source is unrelated below this share of the corpus's median closeness to the rest… */
const relativeFloor = 0.4;

/** …and below this closeness outright (papers on one subject sit well above it). */
const absoluteFloor = 0.25;

/** Each source's closeness (cosine) to the rest of the corpus, by source index. */
export function closenessToRest(index: CorpusIndex, sourceCount: number): number[] {
  const profiles = Array.from({ length: sourceCount }, () => new Map<number, number>());
  const total = new Map<number, number>();
  for (let i = 0; i < index.size; i++) {
    const p = profiles[index.source[i]];
    if (!p) continue;
    for (let k = index.start[i]; k < index.start[i + 1]; k++) {
      if (!index.content[k]) continue;
      const id = index.tokens[k];
      const w = index.idfById[id];
      p.set(id, (p.get(id) ?? 0) + w);
      total.set(id, (total.get(id) ?? 0) + w);
    }
  }
  return profiles.map((p) => {
    let dot = 0;
    let own = 0;
    let rest = 0;
    for (const [id, total_] of total) {
      const a = p.get(id) ?? 0;
      const b = total_ - a;
      dot += a * b;
      own += a * a;
      rest += b * b;
    }
    return own && rest ? dot / Math.sqrt(own * rest) : 0;
  });
}

/** Indices of the sources unrelated to the rest of the corpus, with each one's closeness. */
export function unrelatedSources(index: CorpusIndex, sourceCount: number): Map<number, number> {
  const out = new Map<number, number>();
  if (sourceCount < minSources) return out;
  const close = closenessToRest(index, sourceCount);
  const sorted = [...close].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  close.forEach((c, i) => {
    if (c < absoluteFloor && c < relativeFloor * median) out.set(i, c);
  });
  return out;
}

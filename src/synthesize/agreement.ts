/**
 * Agreement between sources beyond exact duplicates: two findings (or two recommendations to the
 * same actors) from different sources agree when their TF-IDF vectors are close and they share a
 * distinctive two-word phrase ("border security", "regional connectivity"). Groups are built by
 * union-find over such pairs in a fixed order.
 */
import { cosine, norm } from '../analyze/text/vectors.js';
import { isStopWord } from '../analyze/text/stopwords.js';
import { stemWord } from '../analyze/text/stem.js';
import { sentencesWith, vectorOf, type CorpusIndex } from './corpus-index.js';

/** An item that may agree with others. */
export interface AgreementItem {
  text: string;
  sourceIds: readonly string[];
  /** Canonical actors (recommendations); items with different actors never agree. */
  actors?: readonly string[];
}

/** A group of agreeing items: their indices, and the phrase they share. */
export interface AgreementGroup {
  members: number[];
  phrase: string | null;
}

/** Below this many sentences for `maxShare`, a corpus is small (see isCommon in findAgreements). */
const smallCorpusShare = 8;

/** Two words may form a phrase across white space or a hyphen ("cross-border"), not across punctuation. */
const joiner = /^[\s\-\u2010\u2011]+$/u;

/**
 * Content-word bigrams of a text: stemmed key → surface form. Words are split as the corpus index
 * splits them (runs of letters and digits), so every key can be looked up there, and "Pakistan's"
 * is the word "pakistan" (an excluded actor) plus an "s" too short to count.
 */
function bigrams(text: string, exclude: ReadonlySet<string>): Map<string, string> {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [wa, wb] = [words[i], words[i + 1]];
    const a = wa[0].toLowerCase();
    const b = wb[0].toLowerCase();
    if (isStopWord(a) || isStopWord(b) || a.length < 3 || b.length < 3 || /\d/.test(a + b)) continue;
    if (!joiner.test(text.slice(wa.index + wa[0].length, wb.index))) continue;
    const [sa, sb] = [stemWord(a), stemWord(b)];
    if (exclude.has(sa) || exclude.has(sb)) continue;
    const key = `${sa} ${sb}`;
    if (!out.has(key)) out.set(key, text.slice(wa.index, wb.index + wb[0].length).replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * Groups of agreeing items (two or more distinct sources in each). `exclude` lists stems that
 * cannot make a shared phrase on their own account (actor names, the corpus's own subject).
 */
export function findAgreements(items: readonly AgreementItem[], index: CorpusIndex, threshold: number, exclude: ReadonlySet<string> = new Set(), maxShare = 0.01): AgreementGroup[] {
  const vectors = items.map((i) => vectorOf(i.text, index));
  const norms = vectors.map((v) => norm(v));
  const grams = items.map((i) => bigrams(i.text, exclude));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const shared = new Map<string, string>();
  // A phrase in more than `maxShare` of the corpus's sentences ("South Asia" in papers on South Asia)
  // shows no agreement. In a small corpus (that share under `smallCorpusShare` sentences) a handful
  // passes it, so the phrase must also be in most of the sources: four sentences of two reports out
  // of four naming "fast-track accreditation" are a point those two share, not the corpus's subject.
  let sourceCount = 0;
  for (let i = 0; i < index.size; i++) sourceCount = Math.max(sourceCount, index.source[i] + 1);
  const common = new Map<string, boolean>();
  const isCommon = (key: string) => {
    let c = common.get(key);
    if (c === undefined) {
      const most = Math.max(3, maxShare * index.size);
      const small = most < smallCorpusShare;
      const hits = sentencesWith(index, key, small ? 64 : Math.floor(most));
      c = hits.length > most && (!small || hits.length > 64 || new Set(hits.map((s) => index.source[s])).size * 2 > sourceCount);
      common.set(key, c);
    }
    return c;
  };
  // Pairs sharing a bigram that is not common: only they can agree (pairs in sorted order).
  const byGram = new Map<string, number[]>();
  grams.forEach((g, i) => {
    for (const k of g.keys()) (byGram.get(k) ?? byGram.set(k, []).get(k)!).push(i);
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [k, list] of byGram) {
    if (list.length < 2 || isCommon(k)) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x] * items.length + list[y];
        if (!seen.has(key)) {
          seen.add(key);
          pairs.push([list[x], list[y]]);
        }
      }
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [i, j] of pairs) {
    const a = items[i];
    const b = items[j];
    if (a.sourceIds.every((s) => b.sourceIds.includes(s)) && b.sourceIds.every((s) => a.sourceIds.includes(s))) continue;
    if (a.actors && b.actors && (!a.actors.length || a.actors.join('|') !== b.actors.join('|'))) continue;
    if (cosine(vectors[i], vectors[j], norms[i], norms[j]) < threshold) continue;
    const common = [...grams[i].keys()].filter((k) => grams[j].has(k) && !isCommon(k)).sort();
    if (!common.length) continue;
    const ri = find(i);
    const rj = find(j);
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    shared.set(`${i}:${j}`, grams[i].get(common[0])!);
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((members) => {
      const head = members.slice(0, 50);
      const phrases = head.flatMap((x, k) => head.slice(k + 1).map((y) => shared.get(`${x}:${y}`))).filter((p): p is string => !!p);
      return { members, phrase: phrases.length ? phrases.sort()[0].toLowerCase() : null };
    })
    .sort((a, b) => a.members[0] - b.members[0]);
}

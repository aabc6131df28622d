/**
 * Notices: what every source of a series prints ("Permission to make digital or hard copies…",
 * "The views expressed in this report are those of the authors"), as opposed to what the sources
 * say. Themes leave every sentence repeated in three sources or more out of their topics; findings
 * and recommendations leave out those repeated sentences that read as notices.
 */
import type { CorpusIndex } from './corpus-index.js';

/** Sources a sentence must be printed in to be a notice rather than what they say. */
const minBoilerplateSources = 3;

/**
 * Sentences whose words (as stems) occur in the same order in three sources or more: notices and
 * disclaimers printed in every paper of a series ("Permission to make digital or hard copies…").
 * Two sources sharing sentences are more often two editions of one report, whose subjects count.
 * Sentences are hashed on their stem ids and compared word by word when the hashes agree.
 */
export function repeatedAcrossSources(index: CorpusIndex): Set<number> {
  let found = repeatedCache.get(index);
  if (!found) repeatedCache.set(index, (found = findRepeated(index)));
  return found;
}
// Synthesis asks for the notices of one index twice (themes, then findings).
const repeatedCache = new WeakMap<CorpusIndex, Set<number>>();

function findRepeated(index: CorpusIndex): Set<number> {
  const { tokens, start } = index;
  const same = (a: number, b: number): boolean => {
    if (start[a + 1] - start[a] !== start[b + 1] - start[b]) return false;
    for (let k = 0; k < start[a + 1] - start[a]; k++) if (tokens[start[a] + k] !== tokens[start[b] + k]) return false;
    return true;
  };
  // Groups of identical sentences under each hash, with the sources they occur in.
  const groups = new Map<number, { sentences: number[]; sources: Set<number> }[]>();
  for (let s = 0; s < index.size; s++) {
    if (start[s + 1] === start[s]) continue;
    let h = 0x811c9dc5;
    for (let k = start[s]; k < start[s + 1]; k++) h = Math.imul(h ^ tokens[k], 0x01000193);
    const list = groups.get(h) ?? groups.set(h, []).get(h)!;
    const group = list.find((g) => same(g.sentences[0], s));
    if (group) {
      group.sentences.push(s);
      group.sources.add(index.source[s]);
    } else list.push({ sentences: [s], sources: new Set([index.source[s]]) });
  }
  const out = new Set<number>();
  for (const list of groups.values()) for (const g of list) if (g.sources.size >= minBoilerplateSources) for (const s of g.sentences) out.add(s);
  return out;
}

/** Fewest words a repeated sentence needs to mark the sentences containing it as notices. */
const minNoticeWords = 6;

/**
 * The words of notices: rights, permissions, disclaimers. A sentence printed in three sources or
 * more is a notice only with one of them, for three editions of a report restate their findings.
 */
const noticeWords = /\b(?:copyright|©|permission|permitted|licen[cs]e[ds]?|rights\s+reserved|all\s+rights|reproduc\w*|republish\w*|redistribut\w*|disclaimer|views\s+expressed|attributed\s+to|personal\s+or\s+classroom|without\s+fee|trademarks?|cite\s+(?:this|as))\b/i;

/**
 * Whether a text is, or contains, a notice: a sentence printed in three sources or more in the words
 * of notices, read whole or glued to a field before it ("Algorithms, Security Permission to make
 * digital…").
 */
export function noticeTest(index: CorpusIndex): (text: string) => boolean {
  const plain = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Notices by their first two words: a text is tested only where a notice could start in it.
  const byOpening = new Map<string, string[]>();
  // A notice is printed many times: each text once.
  for (const raw of new Set([...repeatedAcrossSources(index)].map((s) => index.text[s]))) {
    if (!noticeWords.test(raw)) continue;
    const n = plain(raw);
    const words = n.split(' ');
    if (words.length < minNoticeWords) continue;
    const key = `${words[0]} ${words[1]}`;
    const list = byOpening.get(key) ?? byOpening.set(key, []).get(key)!;
    list.push(n);
  }
  if (!byOpening.size) return () => false;
  return (text) => {
    const t = plain(text);
    const words = t.split(' ');
    let at = 0;
    for (let i = 0; i + 1 < words.length; i++) {
      const list = byOpening.get(`${words[i]} ${words[i + 1]}`);
      // A notice matches at a word start and ends at a word end.
      if (list?.some((n) => t.startsWith(n, at) && (t.length === at + n.length || t[at + n.length] === ' '))) return true;
      at += words[i].length + 1;
    }
    return false;
  };
}

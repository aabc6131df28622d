/**
 * ROUGE-N and ROUGE-L F1 (Lin, 2004), written for `brief eval`. Tokens are lower-cased runs of
 * letters and digits, Porter-stemmed (like ROUGE-1.5.5 with -m); no stop words are removed.
 * ROUGE-L is the longest common subsequence of the two token sequences taken whole.
 */
import { stemWord, wordsOf } from '../analyze/text/stem.js';

/** Precision, recall and F1 of one comparison. */
export interface Prf {
  p: number;
  r: number;
  f: number;
}

/** ROUGE tokens of a text: lower-cased words, Porter-stemmed. */
export function rougeTokens(text: string): string[] {
  return wordsOf(text).map(stemWord);
}

function prf(overlap: number, candidate: number, reference: number): Prf {
  const p = candidate > 0 ? overlap / candidate : 0;
  const r = reference > 0 ? overlap / reference : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** ROUGE-N: clipped n-gram overlap between candidate and reference tokens. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): Prf {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return prf(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence (two-row dynamic programme). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** ROUGE-L: LCS-based precision, recall and F1 (β = 1). */
export function rougeL(candidate: readonly string[], reference: readonly string[]): Prf {
  return prf(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-1, -2 and -L of a candidate text against a reference, the candidate cut to `maxWords` tokens. */
export function rouge(candidate: string, reference: string, maxWords = Infinity): { r1: Prf; r2: Prf; rl: Prf } {
  const c = rougeTokens(candidate).slice(0, maxWords);
  const r = rougeTokens(reference);
  return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeL(c, r) };
}

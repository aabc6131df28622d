/**
 * Agreement across sources by meaning. Every claim (a clause of a body sentence, claim-units.ts) is
 * compared with the claims of the other sources; two claims state the same thing when
 *
 *   - they are close in meaning: their content words align one to one, by the same stem or by
 *     word vectors ("mistrust" / "distrust", "pullout" / "withdrawal"), weighted by how rare each
 *     word is in the corpus, both ways (claim-space.ts `alignment`);
 *   - what aligns is more than one shared phrase: with the longest run of words they share taken
 *     out, the rest still aligns ("the Islamic State Khorasan Province" named in two sentences
 *     about different things is not an agreement);
 *   - they are about the same things: neither names a distinctive party (a rare name: "India",
 *     "Iran") that the other does not, where the other names a distinctive party of its own;
 *   - they state no conflicting dates or figures, and neither is negated where the other is not.
 *
 * Pairs are then joined into agreements, strongest first, one passage per source, each passage in
 * one agreement only.
 */
import type { CorpusIndex } from './corpus-index.js';
import { alignWords, intersects, semanticSimilarity, type Claim, type ClaimWord } from './claim-space.js';
import { candidatePairs, distinctClaims, type ClaimUnit, type DistinctClaim } from './claim-units.js';

/** An agreement found: one passage (unit index) per source, and how closely they agree (0..1). */
export interface FoundAgreement {
  units: number[];
  /** Mean alignment of the pairs that joined it. */
  directness: number;
}

/** Thresholds of agreement (see the module comment). */
export interface AgreementThresholds {
  /** Sentence-vector cosine below which a pair is not compared further (a cheap first cut). */
  semantic: number;
  /** Word alignment a pair needs. */
  alignment: number;
  /** Word alignment left once the longest shared run of words is taken out. */
  residual: number;
  /** IDF from which a name is distinctive (named in fewer than about 1 in e^idf sentences). */
  distinctiveName: number;
  /** IDF from which a word is distinctive of a claim (in fewer than about 1 sentence in e^idf). */
  distinctiveWord: number;
  /** Distinctive words two claims need in common (the same word, or one of like meaning). */
  sharedWords: number;
  /** Most agreements reported: the strongest, so that the list stays one an analyst reads. */
  max: number;
}

/** Chosen on the bundled papers' analyst list (tests/fixtures/synthesis) and checked on the policy PDFs. */
export const defaultAgreementThresholds: AgreementThresholds = { semantic: 0.3, alignment: 0.42, residual: 0.3, distinctiveName: 2.2, distinctiveWord: 2.2, sharedWords: 2, max: 12 };

/** Whether two claims state conflicting dates or figures (both state some, none in common). */
export function conflictingValues(a: Claim, b: Claim): boolean {
  if (a.months.size && b.months.size && !intersects(a.months, b.months)) return true;
  if (a.years.size && b.years.size && !intersects(a.years, b.years)) return true;
  return false;
}

/** Stems of the longest run of consecutive content words two claims share (in order), when it is two words or more. */
export function sharedRun(a: readonly ClaimWord[], b: readonly ClaimWord[]): Set<string> {
  let best: string[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k].stem === b[j + k].stem) k++;
      if (k > best.length) best = a.slice(i, i + k).map((w) => w.stem);
    }
  }
  return new Set(best.length >= 2 ? best : []);
}

/** Whether each claim names a distinctive party the other does not (different subjects). */
function otherParties(a: Claim, b: Claim, index: CorpusIndex, floor: number): boolean {
  const own = (x: Claim, y: Claim) => [...x.names].some((n) => !y.names.has(n) && (index.idf.get(n) ?? floor) >= floor);
  return own(a, b) && own(b, a);
}

/**
 * Distinctive words of `a` that `b` states too (same stem, or a word of like meaning: vector
 * cosine ≥ 0.8). Claims sharing only the corpus's common words ("Pakistan
 * is an important country in the region") share no point.
 */
export function sharedDistinctive(a: readonly ClaimWord[], b: readonly ClaimWord[], floor: number): number {
  let n = 0;
  for (const w of a) {
    if (w.weight < floor) continue;
    if (b.some((v) => v.stem === w.stem || (w.vector && v.vector && closeWords(w.vector, v.vector)))) n++;
  }
  return n;
}

function closeWords(x: Float32Array, y: Float32Array): boolean {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s >= 0.8;
}

/** How closely `b` states the claim `a` states (0 when it does not: see the module comment). */
export function agreementOf(a: Claim, b: Claim, index: CorpusIndex, t: AgreementThresholds = defaultAgreementThresholds): number {
  if (a.negated !== b.negated || conflictingValues(a, b)) return 0;
  const quick = semanticSimilarity(a, b);
  if (quick !== null && quick < t.semantic) return 0;
  if (otherParties(a, b, index, t.distinctiveName) || sharedDistinctive(a.words, b.words, t.distinctiveWord) < t.sharedWords) return 0;
  const s = alignWords(a.words, b.words);
  if (s < t.alignment) return 0;
  // A shared run that is most of both claims is one statement repeated; one that is a part of
  // them must leave the rest aligned too.
  const run = sharedRun(a.words, b.words);
  const share = (ws: readonly ClaimWord[]) => ws.reduce((x, w) => x + (run.has(w.stem) ? w.weight : 0), 0) / (ws.reduce((x, w) => x + w.weight, 0) || 1);
  if (run.size && Math.min(share(a.words), share(b.words)) < 0.6 && alignWords(a.words.filter((w) => !run.has(w.stem)), b.words.filter((w) => !run.has(w.stem))) < t.residual) return 0;
  return s;
}

/**
 * Agreements among the units: pairs of different sources that agree, joined strongest first into
 * groups of one passage per source (a sentence joins one group only; clauses of one sentence are
 * one passage). Groups are ranked by sources, then closeness weighted by the zones they come from.
 *
 * The work is done on distinct clause texts (claim-units.ts `distinctClaims`): a text repeated in
 * several sources is compared once, agrees with itself across them, and brings all its sources
 * into the group it joins. `claims` and `candidates` may be given when already made for the same
 * units (disagreements compare the same pairs).
 */
export function findAgreements(
  units: readonly ClaimUnit[],
  index: CorpusIndex,
  t: AgreementThresholds = defaultAgreementThresholds,
  claims: readonly DistinctClaim[] = distinctClaims(units),
  candidates: readonly (readonly [number, number])[] = candidatePairs(claims, t.distinctiveWord, t.sharedWords),
): FoundAgreement[] {
  const pairs: { i: number; j: number; score: number }[] = [];
  const weigh = (i: number, j: number, s: number) => s * Math.sqrt(claims[i].weight * claims[j].weight);
  claims.forEach((c, i) => {
    // the same words in two sources agree as any other pair does (a bare repeated name does not)
    if (c.sources.length < 2) return;
    const s = agreementOf(c.claim, c.claim, index, t);
    if (s > 0) pairs.push({ i, j: i, score: weigh(i, i, s) });
  });
  for (const [i, j] of candidates) {
    const s = agreementOf(claims[i].claim, claims[j].claim, index, t);
    if (s > 0) pairs.push({ i, j, score: weigh(i, j, s) });
  }
  pairs.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  // Complete link: a passage joins a group only when it agrees with every passage already in it.
  const agree = new Set(pairs.map((p) => `${p.i}:${p.j}`));
  const agrees = (x: number, y: number) => x === y || agree.has(x < y ? `${x}:${y}` : `${y}:${x}`);
  const groupOf = new Map<number, number>(); // sentence → group
  const groups: { claims: number[]; units: number[]; sources: Set<number>; scores: number[] }[] = [];
  // The group of a claim: that of the first of its sentences already in one.
  const grouped = (c: number): number | undefined => {
    for (const u of claims[c].units) {
      const g = groupOf.get(units[u].sentence);
      if (g !== undefined) return g;
    }
    return undefined;
  };
  // A claim's passages enter a group: one per source not yet in it, from sentences in no group.
  const enter = (g: number, c: number) => {
    const group = groups[g];
    for (const u of claims[c].units) {
      const { source, sentence } = units[u];
      if (group.sources.has(source) || groupOf.has(sentence)) continue;
      group.sources.add(source);
      group.units.push(u);
      groupOf.set(sentence, g);
    }
    group.claims.push(c);
  };
  for (const p of pairs) {
    const ga = grouped(p.i);
    const gb = grouped(p.j);
    if (ga !== undefined && gb !== undefined) continue;
    if (ga === undefined && gb === undefined) {
      groups.push({ claims: [], units: [], sources: new Set(), scores: [p.score] });
      enter(groups.length - 1, p.i);
      if (p.j !== p.i) enter(groups.length - 1, p.j);
      continue;
    }
    const [g, c] = ga !== undefined ? [ga, p.j] : [gb!, p.i];
    const group = groups[g];
    if (claims[c].sources.every((s) => group.sources.has(s)) || !group.claims.every((m) => agrees(m, c))) continue;
    enter(g, c);
    group.scores.push(p.score);
  }
  return groups
    .filter((g) => g.sources.size >= 2)
    .map((g) => ({ units: g.units, directness: g.scores.reduce((s, x) => s + x, 0) / g.scores.length }))
    .sort((x, y) => y.units.length * y.directness - x.units.length * x.directness || x.units[0] - y.units[0])
    .slice(0, t.max);
}

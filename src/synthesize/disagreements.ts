/**
 * Disagreement across (and within) sources.
 *
 * - Dates: two dated mentions of the same happening (the same kind of event about the same things,
 *   told in similar words once their dates are blanked) that give different years, or different
 *   months of one year. Dates far apart (more than `sameEventYears`) are taken as two happenings
 *   of one kind (a withdrawal in 1989 and one in 2021), not a conflict.
 * - Judgements: two sentences of different sources making the same statement with opposite
 *   polarity: one negated where the other is not, or one verb of change the opposite of the
 *   other's ("strengthened" / "weakened"), with everything else alike.
 */
import type { SourceAnalysis } from '../model/document.js';
import type { Brief, Citation } from '../model/schema.js';
import { citationOf } from './cite.js';
import { semanticSimilarity, similarity, type ClaimSpace } from './claim-space.js';
import { candidatePairs, distinctClaims, type ClaimUnit, type DistinctClaim } from './claim-units.js';
import { stemWord } from '../analyze/text/stem.js';
import { defaultAgreementThresholds } from './agreements.js';

type Disagreement = NonNullable<Brief['disagreements']>[number];

/** Years apart beyond which two dated mentions are two happenings, not one misdated. */
const sameEventYears = 2;

/** Pairs of opposite directions of change, by stem. General English, not fitted to a corpus. */
const opposites: [string, string][] = [
  ['strengthen', 'weaken'],
  ['increas', 'decreas'],
  ['rise', 'fall'],
  ['improv', 'worsen'],
  ['improv', 'deterior'],
  ['expand', 'shrink'],
  ['grow', 'declin'],
  ['enhanc', 'undermin'],
  ['success', 'failur'],
  ['stabil', 'destabil'],
  ['strong', 'weak'],
].map(([a, b]) => [stemWord(a), stemWord(b)]);

interface DatedMention {
  source: number;
  year: number;
  start: number;
  end: number;
  text: string;
  /** Kind of happening dated (see `happenings`). */
  kind: string;
  /** Stems of the named parties in the clause ("taliban", "us"). */
  names: Set<string>;
}

/**
 * Kinds of one-off happening whose date can be misstated, by the words that name them. Recurring
 * happenings (attacks, talks, visits) are left out: two years for "attacks" are two attacks. These
 * are words of general English for events, not of any one corpus.
 */
const happenings: [string, RegExp][] = [
  ['agreement', /\b(?:agreement|deal|accord|treaty|pact)s?\b/i],
  ['withdrawal', /\b(?:withdrawal|withdrew|pull-?out|troop exit)\b/i],
  ['takeover', /\b(?:takeover|took over|seized|captured|fall of)\b/i],
  ['invasion', /\b(?:invasion|invaded)\b/i],
  ['election', /\b(?:elections?|elected)\b/i],
];

/** The kind of happening a dated clause tells: the happening word nearest its year, when one is within `near` words. */
export function happeningNear(text: string, year: string, near = 15): string | null {
  const at = text.indexOf(year);
  if (at < 0) return null;
  let best: { kind: string; gap: number } | null = null;
  for (const [kind, re] of happenings) {
    for (const m of text.matchAll(new RegExp(re.source, 'gi'))) {
      const from = Math.min(m.index, at);
      const to = Math.max(m.index + m[0].length, at);
      // A happening told after the date across a clause break ("signed in 2021, leading to the
      // withdrawal") is the next thing said, not the thing dated.
      if (m.index > at && /[,;:]/.test(text.slice(at, m.index))) continue;
      const gap = (text.slice(from, to).match(/\S+/g) ?? []).length;
      if (gap <= near && (!best || gap < best.gap)) best = { kind, gap };
    }
  }
  return best?.kind ?? null;
}

function dateConflicts(analyses: readonly SourceAnalysis[], space: ClaimSpace, skip: ReadonlySet<number>): Disagreement[] {
  const mentions: DatedMention[] = [];
  analyses.forEach((a, source) => {
    if (skip.has(source)) return;
    for (const e of a.events) {
      const m = /^(\d{4})/.exec(e.date);
      if (!m || /s$/.test(e.date)) continue;
      const kind = happeningNear(e.text, m[1]);
      if (!kind) continue;
      mentions.push({ source, year: Number(m[1]), start: e.start, end: e.end, text: e.text, kind, names: space.read(e.text).names });
    }
  });
  // Mentions of one happening: same kind, a named party in common, years within `sameEventYears`.
  const groups = new Map<string, DatedMention[]>();
  for (const x of mentions) (groups.get(x.kind) ?? groups.set(x.kind, []).get(x.kind)!).push(x);
  const out: Disagreement[] = [];
  for (const list of groups.values()) {
    const byYear = new Map<number, DatedMention[]>();
    for (const x of list) (byYear.get(x.year) ?? byYear.set(x.year, []).get(x.year)!).push(x);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    for (let i = 0; i < years.length; i++) {
      for (let j = i + 1; j < years.length; j++) {
        if (years[j] - years[i] > sameEventYears) continue;
        const a = byYear.get(years[i])!;
        const b = byYear.get(years[j])!;
        // Named parties in common between the two sides, beyond those every mention of the kind names.
        const shared = (x: DatedMention, y: DatedMention) => [...x.names].some((n) => y.names.has(n));
        const pairs = a.flatMap((x) => b.filter((y) => shared(x, y) && (x.source !== y.source || x.start !== y.start)).map((y) => [x, y] as const));
        if (!pairs.length) continue;
        const sideA = [...new Set(pairs.map((p) => p[0]))];
        const sideB = [...new Set(pairs.map((p) => p[1]))];
        // The side more sources give is the common account; a conflict needs a lone dissent, not two equal camps of a recurring thing.
        const sources = (side: DatedMention[]) => new Set(side.map((x) => x.source)).size;
        if (sources(sideA) > 1 && sources(sideB) > 1) continue;
        const positions = [sideA, sideB].map((side) => ({ summary: String(side[0].year), citations: side.map((x) => citationOf(analyses[x.source].doc, x)) as Citation[] }));
        const lead = [...sideA, ...sideB].sort((x, y) => x.text.length - y.text.length)[0]!;
        out.push({ point: `When the ${lead.kind} took place: ${lead.text}`, kind: 'date', positions });
      }
    }
  }
  return out;
}

function opposite(a: ReturnType<ClaimSpace['read']>, b: ReturnType<ClaimSpace['read']>): boolean {
  if (a.negated !== b.negated) return true;
  for (const [x, y] of opposites) if ((a.terms.has(x) && b.terms.has(y) && !a.terms.has(y) && !b.terms.has(x)) || (a.terms.has(y) && b.terms.has(x) && !a.terms.has(x) && !b.terms.has(y))) return true;
  return false;
}

function judgementConflicts(analyses: readonly SourceAnalysis[], units: readonly ClaimUnit[], claims: readonly DistinctClaim[], candidates: readonly (readonly [number, number])[]): Disagreement[] {
  const out: Disagreement[] = [];
  // Each side cites its first passage in every source stating it.
  const cite = (c: DistinctClaim) => c.sources.map((s) => units[c.units.find((u) => units[u].source === s)!]).map((u) => citationOf(analyses[u.source].doc, u));
  // Two clauses of one sentence may each conflict with the same passage: one disagreement of those passages.
  const told = new Set<string>();
  for (const [i, j] of candidates) {
    const a = claims[i];
    const b = claims[j];
    const quick = semanticSimilarity(a.claim, b.claim);
    if (quick !== null && quick < 0.7) continue;
    const s = similarity(a.claim, b.claim);
    if (s.lexical < 0.5 || s.semantic < 0.7 || !opposite(a.claim, b.claim)) continue;
    const positions = [a, b].map((x) => ({ summary: x.claim.text, citations: cite(x) }));
    const passages = positions.map((p) => p.citations.map((c) => `${c.sourceId}@${c.start}`).join(' ')).join(' | ');
    if (told.has(passages)) continue;
    told.add(passages);
    out.push({ point: a.claim.text, kind: 'judgement', positions });
  }
  return out;
}

/**
 * Disagreements: conflicting dates of one happening, then opposite judgements. Judgements are
 * sought among the pairs agreement compares: sentences making the same statement share their
 * rarer words as claims that agree do (`claims` and `candidates` may be given when already made).
 */
export function findDisagreements(
  analyses: readonly SourceAnalysis[],
  units: readonly ClaimUnit[],
  space: ClaimSpace,
  skip: ReadonlySet<number> = new Set(),
  claims: readonly DistinctClaim[] = distinctClaims(units),
  candidates: readonly (readonly [number, number])[] = candidatePairs(claims, defaultAgreementThresholds.distinctiveWord, defaultAgreementThresholds.sharedWords),
): Disagreement[] {
  return [...dateConflicts(analyses, space, skip), ...judgementConflicts(analyses, units, claims, candidates)];
}

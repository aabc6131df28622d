/**
 * Editions: what changed between two briefs (the last edition's model.json and this one). Items
 * are matched by content, never by id (ids are renumbered every build): sources by their bytes'
 * hash (then path or title, as "changed"), findings and recommendations by normalised text or a
 * shared citation quote, themes by label or overlapping keyphrases. Pure.
 */
import type { Brief, EditionChanges } from '../model/schema.js';

export type { EditionChanges } from '../model/schema.js';
export { formatChanges, formatChangesMarkdown } from './format.js';

/** Lower case, compatibility-folded, punctuation and spacing collapsed: the form texts are compared in. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Quotes shorter than this are too generic to identify a finding on their own.
const minQuoteLength = 24;

interface Matchable {
  text: string;
  citations: { quote: string }[];
}

/**
 * One-to-one matching of two lists: first by equal normalised text, then by a shared citation
 * quote. Returns, for each item of `b`, the index of its match in `a` or -1.
 */
export function matchByContent<T extends Matchable>(a: readonly T[], b: readonly T[]): number[] {
  const used = new Set<number>();
  const match = new Array<number>(b.length).fill(-1);
  const byText = new Map<string, number[]>();
  a.forEach((x, i) => {
    const k = normalizeText(x.text);
    byText.set(k, [...(byText.get(k) ?? []), i]);
  });
  b.forEach((y, j) => {
    const free = (byText.get(normalizeText(y.text)) ?? []).find((i) => !used.has(i));
    if (free !== undefined) {
      used.add(free);
      match[j] = free;
    }
  });
  const byQuote = new Map<string, number[]>();
  a.forEach((x, i) => {
    for (const c of x.citations) {
      const k = normalizeText(c.quote);
      if (k.length >= minQuoteLength) byQuote.set(k, [...(byQuote.get(k) ?? []), i]);
    }
  });
  b.forEach((y, j) => {
    if (match[j] !== -1) return;
    for (const c of y.citations) {
      const k = normalizeText(c.quote);
      if (k.length < minQuoteLength) continue;
      const free = (byQuote.get(k) ?? []).find((i) => !used.has(i));
      if (free !== undefined) {
        used.add(free);
        match[j] = free;
        return;
      }
    }
  });
  return match;
}

/** A theme label's parts in any order: "Strategic partnership and CPEC" is "CPEC and strategic partnership". */
function labelKey(label: string): string {
  return normalizeText(label).split(' and ').sort().join(' and ');
}

/** How many keyphrases two themes share (compared normalised). */
function sharedPhrases(a: readonly string[], b: readonly string[]): number {
  const sb = new Set(b.map(normalizeText));
  return [...new Set(a.map(normalizeText))].filter((x) => sb.has(x)).length;
}

/**
 * The same theme in two editions: equal labels, else keyphrases of which at least two, and at
 * least half of the smaller theme's, are shared. A corpus that grows re-clusters, so a theme
 * often keeps its phrases under a new label; those are renamed, not removed and added.
 */
function matchThemes(a: Brief['themes'], b: Brief['themes']): number[] {
  const used = new Set<number>();
  const match = new Array<number>(b.length).fill(-1);
  b.forEach((t, j) => {
    const i = a.findIndex((s, k) => !used.has(k) && labelKey(s.label) === labelKey(t.label));
    if (i >= 0) {
      used.add(i);
      match[j] = i;
    }
  });
  // Best pairs first, so a theme is not taken by a weaker match that came earlier.
  const pairs: { i: number; j: number; score: number }[] = [];
  b.forEach((t, j) => {
    if (match[j] !== -1) return;
    a.forEach((s, i) => {
      if (used.has(i)) return;
      const shared = sharedPhrases(s.keyphrases, t.keyphrases);
      const smaller = Math.min(new Set(s.keyphrases.map(normalizeText)).size, new Set(t.keyphrases.map(normalizeText)).size);
      if (shared >= 2 && shared * 2 >= smaller) pairs.push({ i, j, score: shared / smaller });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
  for (const { i, j } of pairs) {
    if (used.has(i) || match[j] !== -1) continue;
    used.add(i);
    match[j] = i;
  }
  return match;
}

/** Whether a label names a theme with these keyphrases: one of them, or two joined by "and" (as themes are labelled). */
function labelFits(label: string, keyphrases: readonly string[]): boolean {
  const l = normalizeText(label);
  const ks = keyphrases.map(normalizeText);
  return ks.includes(l) || ks.some((a) => ks.some((b) => a !== b && `${a} and ${b}` === l));
}

/**
 * This edition's themes under the previous edition's labels where a theme is the same one (most of
 * its keyphrases kept) and its old label still names it (still one or two of its keyphrases): the
 * labelling picks the most central phrase, and a few new sources can tip the choice between two
 * phrases of the same subject. A reader following a theme across editions should not see it
 * renamed for that. A theme whose old label no longer fits keeps its new one (and is "renamed").
 */
export function keepThemeLabels(previous: Brief, current: Brief): Brief {
  const match = matchThemes(previous.themes, current.themes);
  const taken = new Set(current.themes.map((t) => labelKey(t.label)));
  // an analyst's label (config overrides) wins over continuity
  const named = new Set((current.overrides?.themes ?? []).map((o) => labelKey(o.to)));
  let kept = 0;
  const themes = current.themes.map((t, j) => {
    const old = match[j] !== -1 ? previous.themes[match[j]!]! : null;
    if (!old || named.has(labelKey(t.label)) || labelKey(old.label) === labelKey(t.label) || taken.has(labelKey(old.label)) || !labelFits(old.label, t.keyphrases)) return t;
    taken.delete(labelKey(t.label));
    taken.add(labelKey(old.label));
    kept++;
    return { ...t, label: old.label };
  });
  return kept ? { ...current, themes } : current;
}

/** The current theme that took up most of a removed theme's keyphrases (at least two, and half of them), if any. */
function mergedInto(removed: Brief['themes'][number], current: Brief['themes']): string | null {
  const own = new Set(removed.keyphrases.map(normalizeText)).size;
  let best: { label: string; shared: number } | null = null;
  for (const t of current) {
    const shared = sharedPhrases(removed.keyphrases, t.keyphrases);
    if (shared >= 2 && shared * 2 >= own && (!best || shared > best.shared)) best = { label: t.label, shared };
  }
  return best?.label ?? null;
}

function unmatched<T>(items: readonly T[], matchedIndices: Iterable<number>): T[] {
  const used = new Set(matchedIndices);
  return items.filter((_, i) => !used.has(i));
}

/**
 * Agreements (points two or more sources make) of two editions, one to one: the same kind, and at
 * least one item in common (an item of the current edition is its match in the previous one).
 * Returns, for each current agreement, the index of its match in the previous edition's or -1.
 */
function matchAgreements(previous: Brief, current: Brief, fMatch: readonly number[], rMatch: readonly number[]): number[] {
  const index = (b: Brief) => ({
    finding: new Map(b.findings.map((f, i) => [f.id, i])),
    recommendation: new Map(b.recommendations.map((r, i) => [r.id, i])),
  });
  const [pi, ci] = [index(previous), index(current)];
  const oldItems = (previous.agreements ?? []).map((a) => new Set(a.ids.map((id) => pi[a.kind].get(id)).filter((i): i is number => i !== undefined)));
  const used = new Set<number>();
  return (current.agreements ?? []).map((a) => {
    const matchOf = a.kind === 'finding' ? fMatch : rMatch;
    const mine = a.ids.map((id) => ci[a.kind].get(id)).filter((j): j is number => j !== undefined).map((j) => matchOf[j]!).filter((i) => i !== -1);
    const k = (previous.agreements ?? []).findIndex((p, n) => !used.has(n) && p.kind === a.kind && mine.some((i) => oldItems[n]!.has(i)));
    if (k >= 0) used.add(k);
    return k;
  });
}

/** What changed from `previous` to `current`, matched by content. */
export function diffBriefs(previous: Brief, current: Brief): EditionChanges {
  // Sources: the same bytes are the same source; the same path or title with new bytes is a changed one.
  const oldByHash = new Map(previous.sources.map((s, i) => [s.sha256, i]));
  const usedOld = new Set<number>();
  const srcMatch = current.sources.map((s) => {
    const i = oldByHash.get(s.sha256);
    if (i !== undefined && !usedOld.has(i)) {
      usedOld.add(i);
      return { i, changed: false };
    }
    return null;
  });
  current.sources.forEach((s, j) => {
    if (srcMatch[j]) return;
    const i = previous.sources.findIndex((p, k) => !usedOld.has(k) && (p.path === s.path || normalizeText(p.title) === normalizeText(s.title)));
    if (i >= 0) {
      usedOld.add(i);
      srcMatch[j] = { i, changed: true };
    }
  });
  const src = (s: Brief['sources'][number]) => ({ id: s.id, title: s.title, path: s.path });

  const fMatch = matchByContent(previous.findings, current.findings);
  const rMatch = matchByContent(previous.recommendations, current.recommendations);
  const tMatch = matchThemes(previous.themes, current.themes);
  const finding = (f: Brief['findings'][number]) => ({ text: f.text, sourceIds: [...new Set(f.citations.map((c) => c.sourceId))] });
  const rec = (r: Brief['recommendations'][number]) => ({ text: r.text, actor: r.actor, sourceIds: [...new Set(r.citations.map((c) => c.sourceId))] });
  const theme = (t: Brief['themes'][number]) => ({ label: t.label, keyphrases: t.keyphrases });
  // Matched (by a shared quote) but worded differently now.
  const reworded = <T extends { text: string }>(prev: readonly T[], cur: readonly T[], match: readonly number[]) =>
    cur.flatMap((x, j) => (match[j] !== -1 && normalizeText(prev[match[j]!]!.text) !== normalizeText(x.text) ? [{ x, from: prev[match[j]!]!.text }] : []));
  // Agreements: only points made by two or more sources count (a brief shows no others).
  const agreed = (b: Brief) => (b.agreements ?? []).map((a, k) => ({ a, k })).filter(({ a }) => new Set(a.sourceIds).size > 1);
  const aMatch = matchAgreements(previous, current, fMatch, rMatch);
  const point = (b: Brief, a: NonNullable<Brief['agreements']>[number]) => {
    const first = a.kind === 'finding' ? b.findings.find((f) => f.id === a.ids[0]) : b.recommendations.find((r) => r.id === a.ids[0]);
    return { kind: a.kind, text: first?.text ?? a.phrase ?? '', sourceIds: [...a.sourceIds] };
  };
  // A point made before by one source only, now by two or more, is a new agreement.
  const wasAgreed = new Set(agreed(previous).map(({ k }) => k));
  const keptAgreements = new Set(agreed(current).filter(({ k }) => wasAgreed.has(aMatch[k]!)).map(({ k }) => aMatch[k]!));

  return {
    since: previous.date,
    sources: {
      added: current.sources.filter((_, j) => !srcMatch[j]).map(src),
      removed: unmatched(previous.sources, usedOld).map(src),
      changed: current.sources.filter((_, j) => srcMatch[j]?.changed).map(src),
      unchanged: srcMatch.filter((m) => m && !m.changed).length,
    },
    themes: {
      added: current.themes.filter((_, j) => tMatch[j] === -1).map(theme),
      removed: unmatched(previous.themes, tMatch).map((t) => ({ ...theme(t), into: mergedInto(t, current.themes) })),
      renamed: current.themes.flatMap((t, j) => (tMatch[j] !== -1 && labelKey(previous.themes[tMatch[j]!]!.label) !== labelKey(t.label) ? [{ from: previous.themes[tMatch[j]!]!.label, to: t.label }] : [])),
      unchanged: tMatch.filter((m, j) => m !== -1 && labelKey(previous.themes[m]!.label) === labelKey(current.themes[j]!.label)).length,
    },
    findings: {
      added: current.findings.filter((_, j) => fMatch[j] === -1).map(finding),
      removed: unmatched(previous.findings, fMatch).map(finding),
      changed: reworded(previous.findings, current.findings, fMatch).map(({ x, from }) => ({ ...finding(x), from })),
      unchanged: fMatch.filter((m) => m !== -1).length - reworded(previous.findings, current.findings, fMatch).length,
    },
    recommendations: {
      added: current.recommendations.filter((_, j) => rMatch[j] === -1).map(rec),
      removed: unmatched(previous.recommendations, rMatch).map(rec),
      changed: reworded(previous.recommendations, current.recommendations, rMatch).map(({ x, from }) => ({ ...rec(x), from })),
      unchanged: rMatch.filter((m) => m !== -1).length - reworded(previous.recommendations, current.recommendations, rMatch).length,
    },
    agreements: {
      added: agreed(current).filter(({ k }) => !wasAgreed.has(aMatch[k]!)).map(({ a }) => point(current, a)),
      removed: agreed(previous).filter(({ k }) => !keptAgreements.has(k)).map(({ a }) => point(previous, a)),
      unchanged: keptAgreements.size,
    },
  };
}

/** The kinds of change `brief diff --fail-on` can name. */
export const changeKinds = ['sources', 'themes', 'findings', 'recommendations', 'agreements'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** Whether anything of `kind` was added, removed or changed. */
export function hasChanged(c: EditionChanges, kind: ChangeKind): boolean {
  switch (kind) {
    case 'sources': return [c.sources.added, c.sources.removed, c.sources.changed].some((l) => l.length > 0);
    case 'themes': return [c.themes.added, c.themes.removed, c.themes.renamed ?? []].some((l) => l.length > 0);
    case 'findings': return [c.findings.added, c.findings.removed, c.findings.changed ?? []].some((l) => l.length > 0);
    case 'recommendations': return [c.recommendations.added, c.recommendations.removed, c.recommendations.changed ?? []].some((l) => l.length > 0);
    case 'agreements': return [c.agreements?.added ?? [], c.agreements?.removed ?? []].some((l) => l.length > 0);
  }
}

/** True when nothing was added, removed or changed. */
export function isUnchanged(c: EditionChanges): boolean {
  return changeKinds.every((k) => !hasChanged(c, k));
}

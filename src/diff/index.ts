/**
 * Editions: what changed between two briefs (the last edition's model.json and this one). Items
 * are matched by content, never by id (ids are renumbered every build): sources by their bytes'
 * hash (then path or title, as "changed"), findings and recommendations by normalised text or a
 * shared citation quote, themes by label or overlapping keyphrases. Pure.
 */
import type { Brief, EditionChanges } from '../model/schema.js';

export type { EditionChanges } from '../model/schema.js';

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
      unchanged: fMatch.filter((m) => m !== -1).length,
    },
    recommendations: {
      added: current.recommendations.filter((_, j) => rMatch[j] === -1).map(rec),
      removed: unmatched(previous.recommendations, rMatch).map(rec),
      unchanged: rMatch.filter((m) => m !== -1).length,
    },
  };
}

/** True when nothing was added, removed or changed. */
export function isUnchanged(c: EditionChanges): boolean {
  return [c.sources.added, c.sources.removed, c.sources.changed, c.themes.added, c.themes.removed, c.themes.renamed ?? [], c.findings.added, c.findings.removed, c.recommendations.added, c.recommendations.removed].every((l) => l.length === 0);
}

/** The changes as plain text for `brief diff` (one item per line, grouped). */
export function formatChanges(c: EditionChanges, labels: { old: string; new: string }): string {
  const lines: string[] = [`Changes from ${labels.old}${c.since ? ` (${c.since})` : ''} to ${labels.new}`];
  const group = (title: string, added: string[], removed: string[], changed: string[] = [], unchanged?: number, changedWord = 'changed') => {
    lines.push('', `${title}: ${added.length} new, ${removed.length} removed${changed.length ? `, ${changed.length} ${changedWord}` : ''}${unchanged !== undefined ? `, ${unchanged} unchanged` : ''}`);
    for (const a of added) lines.push(`  + ${a}`);
    for (const r of removed) lines.push(`  - ${r}`);
    for (const m of changed) lines.push(`  ~ ${m}`);
  };
  const cut = (t: string) => (t.length > 160 ? t.slice(0, 157) + '…' : t);
  group('Sources', c.sources.added.map((s) => `${s.title} (${s.path})`), c.sources.removed.map((s) => `${s.title} (${s.path})`), c.sources.changed.map((s) => `${s.title} (${s.path})`), c.sources.unchanged);
  group(
    'Themes',
    c.themes.added.map((t) => t.label),
    c.themes.removed.map((t) => (t.into ? `${t.label} (merged into ${t.into})` : t.label)),
    (c.themes.renamed ?? []).map((t) => `${t.from} → ${t.to}`),
    c.themes.unchanged,
    'renamed',
  );
  group('Findings', c.findings.added.map((f) => cut(f.text)), c.findings.removed.map((f) => cut(f.text)), [], c.findings.unchanged);
  group('Recommendations', c.recommendations.added.map((r) => cut(r.text)), c.recommendations.removed.map((r) => cut(r.text)), [], c.recommendations.unchanged);
  const o = c.overrides;
  if (o) {
    lines.push('', `Analyst overrides: ${o.dropped.length} dropped, ${o.pinned.length} pinned, ${o.themes.length} themes named, ${o.sources.length} sources with a sidecar`);
    for (const d of o.dropped) lines.push(`  - ${d.kind}: ${cut(d.text)}`);
    for (const p of o.pinned) lines.push(`  ! key message: ${cut(p.text)}`);
    for (const t of o.themes) lines.push(`  ~ ${t.from} → ${t.to}`);
    for (const s of o.sources) lines.push(`  ~ ${s.file}: ${s.fields.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The analyst's overrides from the config, applied to a built brief: items dropped, findings
 * pinned as key messages, themes relabelled. Each is matched by id or by text (a case-insensitive
 * substring that must pick out exactly one item), so it holds when the sources are read again and
 * ids change. An override that matches nothing, or more than one item, is reported and not applied.
 */
import type { Brief, OverridesRecord } from '../model/schema.js';

/** The `overrides` section of the config. */
export interface Overrides {
  drop: readonly string[];
  pin: readonly string[];
  themes: Readonly<Record<string, string>>;
}

/** An override that could not be applied, and why. */
export interface OverrideProblem {
  /** The override as written, with its section ("drop: …"). */
  override: string;
  message: string;
}

type Kind = OverridesRecord['dropped'][number]['kind'];
interface Candidate { kind: Kind; id: string; text: string }

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The one candidate `pattern` names: by id, else by exact text, else by a unique substring of its text. */
function pick(pattern: string, candidates: readonly Candidate[]): { hit?: Candidate; count: number } {
  const byId = candidates.filter((c) => c.id === pattern);
  if (byId.length === 1) return { hit: byId[0], count: 1 };
  const p = fold(pattern);
  const exact = candidates.filter((c) => fold(c.text) === p);
  if (exact.length === 1) return { hit: exact[0], count: 1 };
  const some = candidates.filter((c) => fold(c.text).includes(p));
  return some.length === 1 ? { hit: some[0], count: 1 } : { count: some.length };
}

const ambiguity = (count: number) => (count === 0 ? 'matches nothing in this edition' : `matches ${count} items: quote more of the text to pick out one`);

/** The brief with the overrides applied, the record of what they did, and the overrides that did nothing. */
export function applyOverrides(brief: Brief, overrides: Overrides): { brief: Brief; record: OverridesRecord; problems: OverrideProblem[] } {
  const record: OverridesRecord = { dropped: [], pinned: [], themes: [], sources: [] };
  const problems: OverrideProblem[] = [];
  const candidates: Candidate[] = [
    ...brief.findings.map((f) => ({ kind: 'finding' as const, id: f.id, text: f.text })),
    ...brief.recommendations.map((r) => ({ kind: 'recommendation' as const, id: r.id, text: r.text })),
    ...brief.glossary.map((g, i) => ({ kind: 'glossary' as const, id: `glossary-${i + 1}`, text: `${g.term}: ${g.definition}` })),
    ...brief.timeline.map((e, i) => ({ kind: 'timeline' as const, id: `timeline-${i + 1}`, text: `${e.date} ${e.text}` })),
  ];
  const drop = new Set<string>();
  for (const pattern of overrides.drop) {
    const { hit, count } = pick(pattern, candidates);
    if (!hit) problems.push({ override: `drop: "${pattern}"`, message: ambiguity(count) });
    else if (!drop.has(`${hit.kind}:${hit.id}`)) {
      drop.add(`${hit.kind}:${hit.id}`);
      record.dropped.push({ ...hit, match: pattern });
    }
  }
  const kept = (kind: Kind, id: string) => !drop.has(`${kind}:${id}`);
  const pinned = new Set<string>();
  for (const pattern of overrides.pin) {
    const { hit, count } = pick(pattern, candidates.filter((c) => c.kind === 'finding' && kept('finding', c.id)));
    if (!hit) problems.push({ override: `pin: "${pattern}"`, message: `${ambiguity(count)} (pin names a finding)` });
    else if (!pinned.has(hit.id)) {
      pinned.add(hit.id);
      record.pinned.push({ ...hit, match: pattern });
    }
  }
  const labels = new Map<string, string>();
  for (const [from, to] of Object.entries(overrides.themes)) {
    const themes = brief.themes.map((t) => ({ kind: 'finding' as const, id: t.id, text: t.label }));
    const { hit, count } = pick(from, themes);
    if (!hit) problems.push({ override: `themes: "${from}"`, message: ambiguity(count).replace('items', 'themes') });
    else {
      labels.set(hit.id, to);
      record.themes.push({ id: hit.id, from: hit.text, to });
    }
  }
  const findings = brief.findings.filter((f) => kept('finding', f.id)).map((f) => (pinned.has(f.id) ? { ...f, pinned: true } : f));
  const findingIds = new Set(findings.map((f) => f.id));
  const recommendations = brief.recommendations.filter((r) => kept('recommendation', r.id));
  const recIds = new Set(recommendations.map((r) => r.id));
  const live = (ids: readonly string[] | undefined, set: Set<string>) => ids?.filter((id) => set.has(id));
  const out: Brief = {
    ...brief,
    findings: findings.map((f) => (f.agreesWith ? { ...f, agreesWith: live(f.agreesWith, findingIds) } : f)),
    recommendations: recommendations.map((r) => (r.agreesWith ? { ...r, agreesWith: live(r.agreesWith, recIds) } : r)),
    glossary: brief.glossary.filter((_, i) => kept('glossary', `glossary-${i + 1}`)),
    timeline: brief.timeline.filter((_, i) => kept('timeline', `timeline-${i + 1}`)),
    themes: brief.themes.map((t) => ({
      ...t,
      label: labels.get(t.id) ?? t.label,
      findingIds: t.findingIds.filter((id) => findingIds.has(id)),
      recommendationIds: t.recommendationIds.filter((id) => recIds.has(id)),
      ...(t.agreedFindingIds ? { agreedFindingIds: live(t.agreedFindingIds, findingIds) } : {}),
    })),
    ...(brief.agreements
      ? {
          // An agreement of items goes when all its items were dropped; an agreement by meaning has no
          // items (it cites each source's passage), so it stays.
          agreements: brief.agreements
            .map((a) => ({ a, ids: a.ids.filter((id) => (a.kind === 'finding' ? findingIds : recIds).has(id)) }))
            .filter(({ a, ids }) => ids.length > 0 || a.ids.length === 0)
            .map(({ a, ids }) => ({ ...a, ids })),
        }
      : {}),
    ...(brief.recommendationGroups ? { recommendationGroups: brief.recommendationGroups.map((g) => ({ ...g, recommendationIds: g.recommendationIds.filter((id) => recIds.has(id)) })).filter((g) => g.recommendationIds.length > 0) } : {}),
  };
  return { brief: out, record, problems };
}

/** Whether a record holds any override (an empty one is left out of the model). */
export const anyOverride = (r: OverridesRecord): boolean => r.dropped.length + r.pinned.length + r.themes.length + r.sources.length > 0;

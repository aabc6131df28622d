/**
 * synthesize: SourceAnalysis[] → Brief. Corpus-level keyphrase ranking, cross-source themes,
 * near-duplicate findings and recommendations merged with every citation kept (`support` =
 * distinct sources, `agreed` when two or more agree), recommendations grouped by actor and theme,
 * glossary merged across spelling variants, timeline merged across sources. Ids are stable for
 * the same inputs and every list has a deterministic order.
 */
import type { SourceAnalysis } from '../model/document.js';
import { untitled, type StageContext, type SynthesizeOptions } from '../model/context.js';
import type { Brief, Citation, Finding, GlossaryEntry, Recommendation, SourceEntry, Theme } from '../model/schema.js';
import { citationOf } from './cite.js';
import { rankKeyphrases } from '../analyze/rank-keyphrases.js';
import { nearDuplicateGroups } from './merge.js';
import { findThemes, themesOfItem, defaultThemeOptions } from './themes.js';
import { noticeTest } from './notices.js';
import { indexCorpus } from './corpus-index.js';
import { byCitation, mergeGlossary, mergeTimeline, mergeQuotes } from './collect.js';
import { findAgreements } from './agreement.js';
import { citedDetails } from './cited-details.js';
import { crossSource } from './cross-source.js';
import { unrelatedSources } from './unrelated.js';
import { stemPhrase, stemWord, wordsOf } from '../analyze/text/stem.js';
import { builtinActorAliases } from '../analyze/data/actor-aliases.js';
import { escapeRegExp } from '../analyze/actors.js';

/** Similarity at which two findings or recommendations are the same point. */
const duplicateThreshold = 0.5;

/** The expansion of an acronym that names an institution ("Green Climate Fund", "Asian Development Bank"). */
const institutionName = /\s(?:Board|Fund|Bank|Organi[sz]ation|Agency|Facility|Council|Commission|Secretariat|Programme|Program|Forum|Institute|Authority|Corporation|Committee|Network)\b/;

/**
 * Names an audience by the acronyms the corpus defines: "the Green Climate Fund Board" and "The
 * International Monetary Fund (IMF)" become "the GCF Board" and "the IMF", so advice to one body
 * given under both names is one audience ("the Board of the FRLD" is "the FRLD Board" too). Only
 * the names of institutions are shortened: a country ("United States", "US") or a movement keeps
 * the name the actor table gives it.
 */
function acronymNamer(glossary: readonly GlossaryEntry[]): (actor: string) => string {
  const pairs = glossary
    .filter((g) => g.kind === 'acronym' && /^\p{Lu}/u.test(g.definition) && institutionName.test(g.definition))
    .map((g) => ({ acronym: g.term, re: new RegExp(`(?<![\\p{L}])${escapeRegExp(g.definition).replace(/\s+/g, '\\s+')}(?:\\s*\\(${escapeRegExp(g.term)}\\))?(?![\\p{L}])`, 'giu') }))
    .sort((a, b) => b.re.source.length - a.re.source.length);
  const named = new Map<string, string>();
  return (actor) => {
    let out = named.get(actor);
    if (out === undefined) {
      out = actor;
      for (const p of pairs) out = out.replace(p.re, p.acronym);
      // "the Board of the FRLD" is "the FRLD Board".
      out = out.replace(/^the\s+(Board|Council|Secretariat|Committee)\s+of\s+the\s+([A-Z]{2,8})$/, 'the $2 $1');
      named.set(actor, out);
    }
    return out;
  };
}

export function synthesize(analyses: SourceAnalysis[], ctx: StageContext, options: SynthesizeOptions): Brief {
  const keyphrases: SourceEntry['keyphrases'][] = rankKeyphrases(analyses.map((a) => a.candidates), { limit: 15 });
  const cited = citedDetails(analyses.map((a) => a.doc));
  const sources: SourceEntry[] = analyses.map((a, i) => ({
    id: a.doc.source.id,
    path: a.doc.source.path,
    sha256: a.doc.source.sha256,
    format: a.doc.source.format,
    title: a.doc.metadata.title,
    subtitle: a.doc.metadata.subtitle,
    authors: a.doc.metadata.authors,
    keywords: a.doc.metadata.keywords,
    abstract: a.doc.metadata.abstract,
    year: a.doc.metadata.year ?? cited[i]?.year ?? null,
    venue: a.doc.metadata.venue ?? cited[i]?.venue ?? null,
    doi: a.doc.metadata.doi ?? cited[i]?.doi ?? null,
    ...(a.doc.metadata.publisher ? { publisher: a.doc.metadata.publisher } : {}),
    ...(a.doc.metadata.series ? { series: a.doc.metadata.series } : {}),
    ...(a.doc.metadata.date ? { date: a.doc.metadata.date } : {}),
    ...(a.doc.metadata.metadataSources ? { metadataSources: a.doc.metadata.metadataSources } : {}),
    ...(cited[i] ? { detailsFrom: { fields: cited[i]!.fields, citations: cited[i]!.citations } } : {}),
    sections: a.doc.sections.map((s) => ({ heading: s.heading, number: s.number, level: s.level, kind: s.kind, start: s.start, end: s.end })),
    ...(a.doc.zones ? { zones: a.doc.zones } : {}),
    keyphrases: keyphrases[i],
    summary: a.summary.map((s) => ({ text: s.text, start: s.start, end: s.end })),
  }));
  const order = new Map(sources.map((s, i) => [s.id, i]));
  // A source unrelated to the rest (a computing paper among papers on foreign policy) is named in a
  // warning and kept out of what is built across sources: themes, agreements, disagreements.
  const fullIndex = indexCorpus(analyses);
  const unrelated = unrelatedSources(fullIndex, analyses.length);
  for (const [i, c] of unrelated) {
    ctx.report.warn(analyses[i].doc.source.path, undefined, `Unexpected source unrelated to the others (closeness ${c.toFixed(2)} to the rest of the corpus), expected one on their subject: summarised on its own, kept out of themes and agreements`, 'unrelated-source');
  }
  const index = unrelated.size ? indexCorpus(analyses, new Set(unrelated.keys())) : fullIndex;
  const related = (sourceIndex: number) => !unrelated.has(sourceIndex);
  // The names sources are published under ("Island Resilience Report 2025", "Margalla Energy Policy
  // Forum") name documents, not subjects: no theme is named by one.
  const ownNames = new Set(sources.flatMap((x) => (x.venue ?? '').split(/\s*,\s*/)).map((part) => stemPhrase(part.replace(/\b(?:no\.?\s*)?\d[\w/.-]*/gi, ' '))).filter((k) => k.includes(' ')));
  const themeKeyphrases = keyphrases.map((list, i) => (related(i) ? list : []));
  const clusters = findThemes(ownNames.size ? themeKeyphrases.map((list) => list.filter((k) => !ownNames.has(stemPhrase(k.text)))) : themeKeyphrases, index, { ...defaultThemeOptions, max: options.themes });

  // A notice every paper of a series prints ("Permission to make digital or hard copies…") is
  // neither a finding nor advice, though it is "stated" by many sources.
  const isNotice = noticeTest(index);
  // Findings: near-duplicates across (and within) sources become one finding with every citation.
  const rawFindings = analyses.flatMap((a, i) => a.findings.filter((f) => !isNotice(f.text)).map((f) => ({ ...f, source: i })));
  const findingGroups = nearDuplicateGroups(rawFindings, duplicateThreshold);
  const findingsDraft = findingGroups.map((g) => {
    const items = g.map((k) => rawFindings[k]);
    const lead = [...items].sort((a, b) => b.score - a.score || a.source - b.source || a.start - b.start)[0];
    const citations = items.map((f) => citationOf(analyses[f.source].doc, f)).sort((a, b) => byCitation(a, b, order));
    const sourceIds = [...new Set(items.map((f) => sources[f.source].id))].sort((a, b) => order.get(a)! - order.get(b)!);
    const score = Math.max(...items.map((f) => f.score));
    return { text: lead.text, citations, sourceIds, support: sourceIds.length, score, themes: items.some((f) => related(f.source)) ? themesOfItem(lead.text, clusters, index) : [] };
  });
  findingsDraft.sort((a, b) => b.support - a.support || b.score - a.score || byCitation(a.citations[0], b.citations[0], order));

  // Recommendations: merged only when their actors agree (or one names none). An audience the
  // sources name both in full and by an acronym they define is named by the acronym.
  const glossary = mergeGlossary(analyses, order);
  const shortName = acronymNamer(glossary);
  const rawRecs = analyses.flatMap((a, i) =>
    a.recommendations.filter((r) => !isNotice(r.text)).map((r) => {
      const actors = (r.actors ?? (r.actor ? [r.actor] : [])).map(shortName);
      return { ...r, source: i, actors, actorsKey: actors.join('|') };
    }),
  );
  const sameActors = (a: (typeof rawRecs)[number], b: (typeof rawRecs)[number]) => !a.actors.length || !b.actors.length || a.actorsKey === b.actorsKey;
  const recGroups = nearDuplicateGroups(rawRecs, duplicateThreshold, sameActors, [], undefined, (r) => `${r.actors.length}:${r.actorsKey}`);
  const recsDraft = recGroups.map((g) => {
    const items = g.map((k) => rawRecs[k]);
    const lead = [...items].sort((a, b) => b.actors.length - a.actors.length || (a.strength === b.strength ? 0 : a.strength === 'explicit' ? -1 : 1) || a.source - b.source || a.start - b.start)[0];
    const citations = items.map((r) => citationOf(analyses[r.source].doc, r)).sort((a, b) => byCitation(a, b, order));
    const sourceIds = [...new Set(items.map((r) => sources[r.source].id))].sort((a, b) => order.get(a)! - order.get(b)!);
    return {
      text: lead.text,
      actor: lead.actor === null ? null : shortName(lead.actor),
      actors: lead.actors,
      action: lead.action,
      strength: items.some((r) => r.strength === 'explicit') ? ('explicit' as const) : ('implicit' as const),
      citations,
      sourceIds,
      support: sourceIds.length,
      themes: items.some((r) => related(r.source)) ? themesOfItem(lead.text, clusters, index).map((p) => p.theme) : [],
    };
  });

  // Theme ids in rank order; findings get ids in their rank order.
  const themeId = (i: number) => `T${i + 1}`;
  const findings: Finding[] = findingsDraft.map((f, i) => ({
    id: `F${i + 1}`,
    text: f.text,
    citations: f.citations,
    themeIds: f.themes.map((p) => themeId(p.theme)),
    support: f.support,
    score: f.score,
    sourceIds: f.sourceIds,
    agreed: f.support > 1,
  }));

  // Recommendations grouped by actor (most recommendations first, none last), then theme, then support.
  const actorKey = (r: { actor: string | null }) => r.actor ?? '';
  const actorCount = new Map<string, number>();
  for (const r of recsDraft) actorCount.set(actorKey(r), (actorCount.get(actorKey(r)) ?? 0) + 1);
  const themeRank = (r: { themes: number[] }) => (r.themes.length ? r.themes[0] : clusters.length);
  recsDraft.sort(
    (a, b) =>
      Number(!a.actor) - Number(!b.actor) ||
      actorCount.get(actorKey(b))! - actorCount.get(actorKey(a))! ||
      actorKey(a).localeCompare(actorKey(b)) ||
      themeRank(a) - themeRank(b) ||
      b.support - a.support ||
      byCitation(a.citations[0], b.citations[0], order),
  );
  const recommendations: Recommendation[] = recsDraft.map((r, i) => ({
    id: `R${i + 1}`,
    text: r.text,
    actor: r.actor,
    action: r.action,
    strength: r.strength,
    citations: r.citations,
    themeIds: r.themes.map(themeId),
    support: r.support,
    actors: r.actors,
    sourceIds: r.sourceIds,
    agreed: r.support > 1,
  }));
  const recommendationGroups: NonNullable<Brief['recommendationGroups']> = [];
  recommendations.forEach((r, i) => {
    const t = recsDraft[i].themes.length ? themeId(recsDraft[i].themes[0]) : null;
    const last = recommendationGroups[recommendationGroups.length - 1];
    if (last && last.actor === r.actor && last.themeId === t) last.recommendationIds.push(r.id);
    else recommendationGroups.push({ actor: r.actor, themeId: t, recommendationIds: [r.id] });
  });

  // Agreement beyond merged duplicates: similar points on a shared phrase from different sources.
  // Actor names cannot be the shared phrase (every recommendation to Pakistan names Pakistan).
  const actorStems = new Set([...Object.keys(builtinActorAliases), ...Object.values(builtinActorAliases), ...recommendations.flatMap((r) => r.actors ?? [])].flatMap((a) => wordsOf(a).map(stemWord)));
  const agreements: NonNullable<Brief['agreements']> = [];
  const directly = (n: number) => ({ sources: n, directness: 1 });
  for (const f of findings) if (f.agreed) agreements.push({ kind: 'finding', ids: [f.id], sourceIds: f.sourceIds ?? [], phrase: null, claim: f.text, citations: f.citations, strength: directly(f.support) });
  for (const r of recommendations) if (r.agreed) agreements.push({ kind: 'recommendation', ids: [r.id], sourceIds: r.sourceIds ?? [], phrase: null, claim: r.text, citations: r.citations, strength: directly(r.support ?? 1) });
  const link = <T extends { id: string; text: string; citations: Citation[]; sourceIds?: string[]; agreesWith?: string[] }>(list: T[], kind: 'finding' | 'recommendation', groups: ReturnType<typeof findAgreements>) => {
    for (const g of groups) {
      const members = g.members.map((m) => list[m]);
      for (const m of members) m.agreesWith = members.filter((x) => x !== m).map((x) => x.id);
      const ids = [...new Set(members.flatMap((m) => m.sourceIds ?? []))].sort((a, b) => order.get(a)! - order.get(b)!);
      const citations = members.flatMap((m) => m.citations).sort((a, b) => byCitation(a, b, order));
      agreements.push({ kind, ids: members.map((m) => m.id), sourceIds: ids, phrase: g.phrase, claim: members[0].text, citations, strength: { sources: ids.length, directness: 0.5 } });
    }
  };
  link(findings, 'finding', findAgreements(findings.map((f) => ({ text: f.text, sourceIds: f.sourceIds ?? [] })), index, 0.25, actorStems));
  link(recommendations, 'recommendation', findAgreements(recommendations.map((r) => ({ text: r.text, sourceIds: r.sourceIds ?? [], actors: r.actors ?? [] })), index, 0.2, actorStems));
  // Agreement by meaning (each claim's closest passage in every other source) and disagreement.
  const cross = crossSource(analyses, index, new Set(unrelated.keys()));
  agreements.push(...cross.agreements);

  const themes: Theme[] = clusters.map((c, i) => {
    const id = themeId(i);
    // The theme's findings, those most about it and strongest first (closeness × score).
    const weightIn = (k: number) => (findingsDraft[k].themes.find((p) => p.theme === i)?.fit ?? 0) * findingsDraft[k].score;
    const fIds = findings
      .map((f, k) => ({ f, k }))
      .filter(({ f }) => f.themeIds.includes(id))
      .sort((a, b) => weightIn(b.k) - weightIn(a.k) || a.k - b.k)
      .map(({ f }) => f.id);
    const rIds = recommendations.filter((r) => r.themeIds.includes(id)).map((r) => r.id);
    // Sources that discuss the theme: those with enough sentences mainly about it, plus those cited by its items.
    const ids = new Set(c.sources.map((s) => sources[s].id));
    for (const f of findings) if (f.themeIds.includes(id)) f.sourceIds?.forEach((s) => ids.add(s));
    for (const r of recommendations) if (r.themeIds.includes(id)) r.sourceIds?.forEach((s) => ids.add(s));
    return {
      id,
      label: c.label,
      keyphrases: c.keyphrases,
      sourceIds: [...ids].sort((a, b) => order.get(a)! - order.get(b)!),
      leadSourceIds: c.leads.map((s) => sources[s].id),
      findingIds: fIds,
      recommendationIds: rIds,
      score: c.score,
      agreedFindingIds: findings.filter((f) => (f.agreed || f.agreesWith?.length) && f.themeIds.includes(id)).map((f) => f.id),
    };
  });

  return {
    generator: options.generator,
    title: options.title ?? untitled,
    subtitle: options.subtitle,
    organisation: options.organisation,
    date: options.date,
    sources,
    themes,
    findings,
    recommendations,
    recommendationGroups,
    agreements,
    disagreements: cross.disagreements,
    glossary,
    timeline: mergeTimeline(analyses, order),
    quotes: mergeQuotes(analyses, order),
  };
}

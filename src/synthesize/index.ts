/**
 * synthesize: SourceAnalysis[] → Brief. Corpus-level keyphrase ranking, cross-source themes,
 * de-duplicated findings and recommendations with support counts, glossary and timeline.
 * (Foundation version: TF-IDF keyphrases, themes from shared keyphrases, no merging.)
 */
import type { SourceAnalysis } from '../model/document.js';
import type { StageContext, SynthesizeOptions } from '../model/context.js';
import type { Brief, Finding, Recommendation, SourceEntry, Theme } from '../model/schema.js';
import { citationOf } from './cite.js';
import { rankKeyphrases } from '../analyze/rank-keyphrases.js';

export function synthesize(analyses: SourceAnalysis[], _ctx: StageContext, options: SynthesizeOptions): Brief {
  const keyphrases: SourceEntry['keyphrases'][] = rankKeyphrases(analyses.map((a) => a.candidates), { limit: 15 });
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
    year: a.doc.metadata.year,
    venue: a.doc.metadata.venue,
    doi: a.doc.metadata.doi,
    sections: a.doc.sections.map((s) => ({ heading: s.heading, number: s.number, level: s.level, kind: s.kind, start: s.start, end: s.end })),
    keyphrases: keyphrases[i],
    summary: a.summary.map((s) => ({ text: s.text, start: s.start, end: s.end })),
  }));
  const findings: Finding[] = [];
  const recommendations: Recommendation[] = [];
  analyses.forEach((a) => {
    for (const f of a.findings) findings.push({ id: `F${findings.length + 1}`, text: f.text, citations: [citationOf(a.doc, f)], themeIds: [], support: 1 });
    for (const r of a.recommendations) recommendations.push({ id: `R${recommendations.length + 1}`, text: r.text, actor: r.actor, action: r.action, strength: r.strength, citations: [citationOf(a.doc, r)], themeIds: [] });
  });
  // Themes: keyphrases that several sources rank highly.
  const bySources = new Map<string, Set<string>>();
  keyphrases.forEach((list, i) => list.forEach((k) => (bySources.get(k.text) ?? bySources.set(k.text, new Set()).get(k.text)!).add(sources[i].id)));
  const themes: Theme[] = [...bySources.entries()]
    .sort((x, y) => y[1].size - x[1].size || x[0].localeCompare(y[0]))
    .slice(0, options.themes)
    .map(([label, ids], i) => {
      const id = `T${i + 1}`;
      const words = label.split(' ');
      const matches = (t: string) => words.every((w) => t.toLowerCase().includes(w));
      const fIds = findings.filter((f) => matches(f.text)).map((f) => (f.themeIds.push(id), f.id));
      const rIds = recommendations.filter((r) => matches(r.text)).map((r) => (r.themeIds.push(id), r.id));
      return { id, label, keyphrases: [label], sourceIds: [...ids].sort(), findingIds: fIds, recommendationIds: rIds };
    });
  return {
    generator: options.generator,
    title: options.title ?? 'Briefing note',
    subtitle: options.subtitle,
    organisation: options.organisation,
    date: options.date,
    sources,
    themes,
    findings,
    recommendations,
    glossary: analyses.flatMap((a) => a.terms.map((t) => ({ term: t.term, definition: t.definition, citations: [citationOf(a.doc, t)] }))),
    timeline: analyses.flatMap((a) => a.events.map((e) => ({ date: e.date, text: e.text, citations: [citationOf(a.doc, e)] }))).sort((x, y) => x.date.localeCompare(y.date)),
    quotes: analyses.flatMap((a) => a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, citations: [citationOf(a.doc, q)] }))),
  };
}

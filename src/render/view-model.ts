/** The view model templates see: the brief prepared for display (numbered sources, citation labels). */
import type { Brief, Citation } from '../model/schema.js';

export interface ViewModel {
  brief: Brief;
  title: string;
  date: string;
  sourceCount: number;
  sources: (Brief['sources'][number] & { n: number })[];
  keyMessages: { text: string; cite: string; support: number }[];
  themes: { label: string; sourceCount: number; findings: { text: string; cite: string }[] }[];
  recommendations: { text: string; actor: string | null; strength: string; cite: string }[];
}

export function toViewModel(brief: Brief): ViewModel {
  const number = new Map(brief.sources.map((s, i) => [s.id, i + 1]));
  const cite = (cs: Citation[]) => '[' + cs.map((c) => `${number.get(c.sourceId)}${c.section ? ` §${c.section}` : ''}`).join('; ') + ']';
  const fById = new Map(brief.findings.map((f) => [f.id, f]));
  return {
    brief,
    title: brief.title,
    date: brief.date,
    sourceCount: brief.sources.length,
    sources: brief.sources.map((s, i) => ({ ...s, n: i + 1 })),
    keyMessages: [...brief.findings].sort((a, b) => b.support - a.support).slice(0, 4).map((f) => ({ text: f.text, cite: cite(f.citations), support: f.support })),
    themes: brief.themes.map((t) => ({ label: t.label, sourceCount: t.sourceIds.length, findings: t.findingIds.slice(0, 5).map((id) => fById.get(id)!).map((f) => ({ text: f.text, cite: cite(f.citations) })) })),
    recommendations: brief.recommendations.map((r) => ({ text: r.text, actor: r.actor, strength: r.strength, cite: cite(r.citations) })),
  };
}

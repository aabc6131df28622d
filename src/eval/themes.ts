/**
 * Figures of how well a brief's themes hold their findings, for want of gold themes:
 *   - separation: mean TF-IDF cosine between findings of the same theme, over that between
 *     findings of different themes (each finding counted under its first theme);
 *   - naming: share of a theme's findings that use one of the theme's phrases.
 * Above 1 the themes group findings on a subject better than chance; both grow as findings are
 * placed with the theme they are about.
 */
import type { Brief } from '../model/schema.js';
import { contentTerms, cosine, countTerms, inverseFrequencies, norm, weigh } from '../analyze/text/vectors.js';
import { stemPhrase } from '../analyze/text/stem.js';

export interface ThemeFigures {
  /** Findings under a theme, and all findings. */
  placed: number;
  findings: number;
  separation: number;
  naming: number;
}

export function themeFigures(brief: Brief): ThemeFigures {
  const terms = brief.findings.map((f) => contentTerms(f.text));
  const idf = inverseFrequencies(terms);
  const vectors = new Map(brief.findings.map((f, i) => [f.id, weigh(countTerms(terms[i]), idf)]));
  const norms = new Map([...vectors].map(([id, v]) => [id, norm(v)]));
  const first = new Map<string, string>();
  for (const t of brief.themes) for (const id of t.findingIds) if (!first.has(id)) first.set(id, t.id);
  const ids = [...first.keys()];
  const sums = { within: 0, nWithin: 0, across: 0, nAcross: 0 };
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const c = cosine(vectors.get(ids[i])!, vectors.get(ids[j])!, norms.get(ids[i]), norms.get(ids[j]));
      if (first.get(ids[i]) === first.get(ids[j])) (sums.within += c), sums.nWithin++;
      else (sums.across += c), sums.nAcross++;
    }
  }
  const text = new Map(brief.findings.map((f) => [f.id, ` ${stemPhrase(f.text)} `]));
  let naming = 0;
  let members = 0;
  for (const t of brief.themes) {
    const keys = t.keyphrases.map((k) => ` ${stemPhrase(k)} `);
    for (const id of t.findingIds) {
      members++;
      if (keys.some((k) => text.get(id)!.includes(k))) naming++;
    }
  }
  const mean = (s: number, n: number) => (n ? s / n : 0);
  const across = mean(sums.across, sums.nAcross);
  return {
    placed: ids.length,
    findings: brief.findings.length,
    separation: across > 0 ? mean(sums.within, sums.nWithin) / across : 0,
    naming: mean(naming, members),
  };
}

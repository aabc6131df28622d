/**
 * The cross-source part of synthesis: reads every body sentence of the corpus as a claim once,
 * then finds agreements by meaning (agreements.ts) and disagreements (disagreements.ts) over them,
 * and returns both in the model's shape with each source's own passage cited.
 */
import type { SourceAnalysis } from '../model/document.js';
import type { Brief, Citation, Finding } from '../model/schema.js';
import { bodySentences, isBoilerplate } from '../analyze/body-text.js';
import { citationOf } from './cite.js';
import { claimSpace, type ClaimSpace } from './claim-space.js';
import type { CorpusIndex } from './corpus-index.js';
import { findSemanticAgreements, type AnchorClaim, type CorpusClaim } from './agreements.js';
import { findDisagreements } from './disagreements.js';

type Agreement = NonNullable<Brief['agreements']>[number];
type Disagreement = NonNullable<Brief['disagreements']>[number];

/**
 * A sentence about the paper itself ("This paper aims to…", "The purpose of this study is…", "we
 * argue"): its framing, not a claim about the subject, so two papers "agreeing" on it say nothing.
 */
const aboutThePaper = /\b(?:this|the present|our|the current)\s+(?:paper|study|article|research|analysis|chapter|section|report|work)\b|\bthe (?:paper|study|article|research)\s+(?:aims|seeks|explores|examines|investigates|argues|focuses|will|is)\b|\b(?:we|us|our)\b/i;

/** Whether a sentence can be a claim in agreement: not about the paper itself. */
export function isClaim(text: string): boolean {
  return !aboutThePaper.test(text);
}

/** The corpus's body sentences as claims (prose of six words or more, no notices, not about the paper). */
export function corpusClaims(analyses: readonly SourceAnalysis[], space: ClaimSpace, skip: ReadonlySet<number> = new Set()): CorpusClaim[] {
  return analyses.flatMap((a, source) =>
    skip.has(source)
      ? []
      : bodySentences(a.doc)
          .filter((s) => s.duplicateOf === undefined && s.text.split(/\s+/).length >= 6 && !isBoilerplate(s.text) && isClaim(s.text))
          .map((s) => ({ source, start: s.start, end: s.end, claim: space.read(s.text) })),
  );
}

/**
 * Agreements by meaning and disagreements across the corpus. `findings` are the brief's findings
 * (anchors of agreements, with each source's summary sentences); `skip` lists sources kept out of
 * cross-source synthesis (unrelated to the rest).
 */
export function crossSource(
  analyses: readonly SourceAnalysis[],
  index: CorpusIndex,
  findings: readonly Finding[],
  skip: ReadonlySet<number> = new Set(),
): { agreements: Agreement[]; disagreements: Disagreement[] } {
  const order = new Map(analyses.map((a, i) => [a.doc.source.id, i]));
  const space = claimSpace(index);
  const sentences = corpusClaims(analyses, space, skip);
  const anchors: AnchorClaim[] = findings
    .filter((f) => isClaim(f.text) && !(f.sourceIds ?? []).some((id) => skip.has(order.get(id)!)))
    .map((f) => ({ claim: space.read(f.text), sources: (f.sourceIds ?? []).map((id) => order.get(id)!), citations: f.citations, findingId: f.id, score: f.score ?? 0 }));
  // Summary sentences state a source's main claims too; those already a finding are not read twice.
  const cited = new Set(findings.flatMap((f) => f.citations.map((c) => `${c.sourceId}:${c.start}`)));
  analyses.forEach((a, i) => {
    if (skip.has(i)) return;
    for (const s of a.summary) {
      if (cited.has(`${a.doc.source.id}:${s.start}`) || !isClaim(s.text)) continue;
      anchors.push({ claim: space.read(s.text), sources: [i], citations: [citationOf(a.doc, s)], score: 0 });
    }
  });
  const found = findSemanticAgreements(anchors, sentences, analyses.length);
  const agreements: Agreement[] = found.map((f) => {
    const a = anchors[f.anchor];
    const support = f.support.map((s) => citationOf(analyses[sentences[s.sentence].source].doc, sentences[s.sentence]));
    const citations: Citation[] = [...a.citations, ...support].sort((x, y) => order.get(x.sourceId)! - order.get(y.sourceId)! || x.start - y.start);
    const sourceIds = [...new Set(citations.map((c) => c.sourceId))].sort((x, y) => order.get(x)! - order.get(y)!);
    const directness = f.support.reduce((t, s) => t + s.similarity, 0) / f.support.length;
    return {
      kind: 'finding' as const,
      ids: a.findingId ? [a.findingId] : [],
      sourceIds,
      phrase: null,
      claim: a.claim.text,
      citations,
      strength: { sources: sourceIds.length, directness: Math.round(directness * 1000) / 1000 },
    };
  });
  agreements.sort((x, y) => y.strength!.sources - x.strength!.sources || y.strength!.directness - x.strength!.directness);
  return { agreements, disagreements: findDisagreements(analyses, sentences, space, skip) };
}

/**
 * The cross-source part of synthesis: reads every claim of the corpus once (claim-units.ts), then
 * finds agreements by meaning (agreements.ts) and disagreements (disagreements.ts) over them, and
 * returns both in the model's shape with each source's own passage cited.
 */
import type { SourceAnalysis } from '../model/document.js';
import type { Brief, Citation } from '../model/schema.js';
import { citationOf } from './cite.js';
import { claimSpace } from './claim-space.js';
import { candidatePairs, claimUnits, distinctClaims } from './claim-units.js';
import type { CorpusIndex } from './corpus-index.js';
import { defaultAgreementThresholds, findAgreements } from './agreements.js';
import { findDisagreements } from './disagreements.js';

export { isClaim } from './claim-units.js';

type Agreement = NonNullable<Brief['agreements']>[number];
type Disagreement = NonNullable<Brief['disagreements']>[number];

/** A claim that leans on what came before it: a clause opening in lower case, or a pronoun or "this" for its subject. */
function leans(text: string): boolean {
  return /^\p{Ll}/u.test(text) || /^(?:it|this|that|these|those|they|such|he|she)\b/i.test(text);
}

/**
 * Agreements by meaning and disagreements across the corpus; `skip` lists sources kept out of
 * cross-source synthesis (unrelated to the rest).
 */
export function crossSource(analyses: readonly SourceAnalysis[], index: CorpusIndex, skip: ReadonlySet<number> = new Set()): { agreements: Agreement[]; disagreements: Disagreement[] } {
  const order = new Map(analyses.map((a, i) => [a.doc.source.id, i]));
  const space = claimSpace(index);
  const units = claimUnits(analyses, space, skip);
  // the distinct claims and the pairs worth comparing, made once for agreements and disagreements
  const t = defaultAgreementThresholds;
  const claims = distinctClaims(units);
  const candidates = candidatePairs(claims, t.distinctiveWord, t.sharedWords);
  const agreements: Agreement[] = findAgreements(units, index, t, claims, candidates).map((f) => {
    const members = f.units.map((u) => units[u]);
    // The claim in the words of the passage that speaks most for its source (summary before body),
    // one that reads on its own before one that leans on what came before, the shortest of those.
    const lead = [...members].sort((x, y) => y.weight - x.weight || Number(leans(x.claim.text)) - Number(leans(y.claim.text)) || x.claim.text.length - y.claim.text.length)[0];
    // a clause cut from inside its sentence ("and diffuse this knowledge …") is told as the whole sentence
    const claim = /^\p{Ll}/u.test(lead.claim.text) ? analyses[lead.source].doc.source.text.slice(lead.start, lead.end).replace(/\s+/g, ' ').trim() : lead.claim.text;
    const citations: Citation[] = members.map((u) => citationOf(analyses[u.source].doc, u)).sort((x, y) => order.get(x.sourceId)! - order.get(y.sourceId)! || x.start - y.start);
    const sourceIds = [...new Set(citations.map((c) => c.sourceId))];
    // passages that are their sources' recommendations agree on what should be done, not on what is
    const asks = members.filter((u) => analyses[u.source].recommendations.some((r) => r.start < u.end && u.start < r.end)).length;
    return {
      kind: asks * 2 >= members.length ? ('recommendation' as const) : ('finding' as const),
      ids: [],
      sourceIds,
      phrase: null,
      claim,
      citations,
      strength: { sources: sourceIds.length, directness: Math.round(f.directness * 1000) / 1000 },
    };
  });
  return { agreements, disagreements: findDisagreements(analyses, units, space, skip, claims, candidates) };
}
